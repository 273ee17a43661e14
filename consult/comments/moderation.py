"""Moderation: reports (flags), hiding with a reason, dismissing, and the author's appeal.

- Anyone signed in reports a comment once, with a reason. When three different *verified
  residents* have open reports on a visible comment, it is held (hidden) until a moderator
  decides; reports from other accounts are shown to the committee and never hide anything.
- The committee hides a comment with a reason (its author is told, in their language, and
  may appeal once), or dismisses the open reports (a held comment is shown again).
- The committee decides an appeal: upheld, the comment is shown again.

Every step is in the audit trail: who, what, when and why.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from consult.comments.messages import tell_author, tell_committee
from consult.comments.models import (
    HELD,
    HIDDEN,
    VISIBLE,
    Comment,
    CommentAppeal,
    CommentFlag,
    FlagOutcome,
    FlagReason,
)
from consult.comments.permissions import (
    can_appeal_comment,
    can_flag_comment,
    can_moderate_comments,
    target_of,
    verified_resident,
)
from consult.comments.services import lock_target, recount
from consult.core import audit
from consult.core.cache import bump
from consult.core.models import utcnow
from consult.core.searching import content_changed
from consult.core.services import ServiceError
from consult.extensions import db

audit.describe("comment.flagged", _l("Comment reported"))
audit.describe("comment.held", _l("Comment hidden after reports, until the committee decides"))
audit.describe("comment.hidden", _l("Comment hidden by the committee"))
audit.describe("comment.flags_dismissed", _l("Reports dismissed"))
audit.describe("comment.appealed", _l("Appeal against hiding a comment"))
audit.describe("comment.appeal_decided", _l("Appeal decided"))

FLAGS_TO_HOLD = 3
NOTE_LIMIT = 1000


def _locked(comment):
    return db.session.scalars(
        select(Comment)
        .where(Comment.id == comment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def open_flags(comment):
    return db.session.scalars(
        select(CommentFlag)
        .where(CommentFlag.comment_id == comment.id, CommentFlag.resolved_at.is_(None))
        .order_by(CommentFlag.id)
    ).all()


def _note(note, field="note"):
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ServiceError(_l("Use at most %(max)d characters.", max=NOTE_LIMIT), field)
    return note


def _refresh_thread(comment):
    from consult.comments.models import thread_key

    bump(thread_key(comment))


# Reports ---------------------------------------------------------------------------------


def flag_comment(actor, comment, reason, note=""):
    """``actor`` reports ``comment``; the third verified resident's report holds it."""
    if not can_flag_comment(actor, comment):
        raise ServiceError(_l("You cannot report this comment."))
    chosen = FlagReason.parse(reason or "")
    if chosen is None:
        raise ServiceError(_l("Choose why you report this comment."), "reason")
    note = _note(note)
    # Locks in the order every comment service takes them: the target, then the comment.
    target = lock_target(target_of(comment))
    comment = _locked(comment)
    already = _l("You have already reported this comment. The committee will look at it.")
    if db.session.scalar(select(CommentFlag.id).filter_by(comment_id=comment.id, user_id=actor.id)):
        raise ServiceError(already)
    verified = verified_resident(actor)
    flag = CommentFlag(comment_id=comment.id, user_id=actor.id, reason=chosen, note=note,
                       by_verified_resident=verified)  # fmt: skip
    try:
        with db.session.begin_nested():
            db.session.add(flag)
    except IntegrityError:
        raise ServiceError(already) from None
    audit.record("comment.flagged", comment, actor=actor,
                 data={"reason": chosen, "verified_resident": verified, "note": note or None},
                 personal={"note"})  # fmt: skip
    if verified and comment.status == VISIBLE:
        _hold_if_reported_enough(comment, target)
    return flag


def _hold_if_reported_enough(comment, target):
    counted = db.session.execute(
        select(CommentFlag.reason, func.count(CommentFlag.id))
        .where(
            CommentFlag.comment_id == comment.id,
            CommentFlag.resolved_at.is_(None),
            CommentFlag.by_verified_resident.is_(True),
        )
        .group_by(CommentFlag.reason)
    ).all()
    if sum(count for _reason, count in counted) < FLAGS_TO_HOLD:
        return
    reason = max(counted, key=lambda pair: (pair[1], pair[0]))[0]
    comment.move_to(HELD)
    comment.hidden_reason, comment.hidden_at, comment.hidden_by_id = reason, utcnow(), None
    db.session.flush()
    recount(target)
    content_changed("comment", comment.id)
    audit.record("comment.held", comment, changes={"status": (VISIBLE, HELD)},
                 data={"reports": FLAGS_TO_HOLD, "reason": reason})  # fmt: skip
    tell_author(comment, target, "held")
    tell_committee(comment, target, "held")


