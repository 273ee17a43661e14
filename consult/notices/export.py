"""Notices in the committee's "export everything" ZIP (the export hook): notices and
categories. Confirmations are exported as numbers per notice only, as the committee sees
them; subscriptions are each person's own (in their "My data")."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import ExportTable
from consult.extensions import db
from consult.notices.models import Notice, NoticeCategory, NoticeConfirmation


def _iso(value):
    return value.isoformat() if value else ""


def notice_rows():
    confirmed = dict(
        db.session.execute(
            select(NoticeConfirmation.notice_id, func.count(NoticeConfirmation.id)).group_by(
                NoticeConfirmation.notice_id
            )
        ).all()
    )
    slugs = dict(db.session.execute(select(NoticeCategory.id, NoticeCategory.slug)).all())
    stmt = select(Notice).order_by(Notice.id).execution_options(yield_per=500)
    for n in db.session.scalars(stmt):
        yield (
            n.id, n.title, n.body, n.language, n.revision, slugs.get(n.category_id, ""),
            n.scope.value, n.grid_id or n.building_id or "", n.pinned, n.urgent,
            n.needs_confirmation, _iso(n.publish_at), _iso(n.expires_at),
            " ".join(n.coming_languages or []), confirmed.get(n.id, 0), _iso(n.created_at),
        )  # fmt: skip


def category_rows():
    stmt = select(NoticeCategory).order_by(NoticeCategory.position, NoticeCategory.id)
    for c in db.session.scalars(stmt):
        names = c.names or {}
        yield (c.id, c.slug, names.get("en", ""), names.get("zh-Hans", ""), names.get("zh-Hant", ""))  # fmt: skip


def export_tables():
    return [
        ExportTable(
            "notices.csv",
            _l("Every notice in its original language, with its times and how many confirmed it."),
            (
                "id",
                "title",
                "body",
                "language",
                "revision",
                "category",
                "scope",
                "place_id",
                "pinned",
                "urgent",
                "asks_confirmation",
                "publish_at",
                "expires_at",
                "translation_coming",
                "confirmations",
                "created_at",
            ),  # fmt: skip
            notice_rows,
        ),
        ExportTable(
            "notice_categories.csv",
            _l("Notice categories with their short names and names in each language."),
            ("id", "slug", "name_en", "name_zh_hans", "name_zh_hant"),
            category_rows,
        ),
    ]
