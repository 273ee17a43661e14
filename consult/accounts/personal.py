"""What an account is, for its owner (the personal-data hook), and what is left of it when
it is deleted: a tombstone.

Why a tombstone rather than deleting the row: a dozen tables point at ``users`` (who made
an invitation letter, who verified a resident, who published a privacy notice, who lodged
an objection, who wrote a proposal ...). Keeping the row, with every personal field blanked,
keeps those links true without a per-table decision each time a domain is added, and what
the person wrote stays attributed to it: ``User.display_name`` then reads "a former
resident" in the reader's language. Nothing in the row identifies the person any more.
"""

import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from consult.accounts.models import RecoveryCode, UserSession
from consult.core.audit.models import AuditEntry
from consult.core.domain import PersonalTable
from consult.core.models import utcnow
from consult.core.permissions import RESIDENT, Role
from consult.extensions import db
from consult.i18n import LOCALE_NAMES

ACCOUNT_COLUMNS = (
    ("email", _l("E-mail address")),
    ("display_name", _l("Display name")),
    ("language", _l("Language")),
    ("role", _l("Role")),
    ("created_at", _l("Member since")),
    ("last_sign_in_at", _l("Last signed in")),
    ("two_factor", _l("Two-factor sign-in")),
    ("two_factor_since", _l("Two-factor sign-in since")),
    ("recovery_codes_left", _l("Recovery codes not used yet")),
)


def deleted_email(user):
    """The tombstone's address: unique, derived from the number only, and never delivered
    (``.invalid`` is reserved for exactly this, RFC 2606)."""
    return f"former-{user.id}@deleted.invalid"


def personal_data(user):
    codes_left = db.session.scalar(
        select(db.func.count(RecoveryCode.id)).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )
    account = (
        user.email,
        user.display_name,
        LOCALE_NAMES.get(user.preferred_locale, user.preferred_locale),
        Role(user.role).label,
        user.created_at,
        user.last_sign_in_at,
        _l("on") if user.two_factor_on else _l("off"),
        user.totp_enabled_at,
        codes_left if user.two_factor_on else None,
    )
    sessions = db.session.scalars(
        select(UserSession)
        .where(UserSession.user_id == user.id, UserSession.expires_at > utcnow())
        .order_by(UserSession.created_at.desc())
    ).all()
    sign_ins = db.session.scalars(
        select(AuditEntry.at)
        .where(
            AuditEntry.action == "account.signed_in",
            AuditEntry.object_type == "account",
            AuditEntry.object_id == user.id,
        )
        .order_by(AuditEntry.id.desc())
    ).all()
    return [
        PersonalTable(
            "account",
            _l("Your account"),
            ACCOUNT_COLUMNS,
            [account],
            _l(
                "Your account. Its password is kept only as a digest; its two-factor secret is not shown."
            ),  # fmt: skip
            subject=("account", user.id),
        ),
        PersonalTable(
            "sessions",
            _l("Where you are signed in"),
            (
                ("device", _l("Browser or device")),
                ("created_at", _l("Signed in")),
                ("expires_at", _l("Ends at the latest")),
                ("remember", _l("Kept signed in")),
            ),
            [(s.device, s.created_at, s.expires_at, s.remember) for s in sessions],
        ),
        PersonalTable(
            "sign_ins",
            _l("Sign-ins"),
            (("at", _l("When")),),
            [(at,) for at in sign_ins],
            _l("Each time you signed in, from the audit trail."),
        ),
    ]


def forget_user(user, actor):
    """Sessions and recovery codes go at once: nobody signs in to a deleted account."""
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))


def blank_account(user):
    """Turn ``user`` into a tombstone: every personal field blanked, no way to sign in."""
    user.email = deleted_email(user)
    user.display_name = ""
    user.set_password(secrets.token_urlsafe(32))  # a password nobody knows
    user.preferred_locale = None
    user.role = RESIDENT
    user.active = False
    user.last_sign_in_at = None
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_counter = None
    user.deleted_at = utcnow()
    return user