# The committee's decisions ---------------------------------------------------------------


def _check_moderator(actor):
    if not can_moderate_comments(actor):
        raise ServiceError(_l("Only the residents' committee moderates comments."))


def _resolve_flags(comment, outcome):
    return db.session.execute(
        update(CommentFlag)
        .where(CommentFlag.comment_id == comment.id, CommentFlag.resolved_at.is_(None))
        .values(resolved_at=utcnow(), outcome=outcome.value)
    ).rowcount


def hide_comment(actor, comment, reason, note=""):
    """The committee hides ``comment`` with a reason; its author is told and may appeal."""
    _check_moderator(actor)
    chosen = FlagReason.parse(reason or "")
    if chosen is None:
        raise ServiceError(_l("Choose the reason for hiding the comment."), "reason")
    note = _note(note)
    if comment.is_deleted or comment.status == HIDDEN:
        raise ServiceError(_l("This comment is already hidden or deleted."))
    target = lock_target(target_of(comment))
    old = comment.status
    comment.move_to(HIDDEN)
    comment.hidden_reason, comment.hidden_note = chosen, note or None
    comment.hidden_at, comment.hidden_by_id = utcnow(), actor.id
    resolved = _resolve_flags(comment, FlagOutcome.HIDDEN)
    db.session.flush()
    recount(target)
    content_changed("comment", comment.id)
    audit.record("comment.hidden", comment, actor=actor, changes={"status": (old, HIDDEN)},
                 data={"reason": chosen, "note": note or None, "reports": resolved})  # fmt: skip
    tell_author(comment, target, "hidden")
    return comment


def dismiss_flags(actor, comment, note=""):
    """The committee finds nothing wrong: open reports are closed; a held comment returns."""
    _check_moderator(actor)
    note = _note(note)
    held = comment.status == HELD
    if not open_flags(comment) and not held:
        raise ServiceError(_l("There is no open report on this comment."))
    target = lock_target(target_of(comment))
    resolved = _resolve_flags(comment, FlagOutcome.DISMISSED)
    if held:
        comment.move_to(VISIBLE)
        comment.hidden_reason = comment.hidden_at = comment.hidden_by_id = None
    db.session.flush()
    recount(target)
    content_changed("comment", comment.id)
    audit.record("comment.flags_dismissed", comment, actor=actor,
                 changes={"status": (HELD, VISIBLE)} if held else None,
                 data={"reports": resolved, "note": note or None})  # fmt: skip
    if held:
        tell_author(comment, target, "shown")
    return comment


def appeal_comment(actor, comment, text):
    """The author of a hidden comment asks the committee, once, to show it again."""
    if not can_appeal_comment(actor, comment):
        raise ServiceError(_l("You can appeal once, against the hiding of your own comment."))
    text = (text or "").strip()
    if not text:
        raise ServiceError(_l("Say why the comment should be shown again."), "text")
    text = _note(text, "text")
    appeal = CommentAppeal(comment_id=comment.id, text=text)
    try:
        with db.session.begin_nested():
            db.session.add(appeal)
    except IntegrityError:
        raise ServiceError(_l("You have already appealed.")) from None
    audit.record("comment.appealed", comment, actor=actor, data={"text": text},
                 personal={"text"})  # fmt: skip
    _refresh_thread(comment)
    tell_committee(comment, target_of(comment), "appeal")
    return appeal


def decide_appeal(actor, appeal, upheld, note=""):
    """The committee shows the comment again (upheld) or keeps it hidden, and says why."""
    _check_moderator(actor)
    note = _note(note)
    if appeal.decided_at is not None:
        raise ServiceError(_l("This appeal has already been decided."))
    if upheld is None:
        raise ServiceError(_l("Choose whether the comment is shown again."), "upheld")
    comment = appeal.comment
    target = lock_target(target_of(comment))
    appeal.decided_at, appeal.decided_by_id = utcnow(), actor.id
    appeal.upheld, appeal.note = bool(upheld), note or None
    if upheld and comment.status == HIDDEN and not comment.is_deleted:
        comment.move_to(VISIBLE)
        comment.hidden_reason = comment.hidden_note = None
        comment.hidden_at = comment.hidden_by_id = None
    db.session.flush()
    recount(target)
    content_changed("comment", comment.id)
    audit.record("comment.appeal_decided", comment, actor=actor,
                 changes={"status": (HIDDEN, VISIBLE)} if upheld else None,
                 data={"upheld": bool(upheld), "note": note or None})  # fmt: skip
    _refresh_thread(comment)
    tell_author(comment, target, "upheld" if upheld else "rejected", note)
    return appeal
