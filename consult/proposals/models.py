"""Proposals: what a resident or the committee puts to the community, its state timeline,
supports, followers, categories, attachments and the committee's official answer.

A proposal's text (title, summary, body) and an answer's text are multilingual content:
stored once in the language written, with translations as rows of their own
(consult.multilingual). A state that follows from a time (consultation over once its end
date has passed) is decided from the stored dates when a page is asked for (see
``current_state``); a periodic job only records the move and tells followers.
"""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.cache import track_changes
from consult.core.enums import Choice, EnumText, State, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.multilingual.models import translations_relationship


class ProposalState(State):
    DRAFT = "draft", _l("Draft")
    OPEN = "open", _l("Open for consultation")
    REVIEW = "review", _l("Under review")
    ANSWERED = "answered", _l("Answered")
    CLOSED = "closed", _l("Closed")
    WITHDRAWN = "withdrawn", _l("Withdrawn")

    @classmethod
    def transitions(cls):
        return {
            cls.DRAFT: (cls.OPEN,),
            cls.OPEN: (cls.REVIEW, cls.WITHDRAWN),
            cls.REVIEW: (cls.ANSWERED, cls.WITHDRAWN),
            cls.ANSWERED: (cls.CLOSED,),
        }


class Outcome(Choice):
    ADOPTED = "adopted", _l("Adopted")
    IN_PART = "adopted_in_part", _l("Adopted in part")
    NOT_ADOPTED = "not_adopted", _l("Not adopted")


class Scope(Choice):
    COMMUNITY = "community", _l("Whole community")
    GRID = "grid", _l("One grid")
    BUILDING = "building", _l("One building")


class StateCause(Choice):
    """Why a state changed when no person's action did it."""

    ENDED = "ended", _l("The consultation's end date has passed.")
    THRESHOLD = "threshold", _l("The proposal reached the support threshold.")


class AttachmentKind(Choice):
    IMAGE = "image", _l("Image")
    FILE = "file", _l("File")


DRAFT, OPEN, REVIEW = ProposalState.DRAFT, ProposalState.OPEN, ProposalState.REVIEW
ANSWERED, CLOSED, WITHDRAWN = ProposalState.ANSWERED, ProposalState.CLOSED, ProposalState.WITHDRAWN
# Everyone, signed out too, reads proposals in these states (withdrawn ones stay readable,
# with the reason, as in Decidim: what was put to the community stays on the record).
PUBLIC_STATES = (OPEN, REVIEW, ANSWERED, CLOSED, WITHDRAWN)


class Category(TimestampMixin, db.Model):
    """A committee-managed category with its name in each UI language (BCP 47 keys)."""

    __tablename__ = "proposal_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    names: Mapped[dict] = mapped_column(JSON)  # {"en": ..., "zh-Hans": ..., "zh-Hant": ...}
    position: Mapped[int] = mapped_column(default=0)

    def name(self, tag):
        """The name for readers of ``tag``: theirs, else Chinese for Chinese, else English."""
        names = self.names or {}
        for key in (tag, "zh-Hans" if tag.startswith("zh") else None, "en"):
            if key and names.get(key):
                return names[key]
        return next((value for value in names.values() if value), "")


