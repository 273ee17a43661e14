"""Accounts in the committee's "export everything" ZIP (the export hook): who they are,
without password hashes or two-factor secrets."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.accounts.models import User
from consult.core.domain import ExportTable
from consult.extensions import db


def _accounts():
    stmt = select(
        User.id,
        User.email,
        User.stored_name,
        User.role,
        User.preferred_locale,
        User.created_at,
        User.last_sign_in_at,
        User.totp_enabled_at.is_not(None),
        User.active,
        User.deleted_at,
    ).order_by(User.id)
    for row in db.session.execute(stmt.execution_options(yield_per=1000)):
        yield tuple("" if value is None else str(value) for value in row)


def export_tables():
    return [
        ExportTable(
            "accounts.csv",
            _l(
                "Accounts: number (other files name accounts by it), e-mail address, display name, role, language, when made and last signed in, two-factor sign-in on, deleted when (a deleted account keeps only its number)."
            ),  # fmt: skip
            (
                "id",
                "email",
                "display_name",
                "role",
                "language",
                "created_at",
                "last_sign_in_at",
                "two_factor",
                "active",
                "deleted_at",
            ),
            _accounts,
        )  # fmt: skip
    ]
