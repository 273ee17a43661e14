"""The committee's moderation: the queue of reported, held and appealed comments, and one
comment's page with its reports, appeal, decisions and audit entries."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import joinedload

from consult.comments import moderation
from consult.comments.content import excerpt
from consult.comments.forms import AppealDecisionForm, DismissForm, HideForm
from consult.comments.models import (
    HELD,
    HIDDEN,
    Comment,
    CommentAppeal,
    CommentFlag,
)
from consult.comments.permissions import can_moderate_comment, can_moderate_comments, target_of
from consult.comments.registry import get_commentable
from consult.core.audit import AuditEntry, AuditPersonalValue, details_of
from consult.core.audit.trail import ACTION_LABELS
from consult.core.forms import form_status
from consult.core.pagination import page_arg, paginate
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.extensions import db
from consult.multilingual.languages import reader_language

bp = Blueprint("comments_moderation", __name__, url_prefix="/moderation")
PER_PAGE = 30
VIEWS = ("waiting", "hidden")


def _open_flag():
    return exists().where(CommentFlag.comment_id == Comment.id, CommentFlag.resolved_at.is_(None))


def _pending_appeal():
    return exists().where(
        CommentAppeal.comment_id == Comment.id, CommentAppeal.decided_at.is_(None)
    )


def waiting_statement():
    """Comments waiting for the committee: open reports, held, or appealed."""
    return select(Comment.id).where(
        Comment.deleted_at.is_(None),
        or_(_open_flag(), Comment.status == HELD.value, _pending_appeal()),
    )


def _statement(view):
    if view == "hidden":
        return select(Comment.id).where(
            Comment.deleted_at.is_(None), Comment.status == HIDDEN.value
        )
    return waiting_statement()


def _load(ids):
    return db.session.scalars(
        select(Comment).where(Comment.id.in_(ids)).options(joinedload(Comment.author))
    ).all()


def _flag_counts(ids):
    """{comment id: (open reports by verified residents, open reports by others)}."""
    rows = db.session.execute(
        select(CommentFlag.comment_id, CommentFlag.by_verified_resident, func.count())
        .where(CommentFlag.comment_id.in_(ids), CommentFlag.resolved_at.is_(None))
        .group_by(CommentFlag.comment_id, CommentFlag.by_verified_resident)
    ).all()
    counts = {}
    for comment_id, verified, count in rows:
        pair = counts.get(comment_id, (0, 0))
        counts[comment_id] = (pair[0] + count, pair[1]) if verified else (pair[0], pair[1] + count)
    return counts


def _headings(comments):
    """{comment id: (its target's title for the reader, its path)}."""
    tag, found = reader_language(), {}
    for comment in comments:
        target = target_of(comment)
        commentable = get_commentable(comment.target_type)
        if target is not None:
            found[comment.id] = (commentable.heading_of(target, tag), commentable.path(target))
    return found


@bp.get("/comments")
@permit(can_moderate_comments)
def queue():
    view = request.args.get("view") if request.args.get("view") in VIEWS else "waiting"
    stmt = _statement(view).order_by(Comment.id.desc())
    page = paginate(stmt, page_arg(), PER_PAGE, id_column=Comment.id, load=_load)
    ids = [comment.id for comment in page.items]
    appealed = set(
        db.session.scalars(
            select(CommentAppeal.comment_id).where(
                CommentAppeal.comment_id.in_(ids), CommentAppeal.decided_at.is_(None)
            )
        )
    )
    return render_template(
        "comments/moderation/queue.html",
        page=page,
        view=view,
        views=VIEWS,
        counts=_flag_counts(ids),
        appealed=appealed,
        headings=_headings(page.items),
        excerpt=excerpt,
        args={"view": view} if view != "waiting" else {},
    )


def _entries(comment):
    from consult.accounts.models import User

    entries = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.object_type == "comment", AuditEntry.object_id == comment.id)
        .order_by(AuditEntry.seq)
    ).all()
    values = {
        value.digest: value
        for value in db.session.scalars(
            select(AuditPersonalValue).where(
                AuditPersonalValue.entry_id.in_([entry.id for entry in entries])
            )
        )
    }
    actors = {entry.actor_id for entry in entries if entry.actor_id}
    names = dict(db.session.execute(select(User.id, User.display_name).where(User.id.in_(actors))).all())  # fmt: skip
    return [(entry, details_of(entry, values)) for entry in entries], names


def _page(comment, hide_form=None, dismiss_form=None, decision_form=None):
    flags = db.session.scalars(
        select(CommentFlag)
        .where(CommentFlag.comment_id == comment.id)
        .options(joinedload(CommentFlag.user))
        .order_by(CommentFlag.id)
    ).all()
    appeal = db.session.scalars(select(CommentAppeal).filter_by(comment_id=comment.id)).first()
    entries, names = _entries(comment)
    commentable = get_commentable(comment.target_type)
    target = target_of(comment)
    forms = (hide_form or HideForm(), dismiss_form or DismissForm(),
             decision_form or AppealDecisionForm())  # fmt: skip
    page = render_template(
        "comments/moderation/comment.html",
        comment=comment,
        text=Markup(comment.body_html),
        heading=commentable.heading_of(target, reader_language()),
        target_path=commentable.path(target),
        flags=flags,
        open_flags=[flag for flag in flags if flag.resolved_at is None],
        appeal=appeal,
        entries=entries,
        names=names,
        labels=ACTION_LABELS,
        hide_form=forms[0],
        dismiss_form=forms[1],
        decision_form=forms[2],
    )
    return page, form_status(*forms)


@bp.get("/comments/<id:comment_id>")
@load("comment_id", Comment, permit=can_moderate_comment)
def comment(comment):
    return _page(comment)


def _back(comment):
    return redirect(url_for("comments_moderation.comment", comment_id=comment.id))


@bp.post("/comments/<id:comment_id>/hide")
@load("comment_id", Comment, permit=can_moderate_comment)
def hide(comment):
    form = HideForm()
    if form.validate_on_submit() and run_service(
        form, moderation.hide_comment, current_user, comment, form.reason.data, form.note.data
    ):
        flash(_("The comment is hidden. Its author is told and may appeal once."), "success")
        return _back(comment)
    return _page(comment, hide_form=form)


@bp.post("/comments/<id:comment_id>/dismiss")
@load("comment_id", Comment, permit=can_moderate_comment)
def dismiss(comment):
    form = DismissForm()
    if form.validate_on_submit() and run_service(
        form, moderation.dismiss_flags, current_user, comment, form.note.data
    ):
        flash(_("The reports are dismissed; the comment is shown."), "success")
        return _back(comment)
    return _page(comment, dismiss_form=form)


@bp.post("/comments/<id:comment_id>/appeal")
@load("comment_id", Comment, permit=can_moderate_comment)
def decide(comment):
    form = AppealDecisionForm()
    appeal = db.session.scalars(select(CommentAppeal).filter_by(comment_id=comment.id)).first()
    if appeal is None:
        flash(_("There is no appeal to decide."), "error")
        return _back(comment)
    if form.validate_on_submit() and run_service(
        form, moderation.decide_appeal, current_user, appeal, form.decision(), form.note.data
    ):
        flash(_("The appeal is decided. Its author is told."), "success")
        return _back(comment)
    return _page(comment, decision_form=form)
