"""Accounts: who signs in, with which role and language."""

import hashlib
import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import BigInteger, ForeignKey, String, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.accounts.passwords import hash_password, password_matches
from consult.core.enums import EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.core.permissions import RESIDENT, Role

# What a deleted account is called wherever its name was shown (its content stays).
FORMER_RESIDENT = _l("a former resident")


class User(TimestampMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (check_in("role", Role),)
    __audit_name__ = "account"
    __audit_personal__ = ("email", "display_name")

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    # Read and written as ``display_name`` (below), which a deleted account answers for.
    stored_name: Mapped[str] = mapped_column("display_name", String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(EnumText(Role, 20), default=RESIDENT)
    preferred_locale: Mapped[str | None] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(default=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Two-factor sign-in (consult.accounts.two_factor): the TOTP secret, set when enrolment
    # starts; on once confirmed with a code; the last time step used (a code works once).
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    totp_last_counter: Mapped[int | None] = mapped_column(BigInteger)
    # Set when the account is deleted (consult.data_rights): the row stays as a tombstone,
    # its personal fields blanked, so that what the person wrote keeps its author.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Flask-Login's protocol.
    is_anonymous = False

    @property
    def is_authenticated(self):
        return True

    @property
    def is_active(self):
        return self.active

    # The sign-in session this object was loaded for (consult.accounts.sessions).
    session_token = None
    session_id = None
    session_remember = False

    @hybrid_property
    def display_name(self):
        """The name others see; "a former resident", in the reader's language, once the
        account is deleted. In SQL it is the stored column."""
        if self.deleted_at is not None:
            return FORMER_RESIDENT
        return self.stored_name

    @display_name.inplace.setter
    def _display_name_setter(self, value):
        self.stored_name = value

    @display_name.inplace.expression
    @classmethod
    def _display_name_expression(cls):
        return cls.stored_name

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def two_factor_on(self):
        return self.totp_enabled_at is not None

    def get_id(self):
        """Flask-Login keeps this in the session and remember cookies: the session's token."""
        if self.session_token is None:
            raise RuntimeError("sign in through consult.accounts.sessions.begin_session")
        return self.session_token

    def set_password(self, password):
        self.password_hash = hash_password(password)

    def check_password(self, password):
        return password_matches(self.password_hash, password)

    def __repr__(self):
        return f"<User {self.id} {self.email} {self.role}>"


def new_session_token():
    return secrets.token_urlsafe(32)


def token_digest(token):
    """What the database keeps of a session token: reading it does not give the cookie."""
    return hashlib.sha256(token.encode()).hexdigest()


class UserSession(db.Model):
    """One signed-in browser or device. Signing out deletes it, in every app process.

    The session and remember-me cookies carry its token; a cookie whose row is gone (signed
    out, password changed, "sign out other devices") opens nothing, even if replayed.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    remember: Mapped[bool] = mapped_column(default=False)
    device: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)

    user: Mapped[User] = relationship(User)

    def __repr__(self):
        return f"<UserSession {self.id} of user {self.user_id}>"


class RecoveryCode(db.Model):
    """A single-use code that stands in for a one-time code when the phone is lost.

    Kept as a SHA-256 digest: the codes are random (80 bits), so a fast hash is enough.
    """

    __tablename__ = "recovery_codes"
    __table_args__ = (UniqueConstraint("user_id", "code_digest", name="uq_recovery_codes_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_digest: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
