"""The committee's contact details per content language, and its privacy notice: every
published version kept, and each account's consent to the version it was shown."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.cache import read_with_every_page, track_changes
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow


class ContactDetails(TimestampMixin, db.Model):
    """Where and when to reach the committee, written in one content language."""

    __tablename__ = "contact_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(35), unique=True)  # BCP 47: zh, en
    address: Mapped[str | None] = mapped_column(Text)
    hours: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class PrivacyNotice(db.Model):
    """One published version of the privacy notice; a new version never changes an old one."""

    __tablename__ = "privacy_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)  # 1, 2, 3 ... as readers see it
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    texts: Mapped[list["PrivacyNoticeText"]] = relationship(
        back_populates="notice", order_by="PrivacyNoticeText.id"
    )
    published_by = relationship("User")


class PrivacyNoticeText(db.Model):
    """A version's text in one content language (Markdown)."""

    __tablename__ = "privacy_notice_texts"
    __table_args__ = (UniqueConstraint("notice_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("privacy_notices.id"))
    language: Mapped[str] = mapped_column(String(35))
    body: Mapped[str] = mapped_column(Text)

    notice: Mapped[PrivacyNotice] = relationship(back_populates="texts")


class PrivacyConsent(db.Model):
    """What an account answered to the privacy notice, to which version, when.

    ``notice_id`` is None when no version had been published: the built-in text was shown.
    """

    __tablename__ = "privacy_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("privacy_notices.id"))
    agreed: Mapped[bool] = mapped_column()
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    notice: Mapped[PrivacyNotice | None] = relationship()
    user = relationship("User")


# Pages show the contact details and the notice from a cache kept under this version.
COMMUNITY_VERSION = "community"
track_changes(COMMUNITY_VERSION, ContactDetails, PrivacyNotice, PrivacyNoticeText)
read_with_every_page(COMMUNITY_VERSION)  # the footer shows the contact details
