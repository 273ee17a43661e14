"""The committee's pages: start a review, write and publish the official answer, close,
categories and settings."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load, permit
from consult.core.services import flash_result, run_service
from consult.multilingual.languages import content_languages, reader_language, same_language
from consult.multilingual.reading import has_text_by_a_person, original
from consult.proposals import answers, categories, services
from consult.proposals import permissions as rules
from consult.proposals.forms import AnswerForm, CategoryForm, SettingsForm
from consult.proposals.models import Category, Proposal
from consult.proposals.views import bp


def _to(proposal):
    return redirect(url_for("proposals.proposal", proposal_id=proposal.id))


@bp.post("/proposals/<id:proposal_id>/review")
@load("proposal_id", Proposal, permit=rules.can_review_proposal)
def start_review(proposal):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.start_review, current_user, proposal)
        flash_result(form, done, _("The consultation has ended; the proposal is under review."))
    return _to(proposal)


def _answer_page(proposal, form):
    answer = proposal.answer
    languages = []
    if answer is not None:
        for tag in content_languages():
            own = same_language(tag, answer.language)
            languages.append((tag, own, has_text_by_a_person(answer, tag)))
    return render_form(
        "proposals/answer.html",
        form,
        proposal=proposal,
        answer=answer,
        source=original(answer) if answer else None,
        languages=languages,
        confirm_form=ConfirmForm(),
    )


@bp.route("/proposals/<id:proposal_id>/answer", methods=["GET", "POST"])
@load("proposal_id", Proposal, permit=rules.can_answer_proposal)
def answer(proposal):
    form = AnswerForm()
    if request.method == "GET":
        existing = proposal.answer
        if existing is not None:
            form.outcome.data, form.body.data = existing.outcome.value, existing.body
            form.language.data = existing.language
            form.prevailing_language.data = existing.prevailing_language
        else:
            form.language.data = form.prevailing_language.data = reader_language()
    if form.validate_on_submit() and run_service(
        form,
        answers.save_answer,
        current_user,
        proposal,
        form.outcome.data,
        form.body.data,
        form.language.data,
        form.prevailing_language.data,
    ):
        flash(_("The answer is saved. It is published once every content language has a text by a person."), "success")  # fmt: skip
        return redirect(url_for("proposals.answer", proposal_id=proposal.id))
    return _answer_page(proposal, form)


@bp.post("/proposals/<id:proposal_id>/answer/publish")
@load("proposal_id", Proposal, permit=rules.can_answer_proposal)
def publish_answer(proposal):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, answers.publish_answer, current_user, proposal)
        flash_result(form, done, _("The official answer is published; followers are told."))
        if done:
            return _to(proposal)
    return redirect(url_for("proposals.answer", proposal_id=proposal.id))


@bp.post("/proposals/<id:proposal_id>/close")
@load("proposal_id", Proposal, permit=rules.can_close_proposal)
def close(proposal):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, services.close_proposal, current_user, proposal)
        flash_result(form, done, _("The proposal is closed."))
    return _to(proposal)


@bp.route("/proposals/categories", methods=["GET", "POST"])
@permit(rules.can_manage_proposals)
def categories_page():
    form = CategoryForm()
    if form.validate_on_submit() and run_service(
        form,
        categories.create_category,
        current_user,
        form.name_en.data,
        form.name_zh_hans.data,
        form.name_zh_hant.data,
    ):
        flash(_("The category is added."), "success")
        return redirect(url_for("proposals.categories_page"))
    return render_form(
        "proposals/categories.html",
        form,
        categories=categories.categories(),
        confirm_form=ConfirmForm(),
    )


@bp.route("/proposals/categories/<id:category_id>/edit", methods=["GET", "POST"])
@load("category_id", Category, permit=rules.can_edit_category)
def edit_category(category):
    form = CategoryForm()
    if request.method == "GET":
        names = category.names or {}
        form.name_en.data = names.get("en")
        form.name_zh_hans.data = names.get("zh-Hans")
        form.name_zh_hant.data = names.get("zh-Hant")
    if form.validate_on_submit() and run_service(
        form,
        categories.update_category,
        current_user,
        category,
        form.name_en.data,
        form.name_zh_hans.data,
        form.name_zh_hant.data,
    ):
        flash(_("The category is saved."), "success")
        return redirect(url_for("proposals.categories_page"))
    return render_form("proposals/category.html", form, category=category)


@bp.post("/proposals/categories/<id:category_id>/delete")
@load("category_id", Category, permit=rules.can_edit_category)
def delete_category(category):
    form = ConfirmForm()
    if form.validate_on_submit():
        done = run_service(form, categories.delete_category, current_user, category)
        flash_result(form, done, _("The category is removed."))
    return redirect(url_for("proposals.categories_page"))


@bp.route("/proposals/settings", methods=["GET", "POST"])
@permit(rules.can_manage_proposals)
def settings():
    form = SettingsForm()
    if request.method == "GET":
        current = services.settings()
        form.support_threshold.data = current.support_threshold
        form.consultation_days.data = current.consultation_days
    if form.validate_on_submit() and run_service(
        form,
        categories.update_settings,
        current_user,
        form.support_threshold.data,
        form.consultation_days.data,
    ):
        flash(_("The settings are saved."), "success")
        return redirect(url_for("proposals.settings"))
    return render_form("proposals/settings.html", form)
