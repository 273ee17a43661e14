"""Writing, replying, editing, deleting, liking, reporting and appealing comments.

Writing takes two steps and needs no JavaScript: the author writes, then confirms the
language the text is written in (the select is preset to the language guessed from its
script) while seeing the comment as it will look; then it is posted.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from consult.comments import likes, moderation, services
from consult.comments import permissions as rules
from consult.comments.forms import AppealForm, CommentForm, EditCommentForm, FlagForm
from consult.comments.models import Comment, CommentAppeal, CommentEdit
from consult.comments.registry import commentable_of, find_target, get_commentable
from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load, refuse
from consult.core.services import Problems, ServiceError, run_service, show_problems
from consult.extensions import db
from consult.multilingual.languages import reader_language
from consult.multilingual.reading import localize
from consult.text.language import guess_language
from consult.text.markdown import render_markdown

bp = Blueprint("comments", __name__)


def load_target(view):
    """Load ``<target_type>/<target_id>`` (404 when unknown) and ask whether the reader may
    write a comment there."""
    from functools import wraps

    @wraps(view)
    def wrapped(target_type, target_id):
        target = find_target(target_type, target_id)
        if target is None or not rules.can_read_comments(current_user, target):
            abort(404)
        if not rules.can_write_comment(current_user, target):
            refuse()
        return view(target)

    wrapped.permission = rules.can_write_comment
    return wrapped


def permalink(comment):
    """Where a comment is read: its target's page, at the comment."""
    commentable = get_commentable(comment.target_type)
    return commentable.path(rules.target_of(comment)) + f"#comment-{comment.id}"


def _write(target, parent=None):
    """Both steps of writing a comment (or a reply to ``parent``) on ``target``."""
    commentable = commentable_of(target)
    form = CommentForm(stances=commentable.stances and parent is None)
    page = {"target": target, "parent": parent, "commentable": commentable,
            "heading": commentable.heading_of(target, reader_language())}  # fmt: skip
    if parent is not None:
        page["parent_shown"] = localize(parent, reader_language())
    if not form.validate_on_submit():
        return render_form("comments/write.html", form, confirming=False, **page)
    if form.step.data != "confirm":  # the first step: guess the language, show the preview
        problems = Problems()
        body = services.check_body(form.body.data, problems)
        if problems:
            show_problems(form, ServiceError(problems=problems.items))
            return render_form("comments/write.html", form, confirming=False, **page)
        form.preset_language(guess_language(body) or reader_language())
        form.step.data = "confirm"
        return render_form("comments/write.html", form, confirming=True,
                           preview=Markup(render_markdown(body)), **page)  # fmt: skip
    values = form.values()
    done = run_service(form, services.post_comment, current_user, target, values["body"],
                       values["language"], stance=values["stance"], parent=parent)  # fmt: skip
    if done:
        flash(_("Your comment is posted."), "success")
        return redirect(permalink(done.result))
    form.preset_language(form.language.data or reader_language())
    preview = Markup(render_markdown(form.body.data or ""))
    return render_form("comments/write.html", form, confirming=True, preview=preview, **page)


@bp.route("/comments/<target_type>/<id:target_id>/new", methods=["GET", "POST"])
@load_target
def new_comment(target):
    return _write(target)


@bp.route("/comments/<id:comment_id>/reply", methods=["GET", "POST"])
@load("comment_id", Comment, permit=rules.can_reply_to_comment)
def reply(comment):
    return _write(rules.target_of(comment), parent=comment)


@bp.get("/comments/<id:comment_id>")
@load("comment_id", Comment, permit=rules.can_read_comment)
def comment(comment):
    return redirect(permalink(comment))


@bp.route("/comments/<id:comment_id>/edit", methods=["GET", "POST"])
@load("comment_id", Comment, permit=rules.can_edit_comment)
def edit(comment):
    form = EditCommentForm()
    if request.method == "GET":
        form.body.data, form.language.data = comment.body, comment.language
    if form.validate_on_submit() and run_service(
        form, services.edit_comment, current_user, comment, form.body.data, form.language.data
    ):
        flash(_("Your comment is saved."), "success")
        return redirect(permalink(comment))
    until = comment.created_at + rules.edit_window()
    return render_form("comments/edit.html", form, comment=comment, until=until)


@bp.route("/comments/<id:comment_id>/delete", methods=["GET", "POST"])
@load("comment_id", Comment, permit=rules.can_delete_comment)
def delete(comment):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, services.delete_comment, current_user, comment
    ):
        flash(_("Your comment is deleted. Its place in the discussion stays."), "success")
        return redirect(permalink(comment))
    shown = localize(comment, reader_language()) if comment.is_shown else None
    return render_form("comments/delete.html", form, comment=comment, shown=shown)


def _button(service, comment, success):
    form = ConfirmForm()
    if form.validate_on_submit():
        if run_service(form, service, current_user, comment):
            flash(success, "success")
        else:
            for message in form.form_errors:
                flash(message, "error")
    return redirect(permalink(comment))


@bp.post("/comments/<id:comment_id>/like")
@load("comment_id", Comment, permit=rules.can_like_comment)
def like(comment):
    return _button(likes.like_comment, comment, _("You like this comment."))


@bp.post("/comments/<id:comment_id>/unlike")
@load("comment_id", Comment, permit=rules.can_like_comment)
def unlike(comment):
    return _button(likes.unlike_comment, comment, _("You no longer like this comment."))


@bp.route("/comments/<id:comment_id>/report", methods=["GET", "POST"])
@load("comment_id", Comment, permit=rules.can_flag_comment)
def report(comment):
    form = FlagForm()
    if form.validate_on_submit() and run_service(
        form, moderation.flag_comment, current_user, comment, form.reason.data, form.note.data
    ):
        flash(_("Thank you: the residents' committee will look at your report."), "success")
        return redirect(permalink(comment))
    shown = localize(comment, reader_language())
    return render_form("comments/report.html", form, comment=comment, shown=shown)


@bp.get("/comments/<id:comment_id>/history")
@load("comment_id", Comment, permit=rules.can_view_comment_history)
def history(comment):
    versions = db.session.scalars(
        select(CommentEdit)
        .where(CommentEdit.comment_id == comment.id)
        .order_by(CommentEdit.revision.desc())
    ).all()
    earlier = [(version, Markup(render_markdown(version.body))) for version in versions]
    return render_template(
        "comments/history.html",
        comment=comment,
        current=Markup(comment.body_html),
        earlier=earlier,
        back=permalink(comment),
    )


@bp.route("/comments/<id:comment_id>/appeal", methods=["GET", "POST"])
@load("comment_id", Comment, permit=rules.can_see_moderation_of_own_comment)
def appeal(comment):
    form = AppealForm()
    if form.validate_on_submit() and run_service(
        form, moderation.appeal_comment, current_user, comment, form.text.data
    ):
        flash(_("Your appeal is sent. The residents' committee will decide."), "success")
        return redirect(request.path)
    existing = db.session.scalars(select(CommentAppeal).filter_by(comment_id=comment.id)).first()
    return render_form(
        "comments/appeal.html",
        form,
        comment=comment,
        existing=existing,
        may_appeal=rules.can_appeal_comment(current_user, comment),
        text=Markup(comment.body_html),
        back=permalink(comment),
    )
