"""Comments, their edit history, likes, reports (flags) and appeals.

A comment belongs to a *target* of a registered kind (``target_type``, ``target_id``: a
proposal, later a poll or an election; see registry.py) and may answer another comment
(``parent_id``; ``depth`` counts the steps up to the thread's first comment). Its text is
multilingual content: stored once, in the language it was written in, with translations as
rows of consult.multilingual. The text rendered from Markdown is kept beside it
(``body_html``, and ``translated_html`` for its translations), so a thread of thousands of
comments is drawn without running Markdown again.

A deleted comment keeps its place (its replies stay under it) but loses its text, its
history and its translations. A hidden one keeps its text for the committee and the author.
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
from consult.core.enums import Choice, EnumText, State, check_in
from consult.core.models import UTCDateTime, db, utcnow
from consult.multilingual.models import translations_relationship

BODY_LIMIT = 5000


class Stance(Choice):
    # Lower-case labels ("Your stance: for"); badges capitalise them where the script has case.
    FOR = "for", _l("for")
    AGAINST = "against", _l("against")
    NEUTRAL = "neutral", _l("neutral")


class CommentStatus(State):
    VISIBLE = "visible", _l("Visible")
    HELD = "held", _l("Hidden until the residents' committee decides")
    HIDDEN = "hidden", _l("Hidden by the residents' committee")

    @classmethod
    def transitions(cls):
        return {
            cls.VISIBLE: (cls.HELD, cls.HIDDEN),
            cls.HELD: (cls.VISIBLE, cls.HIDDEN),
            cls.HIDDEN: (cls.VISIBLE,),
        }


class FlagReason(Choice):
    SPAM = "spam", _l("Spam or advertising")
    OFFENSIVE = "offensive", _l("Offensive or abusive")
    OFF_TOPIC = "off_topic", _l("Off topic")
    PERSONAL_DATA = "personal_data", _l("Personal data of someone")
    OTHER = "other", _l("Something else")


class FlagOutcome(Choice):
    HIDDEN = "hidden", _l("The comment was hidden")
    DISMISSED = "dismissed", _l("Dismissed: the comment stays")


VISIBLE, HELD, HIDDEN = CommentStatus.VISIBLE, CommentStatus.HELD, CommentStatus.HIDDEN


class Comment(db.Model):
    __tablename__ = "comments"
    __table_args__ = (
        check_in("stance", Stance),
        check_in("status", CommentStatus),
        check_in("hidden_reason", FlagReason),
        # A stance is taken in a thread's first comment, not in a reply.
        CheckConstraint("stance IS NULL OR parent_id IS NULL", name="stance_on_first"),
        Index("ix_comments_target", "target_type", "target_id", "id"),
        Index("ix_comments_author", "author_id", "id"),
    )
    # Its text is kept beside the audit chain, so deleting the comment removes it there too.
    __audit_personal__ = ("body",)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int] = mapped_column()
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"), index=True)
    depth: Mapped[int] = mapped_column(default=0)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, as written
    body_html: Mapped[str] = mapped_column(Text, default="")  # rendered and sanitised
    # {base language: {"digest": of the translation's text, "html": rendered}}
    translated_html: Mapped[dict] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(35))  # BCP 47, confirmed by the author
    revision: Mapped[int] = mapped_column(default=1)  # edits of the text; translations follow
    stance: Mapped[Stance | None] = mapped_column(EnumText(Stance, 10))
    likes_count: Mapped[int] = mapped_column(default=0)
    status: Mapped[CommentStatus] = mapped_column(EnumText(CommentStatus, 10), default=VISIBLE)
    hidden_reason: Mapped[FlagReason | None] = mapped_column(EnumText(FlagReason, 20))
    hidden_note: Mapped[str | None] = mapped_column(Text)  # the committee's words to the author
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    author = relationship("User", foreign_keys=[author_id])
    parent: Mapped["Comment | None"] = relationship(remote_side=[id])
    translations = translations_relationship("comment")

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_shown(self):
        """Whether readers see its text: not deleted, not hidden."""
        return self.deleted_at is None and self.status == VISIBLE

    def move_to(self, status):
        self.status = CommentStatus(self.status).check_move(status)

    def __repr__(self):
        return f"<Comment {self.id} on {self.target_type}:{self.target_id}>"


class CommentEdit(db.Model):
    """An earlier version of a comment's text, kept when its author edits it."""

    __tablename__ = "comment_edits"
    __audit_personal__ = ("body",)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), index=True)
    revision: Mapped[int] = mapped_column()  # the revision this text was
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(35))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())  # when this version was written
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CommentLike(db.Model):
    __tablename__ = "comment_likes"
    __table_args__ = (UniqueConstraint("comment_id", "user_id", name="uq_comment_likes_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CommentFlag(db.Model):
    """A report of a comment by a signed-in user. Only reports by verified residents count
    towards hiding a comment before a moderator decides."""

    __tablename__ = "comment_flags"
    __table_args__ = (
        UniqueConstraint("comment_id", "user_id", name="uq_comment_flags_once"),
        check_in("reason", FlagReason),
        check_in("outcome", FlagOutcome),
        Index("ix_comment_flags_open", "resolved_at", "comment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[FlagReason] = mapped_column(EnumText(FlagReason, 20))
    note: Mapped[str] = mapped_column(Text, default="")
    by_verified_resident: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[FlagOutcome | None] = mapped_column(EnumText(FlagOutcome, 10))

    user = relationship("User")


class CommentAppeal(db.Model):
    """The author's one appeal against hiding their comment, and the committee's decision."""

    __tablename__ = "comment_appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id"), unique=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    upheld: Mapped[bool | None] = mapped_column()  # True: the comment is shown again
    note: Mapped[str | None] = mapped_column(Text)  # the committee's reason, told to the author

    comment: Mapped[Comment] = relationship()
    decided_by = relationship("User")


def thread_key(comment):
    return f"comments:{comment.target_type}:{comment.target_id}"


# A thread's rendered HTML and JSON are cached under a version of their own, per target
# (likes, edits, moderation and translations' rendered text all change a comment's row).
track_changes(thread_key, Comment)
