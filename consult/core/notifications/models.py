"""Notifications: each person's choice per kind, and the messages themselves (the inbox)."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import UTCDateTime, db, utcnow


class Frequency(Choice):
    EACH = "each", _l("Each time")
    DAILY = "daily", _l("In a daily summary")
    NEVER = "never", _l("Never")


class NotificationSetting(db.Model):
    """One person's choice for one kind of message; without a row the kind's default holds."""

    __tablename__ = "notification_settings"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", name="uq_notification_settings_user_kind"),
        check_in("frequency", Frequency),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(80))
    frequency: Mapped[Frequency] = mapped_column(EnumText(Frequency, 10))
    by_email: Mapped[bool] = mapped_column(default=True)
    by_sms: Mapped[bool] = mapped_column(default=False)


class Notification(db.Model):
    """A message to one person, kept in their inbox and sent by the channels they chose.

    Its words are made from ``kind`` and ``params`` in the reader's language whenever it is
    shown or sent, so the same message reads in Chinese in the inbox of someone who later
    switches to Chinese.
    """

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(80))
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    path: Mapped[str | None] = mapped_column(String(500))  # where it leads, on this site
    urgent: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # How it went out: the digest it joined, or when it was e-mailed and texted.
    daily: Mapped[bool] = mapped_column(default=False)
    digested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    texted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class UrgentMessage(db.Model):
    """A message the committee sent to everyone in a scope by every channel they have."""

    __tablename__ = "urgent_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))  # community, grid, building
    scope_id: Mapped[int | None]
    texts: Mapped[str] = mapped_column(Text)  # JSON {locale: {"subject": ..., "body": ...}}
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    recipients: Mapped[int] = mapped_column(default=0)
    emails: Mapped[int] = mapped_column(default=0)
    texts_sent: Mapped[int] = mapped_column(default=0)
