"""Proposals in the open-data API: what a signed-out reader may see, never a draft.

Withdrawn proposals are public by design (on the site too, with the author's reason), so
they are listed with their state. Texts are given in the language each was written in, with
every translation and its status; nothing names a person.
"""

from flask import abort, jsonify, request
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from consult.core.api import PAGE_PARAMETERS, ApiRoutes, keyset_page, list_of, ref
from consult.core.permissions import parse_id
from consult.core.searching import matching, read_query
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.multilingual.languages import in_language, normalize_tag
from consult.multilingual.reading import translation_status
from consult.proposals.dates import community_today
from consult.proposals.models import PUBLIC_STATES, Answer, Proposal, ProposalState
from consult.proposals.queries import public_proposals, state_condition

routes = ApiRoutes(
    "proposals",
    description="Proposals put to the community, in their original language with every translation.",
    index="/proposals",
)

STATES = [state.value for state in PUBLIC_STATES]
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
TRANSLATION_STATUS = {
    "language": {"type": "string", "description": "BCP 47 tag of the translation"},
    "method": {"type": "string", "enum": ["human", "machine"]},
    "from_machine_draft": {"type": "boolean"},
    "verified": {"type": "boolean", "description": "checked by a second bilingual person"},
    "outdated": {"type": "boolean", "description": "the original changed since"},
    "revision": {"type": "integer", "description": "the original's revision it translates"},
}
routes.schema("TranslationStatus", {"type": "object", "required": list(TRANSLATION_STATUS),
                                    "properties": TRANSLATION_STATUS})  # fmt: skip
routes.schema(
    "Translation",
    {
        "type": "object",
        "required": [*TRANSLATION_STATUS, "fields"],
        "properties": {
            **TRANSLATION_STATUS,
            "fields": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
)
SUMMARY = {
    "id": {"type": "integer"},
    "url": {"type": "string", "format": "uri"},
    "title": {"type": "string"},
    "summary": {"type": "string"},
    "language": {"type": "string", "description": "BCP 47 tag it was written in"},
    "state": {"type": "string", "enum": STATES},
    "outcome": {"type": ["string", "null"], "enum": ["adopted", "adopted_in_part", "not_adopted", None]},
    "category": {"oneOf": [{"type": "null"}, {
        "type": "object", "required": ["id", "names"],
        "properties": {"id": {"type": "integer"},
                       "names": {"type": "object", "additionalProperties": {"type": "string"}}}}]},
    "scope": {"type": "object", "required": ["kind"], "properties": {
        "kind": {"type": "string", "enum": ["community", "grid", "building"]},
        "id": {"type": "integer"}, "name": {"type": "string"}}},
    "supports": {"type": "integer"},
    "comments": {"type": "integer"},
    "published_at": DATE_TIME,
    "closes_on": {"type": ["string", "null"], "format": "date"},
    "translations": {"type": "array", "items": ref("TranslationStatus")},
}  # fmt: skip
routes.schema(
    "ProposalSummary", {"type": "object", "required": list(SUMMARY), "properties": SUMMARY}
)
DETAIL = {
    **SUMMARY,
    "body": {"type": "string", "description": "Markdown"},
    "revision": {"type": "integer"},
    "translations": {"type": "array", "items": ref("Translation")},
    "timeline": {"type": "array", "items": {
        "type": "object", "required": ["state", "at"],
        "properties": {"state": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
                       "cause": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]}}}},
    "answer": {"oneOf": [{"type": "null"}, {
        "type": "object",
        "required": ["outcome", "body", "language", "prevailing_language", "published_at", "translations"],
        "properties": {
            "outcome": {"type": "string"}, "body": {"type": "string"},
            "language": {"type": "string"}, "prevailing_language": {"type": "string"},
            "published_at": DATE_TIME, "revision": {"type": "integer"},
            "translations": {"type": "array", "items": ref("Translation")}}}]},
}  # fmt: skip
routes.schema("Proposal", {"type": "object", "required": list(DETAIL), "properties": DETAIL})

FILTERS = [
    {"name": "q", "in": "query",
     "description": "Only proposals holding every word of this text, as the site's search box finds them: "
                    "in the original or any translation, Chinese without spaces (停车), Traditional or "
                    "Simplified, English word forms (parking, park), toneless pinyin (tingche, ting che). "
                    "At most 200 characters. Results stay in id order.",
     "schema": {"type": "string", "maxLength": 200}},
    {"name": "state", "in": "query", "description": "Only proposals in this state.",
     "schema": {"type": "string", "enum": STATES}},
    {"name": "category", "in": "query", "description": "Only proposals of this category (its id).",
     "schema": {"type": "integer", "minimum": 1}},
    {"name": "lang", "in": "query",
     "description": "Only proposals written in this language (BCP 47; zh matches zh-Hans and zh-Hant).",
     "schema": {"type": "string"}},
]  # fmt: skip


