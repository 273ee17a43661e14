"""The committee's contact details, every version of the privacy notice and every consent,
in its "export everything" ZIP (the export hook)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.community.models import (
    ContactDetails,
    PrivacyConsent,
    PrivacyNotice,
    PrivacyNoticeText,
)
from consult.core.domain import ExportTable
from consult.extensions import db


def _stream(stmt):
    for row in db.session.execute(stmt.execution_options(yield_per=1000)):
        yield tuple("" if value is None else str(value) for value in row)


def export_tables():
    return [
        ExportTable(
            "contact_details.csv",
            _l("The committee's contact details in each content language."),
            ("language", "address", "hours", "phone", "email", "updated_at", "updated_by"),
            lambda: _stream(
                select(
                    ContactDetails.language,
                    ContactDetails.address,
                    ContactDetails.hours,
                    ContactDetails.phone,
                    ContactDetails.email,
                    ContactDetails.updated_at,
                    ContactDetails.updated_by_id,
                ).order_by(ContactDetails.language)
            ),
        ),  # fmt: skip
        ExportTable(
            "privacy_notices.csv",
            _l(
                "Every published version of the privacy notice, in each content language (Markdown)."
            ),  # fmt: skip
            ("version", "published_at", "published_by", "language", "text"),
            lambda: _stream(
                select(
                    PrivacyNotice.number,
                    PrivacyNotice.published_at,
                    PrivacyNotice.published_by_id,
                    PrivacyNoticeText.language,
                    PrivacyNoticeText.body,
                )
                .join(PrivacyNoticeText.notice)
                .order_by(PrivacyNotice.number, PrivacyNoticeText.language)
            ),
        ),  # fmt: skip
        ExportTable(
            "privacy_consents.csv",
            _l(
                "Each account's answer to the privacy notice at sign-up: the version shown (empty: Consult's built-in text), agreed or not, when."
            ),  # fmt: skip
            ("id", "account_id", "version", "agreed", "at"),
            lambda: _stream(
                select(
                    PrivacyConsent.id,
                    PrivacyConsent.user_id,
                    PrivacyNotice.number,
                    PrivacyConsent.agreed,
                    PrivacyConsent.at,
                )
                .outerjoin(PrivacyConsent.notice)
                .order_by(PrivacyConsent.id)
            ),
        ),  # fmt: skip
    ]
