"""Every translation in the committee's "export everything" ZIP (the export hook)."""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from consult.core.domain import ExportTable
from consult.extensions import db
from consult.multilingual.models import Translation, TranslationRequest

COLUMNS = (
    "content_type", "content_id", "language", "method", "from_machine_draft", "engine",
    "translator", "revision", "verified_by", "verified_at", "texts", "updated_at",
)  # fmt: skip


def translation_rows():
    stmt = (
        select(Translation)
        .options(joinedload(Translation.translator), joinedload(Translation.verified_by))
        .order_by(Translation.content_type, Translation.content_id, Translation.language)
    )
    for row in db.session.scalars(stmt):
        yield (
            row.content_type, row.content_id, row.language, row.method.value,
            "yes" if row.from_machine_draft else "no", row.engine or "",
            row.translator.display_name if row.translator else "", row.revision,
            row.verified_by.display_name if row.verified_by else "",
            row.verified_at.isoformat() if row.verified_at else "",
            json.dumps(row.texts, ensure_ascii=False, sort_keys=True),
            row.updated_at.isoformat(),
        )  # fmt: skip


def request_rows():
    stmt = (
        select(TranslationRequest).order_by(TranslationRequest.id).execution_options(yield_per=500)
    )
    for row in db.session.scalars(stmt):
        yield (
            row.content_type, row.content_id, row.language, row.user_id,
            row.requested_at.isoformat(), row.answered_at.isoformat() if row.answered_at else "",
        )  # fmt: skip


def export_tables():
    return [
        ExportTable(
            "translations.csv",
            _l(
                "Every translation of proposals, answers and other texts, with who wrote and verified it."
            ),
            COLUMNS,
            translation_rows,
        ),
        ExportTable(
            "translation_requests.csv",
            _l(
                "Readers' requests for a translation: what, into which language, by which account (its number), when asked and when translated."
            ),
            ("content_type", "content_id", "language", "account_id", "requested_at", "answered_at"),
            request_rows,
        ),
    ]
