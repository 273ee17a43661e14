"""Notices (通知公告): what the committee puts on the board, online, on paper and in the inbox.

A notice's text (title, body) is multilingual content: stored once in the language written,
with translations as rows of consult.multilingual. Whether a notice is scheduled, published
or archived follows from its stored times at each request (:meth:`Notice.status_at`); the
queue only sends the messages when a notice goes up.
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.cache import track_changes
from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.multilingual.models import translations_relationship


class NoticeScope(Choice):
    COMMUNITY = "community", _l("Whole community")
    GRID = "grid", _l("One grid")
    BUILDING = "building", _l("One building")


class NoticeStatus(Choice):
    """Follows from the stored times; never stored."""

    DRAFT = "draft", _l("Draft")
    SCHEDULED = "scheduled", _l("Scheduled")
    PUBLISHED = "published", _l("Published")
    ARCHIVED = "archived", _l("Archived")


DRAFT, SCHEDULED = NoticeStatus.DRAFT, NoticeStatus.SCHEDULED
PUBLISHED, ARCHIVED = NoticeStatus.PUBLISHED, NoticeStatus.ARCHIVED
VISIBLE = (PUBLISHED, ARCHIVED)


class NoticeCategory(TimestampMixin, db.Model):
    """A committee-managed category with its name in each UI language and a slug for feeds."""

    __tablename__ = "notice_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    names: Mapped[dict] = mapped_column(JSON)  # {"en": ..., "zh-Hans": ..., "zh-Hant": ...}
    position: Mapped[int] = mapped_column(default=0)

    def name(self, tag):
        """The name for readers of ``tag``: theirs, else Chinese for Chinese, else English."""
        names = self.names or {}
        for key in (tag, "zh-Hans" if tag.startswith("zh") else None, "en"):
            if key and names.get(key):
                return names[key]
        return next((value for value in names.values() if value), "")


class Notice(TimestampMixin, db.Model):
    __tablename__ = "notices"
    __table_args__ = (
        check_in("scope", NoticeScope),
        CheckConstraint(
            "(scope = 'community' AND grid_id IS NULL AND building_id IS NULL)"
            " OR (scope = 'grid' AND grid_id IS NOT NULL AND building_id IS NULL)"
            " OR (scope = 'building' AND building_id IS NOT NULL AND grid_id IS NULL)",
            name="scope_place",
        ),
        CheckConstraint(
            "expires_at IS NULL OR publish_at IS NULL OR expires_at > publish_at",
            name="expires_after_publish",
        ),
        # The board: pinned first, then newest, along one index.
        Index("ix_notices_board", "pinned", "publish_at", "id"),
        Index("ix_notices_expires", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    language: Mapped[str] = mapped_column(String(35), index=True)  # BCP 47, as written
    revision: Mapped[int] = mapped_column(default=1)
    category_id: Mapped[int] = mapped_column(ForeignKey("notice_categories.id"), index=True)
    scope: Mapped[NoticeScope] = mapped_column(
        EnumText(NoticeScope, 10), default=NoticeScope.COMMUNITY
    )
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), index=True)
    pinned: Mapped[bool] = mapped_column(default=False)
    needs_confirmation: Mapped[bool] = mapped_column(default=False)
    urgent: Mapped[bool] = mapped_column(default=False)
    # None: a draft. In the future: scheduled. Passed: published, until expires_at.
    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Content languages published without a text by a person, marked "translation coming"
    # (a translator was asked for each).
    coming_languages: Mapped[list] = mapped_column(JSON, default=list)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # When the queue sent it to subscribers (and, if urgent, to everyone in scope).
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author = relationship("User", foreign_keys=[author_id])
    published_by = relationship("User", foreign_keys=[published_by_id])
    category: Mapped[NoticeCategory] = relationship()
    grid = relationship("Grid")
    building = relationship("Building")
    translations = translations_relationship("notice")

    def status_at(self, moment):
        if self.publish_at is None:
            return DRAFT
        if self.publish_at > moment:
            return SCHEDULED
        if self.expires_at is not None and self.expires_at <= moment:
            return ARCHIVED
        return PUBLISHED

    @property
    def scope_key(self):
        """ "community", "grid:3" or "building:7" (the notifications' scope)."""
        if self.scope == NoticeScope.GRID:
            return f"grid:{self.grid_id}"
        if self.scope == NoticeScope.BUILDING:
            return f"building:{self.building_id}"
        return "community"

    def __repr__(self):
        return f"<Notice {self.id} {self.title!r}>"


class SubscriptionKind(Choice):
    CATEGORY = "category", _l("Category")
    COMMUNITY = "community", _l("Whole community")
    GRID = "grid", _l("Grid")
    BUILDING = "building", _l("Building")


class NoticeSubscription(db.Model):
    """One thing a person follows on the board: a category, or a scope (the whole
    community's notices, a grid's, a building's). A notice reaches them when they follow its
    category and a scope it falls in."""

    __tablename__ = "notice_subscriptions"
    __table_args__ = (
        check_in("kind", SubscriptionKind),
        Index("ix_notice_subscriptions_kind", "kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[SubscriptionKind] = mapped_column(EnumText(SubscriptionKind, 10))
    target_id: Mapped[int | None] = mapped_column()  # the category, grid or building


class NoticeConfirmation(db.Model):
    """A resident's "I have read this" for a notice that asks for it (never shown to other
    residents; the committee sees numbers only)."""

    __tablename__ = "notice_confirmations"
    __table_args__ = (
        UniqueConstraint("notice_id", "user_id", name="uq_notice_confirmations_once"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


NOTICES_VERSION = "notices"
track_changes(NOTICES_VERSION, Notice, NoticeCategory)
