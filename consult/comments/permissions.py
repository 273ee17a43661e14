"""Who may read, write, like, report, edit, delete, appeal and moderate comments.

Whether a thing takes comments is its own domain's rule (``Commentable.can_comment``); the
rules here add what is about comments themselves.
"""

from datetime import timedelta

from flask import current_app

from consult.comments.models import HIDDEN, VISIBLE
from consult.comments.registry import commentable_of, get_commentable
from consult.core.models import utcnow
from consult.core.permissions import is_committee, is_signed_in, predicate
from consult.extensions import db

DEFAULT_EDIT_MINUTES = 60


def edit_window():
    return timedelta(minutes=current_app.config.get("COMMENT_EDIT_MINUTES", DEFAULT_EDIT_MINUTES))


def target_of(comment):
    """The thing ``comment`` is written on (from the session's identity map when loaded)."""
    commentable = get_commentable(comment.target_type)
    if commentable is None:
        return None
    return db.session.get(commentable.model, comment.target_id)


def verified_resident(user):
    """Whether ``user``'s account is linked to an entry of the resident register (asked once
    per request; the same answer proposals keep in ``g``)."""
    from flask import g, has_request_context
    from sqlalchemy import select

    from consult.residents.models import Resident

    if not is_signed_in(user):
        return False
    known = g.setdefault("verified_residents", {}) if has_request_context() else {}
    if user.id not in known:
        found = db.session.scalar(select(Resident.id).where(Resident.user_id == user.id))
        known[user.id] = found is not None
    return known[user.id]


def _is_author(user, comment):
    return is_signed_in(user) and comment.author_id == user.id


@predicate
def can_read_comments(user, target):
    """Whoever may read a thing reads its comments (signed out too, for public things)."""
    commentable = commentable_of(target)
    return commentable is not None and bool(commentable.visible_to(user, target))


@predicate
def can_read_comment(user, comment):
    target = target_of(comment)
    return target is not None and can_read_comments(user, target)


@predicate
def can_write_comment(user, target):
    """Asked of the target: for a proposal, a verified resident while it is open."""
    commentable = commentable_of(target)
    return commentable is not None and bool(commentable.can_comment(user, target))


@predicate
def can_reply_to_comment(user, comment):
    target = target_of(comment)
    return comment.is_shown and target is not None and can_write_comment(user, target)


@predicate
def can_like_comment(user, comment):
    """Residents who may write in the discussion like others' comments, once each."""
    return not _is_author(user, comment) and can_reply_to_comment(user, comment)


@predicate
def can_flag_comment(user, comment):
    """Anyone signed in reports a comment they can read (not their own)."""
    return (
        is_signed_in(user)
        and not _is_author(user, comment)
        and comment.is_shown
        and can_read_comment(user, comment)
    )


def within_edit_window(comment, now=None):
    return (now or utcnow()) - comment.created_at <= edit_window()


@predicate
def can_edit_comment(user, comment):
    """Its author, within the edit window, while the discussion takes comments."""
    target = target_of(comment)
    return (
        _is_author(user, comment)
        and comment.is_shown
        and within_edit_window(comment)
        and target is not None
        and can_write_comment(user, target)
    )


@predicate
def can_delete_comment(user, comment):
    """Its author, at any time: the text goes, its place in the thread stays."""
    return _is_author(user, comment) and not comment.is_deleted


@predicate
def can_view_comment_history(user, comment):
    """Earlier versions are shown to whoever may read the comment while its text is shown;
    to its author and the committee when it is hidden."""
    if comment.is_deleted or not can_read_comment(user, comment):
        return False
    return comment.status == VISIBLE or _is_author(user, comment) or is_committee(user)


@predicate
def can_appeal_comment(user, comment):
    """The author of a comment the committee hid may appeal once."""
    from consult.comments.models import CommentAppeal

    if not (_is_author(user, comment) and comment.status == HIDDEN and not comment.is_deleted):
        return False
    return db.session.scalar(db.select(CommentAppeal.id).filter_by(comment_id=comment.id)) is None


@predicate
def can_see_moderation_of_own_comment(user, comment):
    """Its author sees why their comment was hidden, and their appeal."""
    return _is_author(user, comment) and not comment.is_deleted


@predicate
def can_moderate_comments(user):
    """The residents' committee keeps the discussion civil."""
    return is_committee(user)


@predicate
def can_moderate_comment(user, comment):
    return is_committee(user)