def _iso(value):
    return value.isoformat() if value else None


def _scope(p):
    place = p.grid or p.building
    return {"kind": p.scope.value, **({"id": place.id, "name": place.name} if place else {})}


def _status(content, row, with_fields=False):
    status = translation_status(content, row)
    if with_fields:
        status["fields"] = dict(row.texts or {})
    return status


def summary_json(p, today=None, with_fields=False):
    answer = p.answer if p.answer and p.answer.is_published else None
    return {
        "id": p.id,
        "url": external_url_for("proposals.proposal", proposal_id=p.id),
        "title": p.title, "summary": p.summary, "language": p.language,
        "state": p.current_state(today or community_today()).value,
        "outcome": answer.outcome.value if answer else None,
        "category": {"id": p.category.id, "names": p.category.names} if p.category else None,
        "scope": _scope(p),
        "supports": p.supports_count, "comments": p.comments_count,
        "published_at": _iso(p.published_at), "closes_on": _iso(p.closes_on),
        "translations": [_status(p, row, with_fields) for row in p.translations],
    }  # fmt: skip


def detail_json(p):
    answer = p.answer if p.answer and p.answer.is_published else None
    return {
        **summary_json(p, with_fields=True),
        "body": p.body,
        "revision": p.revision,
        "timeline": [{"state": c.state.value, "at": _iso(c.at),
                      "cause": c.cause.value if c.cause else None, "note": c.note}
                     for c in p.timeline],
        "answer": None if answer is None else {
            "outcome": answer.outcome.value, "body": answer.body, "language": answer.language,
            "prevailing_language": answer.prevailing_language, "revision": answer.revision,
            "published_at": _iso(answer.published_at),
            "translations": [_status(answer, row, True) for row in answer.translations]},
    }  # fmt: skip


def _bad_request(message):
    return jsonify(error={"code": "400", "message": message}), 400


def _loaded(stmt):
    return stmt.options(
        joinedload(Proposal.category), joinedload(Proposal.grid), joinedload(Proposal.building),
        joinedload(Proposal.answer), selectinload(Proposal.translations),
    )  # fmt: skip


@routes.get("/proposals", summary="Public proposals", response=list_of("ProposalSummary"),
            parameters=[*FILTERS, *PAGE_PARAMETERS])  # fmt: skip
def proposals():
    stmt = _loaded(public_proposals())
    today = community_today()
    if "q" in request.args:
        _query, terms, problem = read_query(request.args["q"])
        if problem:
            return _bad_request(str(problem))
        found = matching("proposal", terms, ranked=False)  # the list keeps id order
        if found is not None:
            stmt = stmt.where(Proposal.id.in_(select(found.c.object_id)))
    state = request.args.get("state")
    if state:
        if state not in STATES:
            return _bad_request(_("Unknown state “%(value)s”: use one of %(states)s.",
                                  value=state, states=", ".join(STATES)))  # fmt: skip
        stmt = stmt.where(state_condition(ProposalState(state), today))
    category = request.args.get("category")
    if category:
        if parse_id(category) is None:
            return _bad_request(_("The category must be a number."))
        stmt = stmt.where(Proposal.category_id == parse_id(category))
    lang = request.args.get("lang")
    if lang:
        if normalize_tag(lang) is None:
            return _bad_request(_("“%(value)s” is not a language tag such as zh, en or zh-Hant.", value=lang))  # fmt: skip
        stmt = stmt.where(in_language(Proposal.language, normalize_tag(lang)))
    return keyset_page(stmt, Proposal.id, lambda p: summary_json(p, today))


@routes.get("/proposals/<id:proposal_id>", summary="One proposal, its translations, timeline and answer",
            response=ref("Proposal"))  # fmt: skip
def proposal(proposal_id):
    stmt = (
        _loaded(public_proposals())
        .where(Proposal.id == proposal_id)
        .options(
            selectinload(Proposal.timeline),
            joinedload(Proposal.answer).selectinload(Answer.translations),
        )
    )
    found = db.session.scalars(stmt).unique().first()
    if found is None:
        abort(404)
    return detail_json(found)
