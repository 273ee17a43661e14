"""A proposal's page, and the buttons every reader has: support, follow.

What the page shows of the proposal is the same for every reader of one language, so it is
rendered once per language and way of showing (the reader's language, the original, both
side by side) and cached until the proposal or its translations change. Only the buttons
(which depend on who reads) are drawn on each request.
"""

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from consult.core.cache import cached, whole_page_for_visitors
from consult.core.forms import ConfirmForm
from consult.core.permissions import load
from consult.core.services import run_service
from consult.i18n import current_locale_name
from consult.multilingual.languages import reader_language
from consult.multilingual.reading import localize, original, translation_status
from consult.proposals import permissions as rules
from consult.proposals import supports as support_rules
from consult.proposals.attachments import stored_path
from consult.proposals.dates import community_today
from consult.proposals.models import DRAFT, Attachment, AttachmentKind, Proposal
from consult.proposals.queries import proposal_for_page
from consult.proposals.views import bp
from consult.proposals.views.listing import CACHE_KEYS

SHOW = ("reader", "original", "both")


@dataclass(frozen=True)
class Wanted:
    """What a reader may ask translators for (kept in the cache: no database objects)."""

    requestable_language: str | None
    outdated: bool
    is_machine: bool


def _wanted(shown):
    if shown is None:
        return None
    return Wanted(shown.requestable_language, shown.outdated, shown.is_machine)


def render_proposal(proposal_id, show, today):
    """The proposal's parts as HTML for this reader's language: head, body, and what the
    per-reader buttons need to know."""
    proposal = proposal_for_page(proposal_id)
    tag = reader_language()
    shown = localize(proposal, tag)
    answer = proposal.answer if proposal.answer and proposal.answer.is_published else None
    answer_shown = localize(answer, tag) if answer else None
    context = dict(
        proposal=proposal, shown=shown, source=original(proposal), show=show, today=today,
        state=proposal.current_state(today), tag=tag, answer=answer, answer_shown=answer_shown,
        answer_source=original(answer) if answer else None,
        statuses=[(row, translation_status(proposal, row)) for row in proposal.translations],
        images=[a for a in proposal.attachments if a.kind == AttachmentKind.IMAGE],
        files=[a for a in proposal.attachments if a.kind == AttachmentKind.FILE],
    )  # fmt: skip
    return {
        "title": shown["title"],
        "head": Markup(render_template("proposals/_head.html", **context)),
        "body": Markup(render_template("proposals/_body.html", **context)),
        "wanted": _wanted(shown),
        "answer_wanted": _wanted(answer_shown),
        "answer_id": answer.id if answer else None,
    }


@bp.get("/proposals/<id:proposal_id>")
@load("proposal_id", Proposal, permit=rules.can_view_proposal)
@whole_page_for_visitors("proposals.proposal", parts=community_today)
def proposal(proposal):
    show = request.args.get("show") if request.args.get("show") in SHOW else "reader"
    today = community_today()
    if proposal.state == DRAFT:  # its author's alone, and still changing: never cached
        page = render_proposal(proposal.id, show, today)
    else:
        page = cached(
            "proposals.page",
            CACHE_KEYS,
            (proposal.id, current_locale_name(), show, today),
            lambda: render_proposal(proposal.id, show, today),
        )
    return render_template(
        "proposals/proposal.html",
        proposal=proposal,
        page=page,
        state=proposal.current_state(today),
        supported=support_rules.supports(current_user, proposal),
        following=support_rules.follows(current_user, proposal),
        confirm_form=ConfirmForm(),
    )


def _button(service, proposal, success):
    form = ConfirmForm()
    if form.validate_on_submit():
        if run_service(form, service, current_user, proposal):
            flash(success, "success")
        else:
            for message in form.form_errors:
                flash(message, "error")
    return redirect(url_for("proposals.proposal", proposal_id=proposal.id))


@bp.post("/proposals/<id:proposal_id>/support")
@load("proposal_id", Proposal, permit=rules.can_support_proposal)
def support(proposal):
    return _button(support_rules.support_proposal, proposal, _("You support this proposal."))


@bp.post("/proposals/<id:proposal_id>/unsupport")
@load("proposal_id", Proposal, permit=rules.can_support_proposal)
def unsupport(proposal):
    return _button(support_rules.withdraw_support, proposal, _("Your support is withdrawn."))


@bp.post("/proposals/<id:proposal_id>/follow")
@load("proposal_id", Proposal, permit=rules.can_follow_proposal)
def follow(proposal):
    return _button(
        support_rules.follow_proposal,
        proposal,
        _("You follow this proposal: you will be told when its state changes or it is answered."),
    )


@bp.post("/proposals/<id:proposal_id>/unfollow")
@load("proposal_id", Proposal, permit=rules.can_follow_proposal)
def unfollow(proposal):
    return _button(
        support_rules.unfollow_proposal, proposal, _("You no longer follow this proposal.")
    )


@bp.get("/proposals/attachments/<id:attachment_id>")
@load("attachment_id", Attachment, permit=rules.can_view_attachment)
def attachment(attachment):
    """The file with headers that stop a browser from running it: its type as its bytes
    said, no sniffing, images inline and everything else downloaded, sandboxed."""
    from flask import send_file

    path = stored_path(attachment)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=attachment.content_type,
        as_attachment=attachment.kind != AttachmentKind.IMAGE,
        download_name=attachment.filename,
        conditional=True,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
