"""Notices in the open-data API: those that have gone up (published or archived), never a
draft or a scheduled notice. Texts in the language each was written in, with every
translation and its status; confirmations and subscriptions are nobody's business here."""

from flask import abort, jsonify, request
from flask_babel import gettext as _
from sqlalchemy import select

from consult.core.api import PAGE_PARAMETERS, ApiRoutes, keyset_page, list_of, ref
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.multilingual.languages import in_language, normalize_tag
from consult.multilingual.reading import translation_status
from consult.notices import clock, queries, services
from consult.notices.models import ARCHIVED, PUBLISHED, Notice

routes = ApiRoutes(
    "notices",
    description="The residents' committee's notices, in their original language with every translation.",
    index="/notices",
)

STATUSES = [PUBLISHED.value, ARCHIVED.value]
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
NOTICE = {
    "id": {"type": "integer"},
    "url": {"type": "string", "format": "uri"},
    "print_url": {"type": "string", "format": "uri"},
    "title": {"type": "string"},
    "body": {"type": "string", "description": "Markdown"},
    "language": {"type": "string", "description": "BCP 47 tag it was written in"},
    "revision": {"type": "integer"},
    "status": {"type": "string", "enum": STATUSES},
    "category": {"type": "object", "required": ["slug", "names"], "properties": {
        "slug": {"type": "string"},
        "names": {"type": "object", "additionalProperties": {"type": "string"}}}},
    "scope": {"type": "object", "required": ["kind"], "properties": {
        "kind": {"type": "string", "enum": ["community", "grid", "building"]},
        "id": {"type": "integer"}, "name": {"type": "string"}}},
    "pinned": {"type": "boolean"},
    "urgent": {"type": "boolean"},
    "asks_confirmation": {"type": "boolean"},
    "published_at": {"type": "string", "format": "date-time"},
    "expires_at": DATE_TIME,
    "translation_coming": {"type": "array", "items": {"type": "string"},
                           "description": "content languages still waiting for a translation"},
    "translations": {"type": "array", "items": {
        "type": "object", "required": ["language", "method", "verified", "outdated", "fields"],
        "properties": {"language": {"type": "string"}, "method": {"type": "string"},
                       "from_machine_draft": {"type": "boolean"}, "verified": {"type": "boolean"},
                       "outdated": {"type": "boolean"}, "revision": {"type": "integer"},
                       "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}},
}  # fmt: skip
routes.schema("Notice", {"type": "object", "required": list(NOTICE), "properties": NOTICE})

FILTERS = [
    {"name": "status", "in": "query", "description": "Only notices on the board (published) or archived.",
     "schema": {"type": "string", "enum": STATUSES}},
    {"name": "category", "in": "query", "description": "Only notices of this category (its short name).",
     "schema": {"type": "string"}},
    {"name": "lang", "in": "query",
     "description": "Only notices written in this language (BCP 47; zh matches zh-Hans and zh-Hant).",
     "schema": {"type": "string"}},
]  # fmt: skip


def _iso(value):
    return value.isoformat() if value else None


def _scope(n):
    place = n.grid or n.building
    return {"kind": n.scope.value, **({"id": place.id, "name": place.name} if place else {})}


def notice_json(n, now):
    from consult.multilingual.reading import missing_languages

    return {
        "id": n.id,
        "url": external_url_for("notices.notice", notice_id=n.id),
        "print_url": external_url_for("notices.print_notice", notice_id=n.id),
        "title": n.title, "body": n.body, "language": n.language, "revision": n.revision,
        "status": n.status_at(now).value,
        "category": {"slug": n.category.slug, "names": n.category.names},
        "scope": _scope(n), "pinned": n.pinned, "urgent": n.urgent,
        "asks_confirmation": n.needs_confirmation,
        "published_at": _iso(n.publish_at), "expires_at": _iso(n.expires_at),
        "translation_coming": missing_languages(n, n.translations),
        "translations": [{**translation_status(n, row), "fields": dict(row.texts or {})}
                         for row in n.translations],
    }  # fmt: skip


def _bad_request(message):
    return jsonify(error={"code": "400", "message": message}), 400


@routes.get("/notices", summary="Notices that have gone up", response=list_of("Notice"),
            parameters=[*FILTERS, *PAGE_PARAMETERS])  # fmt: skip
def notices():
    now = clock.now()
    stmt = queries.loaded(select(Notice).where(*queries.visible_condition(now)))
    status = request.args.get("status")
    if status:
        if status not in STATUSES:
            return _bad_request(_("Unknown state “%(value)s”: use one of %(states)s.",
                                  value=status, states=", ".join(STATUSES)))  # fmt: skip
        condition = queries.archived_condition if status == ARCHIVED.value else queries.published_condition  # fmt: skip
        stmt = stmt.where(*condition(now))
    category = request.args.get("category")
    if category:
        found = services.category_by_slug(category)
        if found is None:
            return _bad_request(_("There is no category “%(value)s”.", value=category))
        stmt = stmt.where(Notice.category_id == found.id)
    lang = request.args.get("lang")
    if lang:
        if normalize_tag(lang) is None:
            return _bad_request(_("“%(value)s” is not a language tag such as zh, en or zh-Hant.", value=lang))  # fmt: skip
        stmt = stmt.where(in_language(Notice.language, normalize_tag(lang)))
    return keyset_page(stmt, Notice.id, lambda n: notice_json(n, now))


@routes.get("/notices/<id:notice_id>", summary="One notice with its translations", response=ref("Notice"))  # fmt: skip
def notice(notice_id):
    now = clock.now()
    stmt = queries.loaded(
        select(Notice).where(*queries.visible_condition(now), Notice.id == notice_id)
    )
    found = db.session.scalars(stmt).unique().first()
    if found is None:
        abort(404)
    return notice_json(found, now)
