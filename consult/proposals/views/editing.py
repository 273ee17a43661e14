"""The author's pages: write, edit, publish, delete a draft, withdraw, attach files."""

from datetime import timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, form_status, render_form
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.proposals import attachments, services
from consult.proposals import permissions as rules
from consult.proposals.dates import community_today
from consult.proposals.forms import AttachmentForm, ProposalForm, PublishForm, WithdrawForm
from consult.proposals.models import Attachment, Proposal
from consult.proposals.views import bp


def _to(proposal):
    return redirect(url_for("proposals.proposal", proposal_id=proposal.id))


@bp.route("/proposals/new", methods=["GET", "POST"])
@permit(rules.can_create_proposal)
def new_proposal():
    form = ProposalForm()
    if request.method == "GET":
        form.fill_defaults()
    if form.validate_on_submit() and (
        done := run_service(form, services.create_proposal, current_user, **form.values())
    ):
        flash(_("Your draft is saved. Only you can see it until you publish it."), "success")
        return _to(done.result)
    return render_form("proposals/form.html", form, proposal=None)


def _edit_page(proposal, form, upload_form=None):
    upload_form = upload_form or AttachmentForm()
    page = render_template(
        "proposals/form.html",
        form=form,
        proposal=proposal,
        upload_form=upload_form,
        confirm_form=ConfirmForm(),
    )
    return page, form_status(form, upload_form)


@bp.route("/proposals/<id:proposal_id>/edit", methods=["GET", "POST"])
@load("proposal_id", Proposal, permit=rules.can_edit_proposal)
def edit_proposal(proposal):
    form = ProposalForm()
    if request.method == "GET":
        form.load(proposal)
    if form.validate_on_submit() and run_service(
        form, services.update_proposal, current_user, proposal, **form.values()
    ):
        flash(_("The proposal is saved."), "success")
        return _to(proposal)
    return _edit_page(proposal, form)


@bp.route("/proposals/<id:proposal_id>/publish", methods=["GET", "POST"])
@load("proposal_id", Proposal, permit=rules.can_publish_proposal)
def publish_proposal(proposal):
    form = PublishForm()
    if request.method == "GET":
        days = services.settings().consultation_days
        form.closes_on.data = community_today() + timedelta(days=days)
    if form.validate_on_submit() and run_service(
        form, services.publish_proposal, current_user, proposal, form.closes_on.data
    ):
        flash(_("Your proposal is open for consultation."), "success")
        return _to(proposal)
    return render_form("proposals/publish.html", form, proposal=proposal)


@bp.post("/proposals/<id:proposal_id>/delete")
@load("proposal_id", Proposal, permit=rules.can_delete_proposal)
def delete_proposal(proposal):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, services.delete_draft, current_user, proposal
    ):
        flash(_("The draft is deleted."), "success")
        return redirect(url_for("proposals.index"))
    return _to(proposal)


@bp.route("/proposals/<id:proposal_id>/withdraw", methods=["GET", "POST"])
@load("proposal_id", Proposal, permit=rules.can_withdraw_proposal)
def withdraw_proposal(proposal):
    form = WithdrawForm()
    if form.validate_on_submit() and run_service(
        form, services.withdraw_proposal, current_user, proposal, form.reason.data
    ):
        flash(_("The proposal is withdrawn."), "success")
        return _to(proposal)
    return render_form("proposals/withdraw.html", form, proposal=proposal)


@bp.post("/proposals/<id:proposal_id>/attachments")
@load("proposal_id", Proposal, permit=rules.can_edit_proposal)
def add_attachment(proposal):
    upload_form = AttachmentForm()
    if upload_form.validate_on_submit() and run_service(
        upload_form,
        attachments.add_attachment,
        current_user,
        proposal,
        upload_form.file.data,
        upload_form.description.data,
    ):
        flash(_("The file is attached."), "success")
        return redirect(url_for("proposals.edit_proposal", proposal_id=proposal.id))
    form = ProposalForm()
    form.load(proposal)
    return _edit_page(proposal, form, upload_form)


@bp.post("/proposals/attachments/<id:attachment_id>/remove")
@load("attachment_id", Attachment, permit=rules.can_remove_attachment)
def remove_attachment(attachment):
    proposal_id = attachment.proposal_id
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, attachments.remove_attachment, current_user, attachment
    ):
        flash(_("The file is removed."), "success")
    return redirect(url_for("proposals.edit_proposal", proposal_id=proposal_id))
