"""Likes: a resident who may take part in a discussion likes another's comment, once.

The comment's row is locked first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's writers
go one at a time), so concurrent likes are counted one after another; the unique constraint
on (comment, person) is the last line, turned into the same message as a repeated like.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from consult.comments.models import Comment, CommentLike
from consult.comments.permissions import can_like_comment
from consult.core import audit
from consult.core.permissions import is_signed_in
from consult.core.services import ServiceError
from consult.extensions import db

audit.describe("comment.liked", _l("Comment liked"))
audit.describe("comment.unliked", _l("Like taken back"))

ALREADY = _l("You already like this comment.")
NOT_ALLOWED = _l("Only residents taking part in the discussion like comments, and not their own.")


def _locked(comment):
    return db.session.scalars(
        select(Comment)
        .where(Comment.id == comment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def _count(comment):
    comment.likes_count = db.session.scalar(
        select(func.count(CommentLike.id)).where(CommentLike.comment_id == comment.id)
    )


def likes(user, comment):
    if not is_signed_in(user):
        return False
    found = db.session.scalar(
        select(CommentLike.id).filter_by(comment_id=comment.id, user_id=user.id)
    )
    return found is not None


def liked_in_thread(user, target_type, target_id):
    """The ids of the comments of one thread that ``user`` likes (one query)."""
    if not is_signed_in(user):
        return set()
    return set(
        db.session.scalars(
            select(CommentLike.comment_id)
            .join(Comment, Comment.id == CommentLike.comment_id)
            .where(
                CommentLike.user_id == user.id,
                Comment.target_type == target_type,
                Comment.target_id == target_id,
            )
        )
    )


def like_comment(actor, comment):
    if not can_like_comment(actor, comment):
        raise ServiceError(NOT_ALLOWED)
    comment = _locked(comment)
    if likes(actor, comment):
        raise ServiceError(ALREADY)
    try:
        with db.session.begin_nested():
            db.session.add(CommentLike(comment_id=comment.id, user_id=actor.id))
    except IntegrityError:
        raise ServiceError(ALREADY) from None
    _count(comment)
    audit.record("comment.liked", comment, actor=actor, data={"likes": comment.likes_count})
    return comment


def unlike_comment(actor, comment):
    if not is_signed_in(actor):
        raise ServiceError(NOT_ALLOWED)
    comment = _locked(comment)
    removed = db.session.execute(
        delete(CommentLike).where(
            CommentLike.comment_id == comment.id, CommentLike.user_id == actor.id
        )
    ).rowcount
    if not removed:
        raise ServiceError(_l("You do not like this comment."))
    _count(comment)
    audit.record("comment.unliked", comment, actor=actor, data={"likes": comment.likes_count})
    return comment