class Proposal(TimestampMixin, db.Model):
    __tablename__ = "proposals"
    __table_args__ = (
        check_in("state", ProposalState),
        check_in("scope", Scope),
        CheckConstraint(
            "(scope = 'community' AND grid_id IS NULL AND building_id IS NULL)"
            " OR (scope = 'grid' AND grid_id IS NOT NULL AND building_id IS NULL)"
            " OR (scope = 'building' AND building_id IS NOT NULL AND grid_id IS NULL)",
            name="scope_place",
        ),
        # The listing's orders, each along an index (newest, most supported, most discussed).
        Index("ix_proposals_state_published", "state", "published_at", "id"),
        Index("ix_proposals_supports", "supports_count", "id"),
        Index("ix_proposals_comments", "comments_count", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    language: Mapped[str] = mapped_column(String(35), index=True)  # BCP 47, as written
    revision: Mapped[int] = mapped_column(default=1)  # edits of the text; translations follow
    state: Mapped[ProposalState] = mapped_column(EnumText(ProposalState, 10), default=DRAFT)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal_categories.id"), index=True
    )
    scope: Mapped[Scope] = mapped_column(EnumText(Scope, 10), default=Scope.COMMUNITY)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), index=True)
    closes_on: Mapped[date | None] = mapped_column(Date)  # last day of consultation
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    supports_count: Mapped[int] = mapped_column(default=0)
    comments_count: Mapped[int] = mapped_column(default=0)  # kept by comments, later

    author = relationship("User")
    category: Mapped[Category | None] = relationship()
    grid = relationship("Grid")
    building = relationship("Building")
    answer: Mapped["Answer | None"] = relationship(back_populates="proposal", uselist=False)
    timeline: Mapped[list["StateChange"]] = relationship(
        order_by="StateChange.id", back_populates="proposal"
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        order_by="Attachment.id", back_populates="proposal"
    )
    translations = translations_relationship("proposal")

    def current_state(self, today):
        """The state readers see on ``today`` (community date): a consultation whose end date
        has passed is under review, whether or not the job that records it has run."""
        if self.state == OPEN and self.closes_on is not None and self.closes_on < today:
            return REVIEW
        return ProposalState(self.state)

    def move_to(self, state):
        self.state = ProposalState(self.state).check_move(state)

    def __repr__(self):
        return f"<Proposal {self.id} {self.state}>"


class StateChange(db.Model):
    """One entry of a proposal's public timeline."""

    __tablename__ = "proposal_state_changes"
    __table_args__ = (check_in("state", ProposalState), check_in("cause", StateCause))

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    state: Mapped[ProposalState] = mapped_column(EnumText(ProposalState, 10))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)  # a person's reason (withdrawal)
    cause: Mapped[StateCause | None] = mapped_column(EnumText(StateCause, 10))

    proposal: Mapped[Proposal] = relationship(back_populates="timeline")
    actor = relationship("User")


class Answer(TimestampMixin, db.Model):
    """The committee's official answer: written in one language, published only once every
    content language has a text by a person, and saying which language prevails."""

    __tablename__ = "proposal_answers"
    __table_args__ = (check_in("outcome", Outcome),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), unique=True)
    outcome: Mapped[Outcome] = mapped_column(EnumText(Outcome, 20))
    body: Mapped[str] = mapped_column(Text)  # Markdown
    language: Mapped[str] = mapped_column(String(35))
    revision: Mapped[int] = mapped_column(default=1)
    prevailing_language: Mapped[str] = mapped_column(String(35))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    proposal: Mapped[Proposal] = relationship(back_populates="answer")
    author = relationship("User")
    translations = translations_relationship("proposal_answer")

    @property
    def is_published(self):
        return self.published_at is not None


class Support(db.Model):
    __tablename__ = "proposal_supports"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id", name="uq_proposal_supports_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Follow(db.Model):
    __tablename__ = "proposal_follows"
    __table_args__ = (UniqueConstraint("proposal_id", "user_id", name="uq_proposal_follows_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user = relationship("User")


class Attachment(db.Model):
    """An image or a file of a proposal, stored under UPLOAD_DIR with a random name."""

    __tablename__ = "proposal_attachments"
    __table_args__ = (check_in("kind", AttachmentKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    kind: Mapped[AttachmentKind] = mapped_column(EnumText(AttachmentKind, 5))
    filename: Mapped[str] = mapped_column(String(255))  # as uploaded, for downloads
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))  # from the file's first bytes
    size: Mapped[int] = mapped_column()
    description: Mapped[str] = mapped_column(String(200), default="")  # an image's alt text
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    proposal: Mapped[Proposal] = relationship(back_populates="attachments")


class ProposalSettings(db.Model):
    """The committee's settings for proposals (one row)."""

    __tablename__ = "proposal_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Supports that move an open proposal to review; None: no threshold.
    support_threshold: Mapped[int | None] = mapped_column()
    consultation_days: Mapped[int] = mapped_column(default=30)  # the suggested end date


# Listings and proposal pages are cached under this version (and the translations').
PROPOSALS_VERSION = "proposals"
track_changes(
    PROPOSALS_VERSION, Proposal, StateChange, Answer, Category, Attachment, ProposalSettings
)
