"""Accounts: who signs in, with which role and language."""

import secrets
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from consult.accounts.passwords import hash_password, password_matches
from consult.core.enums import EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db
from consult.core.permissions import RESIDENT, Role


def new_session_token():
    return secrets.token_urlsafe(24)


class User(TimestampMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (check_in("role", Role),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(EnumText(Role, 20), default=RESIDENT)
    preferred_locale: Mapped[str | None] = mapped_column(String(10))
    # Rotated on password change: every other session and remember cookie stops working.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    active: Mapped[bool] = mapped_column(default=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Flask-Login's protocol.
    is_anonymous = False

    @property
    def is_authenticated(self):
        return True

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return self.session_token

    def set_password(self, password):
        self.password_hash = hash_password(password)

    def check_password(self, password):
        return password_matches(self.password_hash, password)

    def rotate_session_token(self):
        self.session_token = new_session_token()

    def __repr__(self):
        return f"<User {self.id} {self.email} {self.role}>"
