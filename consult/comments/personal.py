"""What comments hold about one person (the personal-data hooks, consult.core.domain): the
comments they wrote and their earlier versions, the comments they like, the reports they
made and their appeals.

When the account is deleted:

- its likes go, and the comments' counts with them: a like is a personal preference that
  no decision rests on;
- its comments stay where they are, with their replies, attributed to the account, whose
  name then reads "a former resident" (a person who wants a comment gone deletes it before
  asking, as the README says);
- its reports and appeals stay: they are the moderation's record, and an open report still
  waits for the committee's decision. They name nobody once the account is blank.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from consult.comments.models import (
    Comment,
    CommentAppeal,
    CommentEdit,
    CommentFlag,
    CommentLike,
    CommentStatus,
    FlagOutcome,
    FlagReason,
    Stance,
)
from consult.core import audit
from consult.core.cache import bump
from consult.core.domain import PersonalTable
from consult.extensions import db

audit.describe("comment.likes_removed_with_account", _l("Likes removed: the account was deleted"))

ON = ("on", _l("On"))
ON_ID = ("on_id", _l("Its number"))


def _label(choice, value):
    return choice(value).label if value else None


def personal_data(user):
    comments = db.session.scalars(
        select(Comment).where(Comment.author_id == user.id).order_by(Comment.id)
    ).all()
    versions = db.session.scalars(
        select(CommentEdit)
        .join(Comment, Comment.id == CommentEdit.comment_id)
        .where(Comment.author_id == user.id)
        .order_by(CommentEdit.comment_id, CommentEdit.revision)
    ).all()
    liked = db.session.execute(
        select(CommentLike, Comment.target_type, Comment.target_id)
        .join(Comment, Comment.id == CommentLike.comment_id)
        .where(CommentLike.user_id == user.id)
        .order_by(CommentLike.id)
    ).all()
    reports = db.session.scalars(
        select(CommentFlag).where(CommentFlag.user_id == user.id).order_by(CommentFlag.id)
    ).all()
    appeals = db.session.scalars(
        select(CommentAppeal)
        .join(Comment, Comment.id == CommentAppeal.comment_id)
        .where(Comment.author_id == user.id)
        .order_by(CommentAppeal.id)
    ).all()
    return [
        PersonalTable(
            "comments",
            _l("Comments you wrote"),
            (
                ("id", _l("Number")),
                ON,
                ON_ID,
                ("reply_to", _l("In reply to comment")),
                ("created_at", _l("Written")),
                ("edited_at", _l("Edited")),
                ("deleted_at", _l("Deleted")),
                ("language", _l("Language")),
                ("stance", _l("Stance")),
                ("likes", _l("Likes")),
                ("status", _l("Status")),
                ("hidden_note", _l("The committee's reason for hiding it")),
                ("text", _l("Text")),
            ),
            [
                (
                    c.id,
                    c.target_type,
                    c.target_id,
                    c.parent_id,
                    c.created_at,
                    c.edited_at,
                    c.deleted_at,
                    c.language,
                    _label(Stance, c.stance),
                    c.likes_count,
                    CommentStatus(c.status).label,
                    c.hidden_note,
                    c.body,
                )  # fmt: skip
                for c in comments
            ],
            _l("Your comments as you wrote them; a deleted comment keeps no text."),
        ),
        PersonalTable(
            "comment_versions",
            _l("Earlier versions of your comments"),
            (
                ("comment", _l("Comment")),
                ("revision", _l("Version")),
                ("written_at", _l("Written")),
                ("replaced_at", _l("Replaced")),
                ("language", _l("Language")),
                ("text", _l("Text")),
            ),
            [
                (v.comment_id, v.revision, v.written_at, v.replaced_at, v.language, v.body)
                for v in versions
            ],
        ),
        PersonalTable(
            "comment_likes",
            _l("Comments you like"),
            (("comment", _l("Comment")), ON, ON_ID, ("at", _l("When"))),
            [(like.comment_id, kind, number, like.created_at) for like, kind, number in liked],
        ),
        PersonalTable(
            "comment_reports",
            _l("Comments you reported"),
            (
                ("comment", _l("Comment")),
                ("reason", _l("Reason")),
                ("note", _l("Your note")),
                ("at", _l("When")),
                ("resolved_at", _l("Decided")),
                ("outcome", _l("Outcome")),
            ),
            [
                (
                    f.comment_id,
                    _label(FlagReason, f.reason),
                    f.note,
                    f.created_at,
                    f.resolved_at,
                    _label(FlagOutcome, f.outcome),
                )  # fmt: skip
                for f in reports
            ],
        ),
        PersonalTable(
            "comment_appeals",
            _l("Your appeals against hidden comments"),
            (
                ("comment", _l("Comment")),
                ("text", _l("Your appeal")),
                ("at", _l("When")),
                ("decided_at", _l("Decided")),
                ("upheld", _l("Shown again")),
                ("note", _l("The committee's reason")),
            ),
            [(a.comment_id, a.text, a.created_at, a.decided_at, a.upheld, a.note) for a in appeals],
        ),
    ]


def forget_user(user, actor):
    """Likes go (and the counts follow); comments, reports and appeals stay. The threads the
    person wrote in are drawn again, so that their name reads "a former resident"."""
    threads = db.session.execute(
        select(Comment.target_type, Comment.target_id)
        .where(Comment.author_id == user.id)
        .distinct()
    ).all()
    if threads:
        bump(*(f"comments:{kind}:{number}" for kind, number in threads))
    liked = db.session.scalars(
        select(Comment)
        .where(Comment.id.in_(select(CommentLike.comment_id).where(CommentLike.user_id == user.id)))
        .order_by(Comment.id)
    ).all()
    if not liked:
        return
    db.session.execute(delete(CommentLike).where(CommentLike.user_id == user.id))
    for comment in liked:  # through the ORM, so that each thread's cached version changes
        comment.likes_count = db.session.scalar(
            select(func.count(CommentLike.id)).where(CommentLike.comment_id == comment.id)
        )
    db.session.flush()
    audit.record(
        "comment.likes_removed_with_account",
        object_type="account",
        object_id=user.id,
        actor=actor,
        data={"comments": [c.id for c in liked]},
    )
