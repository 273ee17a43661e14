"""Candidates: the committee's list and profiles, photos (served with safe headers),
written withdrawals, declared relations, publication."""

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, form_status, render_form
from consult.core.permissions import is_committee, load
from consult.core.services import run_service
from consult.elections import photos
from consult.elections.forms.fields import language_values
from consult.elections.forms.people import PhotoForm, RelationForm, WithdrawalForm, candidate_form
from consult.elections.models import Candidate, Contest, Election, Relation
from consult.elections.permissions import (
    can_manage_candidate,
    can_manage_election,
    can_manage_relation,
)
from consult.elections.services import candidates as services
from consult.elections.services.publishing import last_publication
from consult.elections.views import bp, button
from consult.elections.views.choices import contest_choices, resident_choices, voter_choices
from consult.extensions import db
from consult.i18n import content_languages
from consult.residents.models import Resident


def _profile(form):
    return {
        "name": form.name.data,
        "latin_name": form.latin_name.data,
        "nomination_votes": form.nomination_votes.data,
        "statements": language_values(form, "statement"),
    }


@bp.route("/elections/<id:election_id>/candidates", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def candidates(election):
    form = candidate_form()
    form.contest.choices = contest_choices(election)
    form.resident.choices = voter_choices(election)
    if form.validate_on_submit() and run_service(
        form, services.add_candidate, current_user, election,
        db.session.get(Contest, form.contest.data), db.session.get(Resident, form.resident.data),
        **_profile(form),
    ):  # fmt: skip
        flash(_("The candidate has been added."), "success")
        return redirect(url_for("elections.candidates", election_id=election.id))
    return render_form(
        "elections/candidates.html",
        form,
        election=election,
        candidates=services.candidates_of(election),
        unmet=services.not_competitive(election),
        published=last_publication(election, "candidates"),
        relations=services.relations_of(election),
        languages=content_languages(),
        confirm=ConfirmForm(),
    )


@bp.post("/elections/<id:election_id>/candidates/publish")
@load("election_id", Election, permit=can_manage_election)
def publish_candidates(election):
    to = url_for("elections.candidates", election_id=election.id)
    return button(services.publish_candidates, current_user, election, success=_("The candidates are published."), to=to)  # fmt: skip


def _candidate_page(candidate, form=None, photo_form=None, withdrawal_form=None, relation_form=None):  # fmt: skip
    election = candidate.contest.election
    if form is None:
        form = candidate_form(with_person=False, obj=candidate)
        form.contest.data = candidate.contest_id
        for language in content_languages():
            form[f"statement_{language}"].data = candidate.statement(language)
    form.contest.choices = contest_choices(election)
    relation_form = relation_form or RelationForm()
    relation_form.resident.choices = resident_choices()
    photo_form, withdrawal_form = photo_form or PhotoForm(), withdrawal_form or WithdrawalForm()
    page = render_template(
        "elections/candidate.html",
        form=form,
        election=election,
        candidate=candidate,
        photo_form=photo_form,
        withdrawal_form=withdrawal_form,
        relation_form=relation_form,
        relations=[r for r in services.relations_of(election) if r.candidate_id == candidate.id],
        deadline=services.withdrawal_deadline(election),
        confirm=ConfirmForm(),
    )
    return page, form_status(form, photo_form, withdrawal_form, relation_form)


@bp.route("/elections/candidates/<id:candidate_id>", methods=["GET", "POST"])
@load("candidate_id", Candidate, permit=can_manage_candidate)
def candidate(candidate):
    if request.method == "GET":
        return _candidate_page(candidate)
    form = candidate_form(with_person=False)
    form.contest.choices = contest_choices(candidate.contest.election)
    if form.validate_on_submit() and run_service(
        form, services.update_candidate, current_user, candidate,
        db.session.get(Contest, form.contest.data), **_profile(form),
    ):  # fmt: skip
        flash(_("The candidate's profile has been saved."), "success")
        return redirect(url_for("elections.candidate", candidate_id=candidate.id))
    return _candidate_page(candidate, form=form)


@bp.post("/elections/candidates/<id:candidate_id>/photo")
@load("candidate_id", Candidate, permit=can_manage_candidate)
def upload_photo(candidate):
    form = PhotoForm()
    if form.validate_on_submit():
        storage = form.photo.data
        data = storage.read(photos.MAX_BYTES + 1) if storage else b""
        if run_service(form, photos.set_candidate_photo, current_user, candidate, data):
            flash(_("The photo has been saved."), "success")
            return redirect(url_for("elections.candidate", candidate_id=candidate.id))
    return _candidate_page(candidate, photo_form=form)


@bp.post("/elections/candidates/<id:candidate_id>/withdraw")
@load("candidate_id", Candidate, permit=can_manage_candidate)
def withdraw_candidate(candidate):
    form = WithdrawalForm()
    if form.validate_on_submit() and run_service(form, services.withdraw_candidate, current_user, candidate, form.signed_on.data, form.note.data):  # fmt: skip
        flash(_("The written withdrawal has been recorded."), "success")
        return redirect(url_for("elections.candidate", candidate_id=candidate.id))
    return _candidate_page(candidate, withdrawal_form=form)


@bp.post("/elections/candidates/<id:candidate_id>/remove")
@load("candidate_id", Candidate, permit=can_manage_candidate)
def remove_candidate(candidate):
    to = url_for("elections.candidates", election_id=candidate.election_id)
    return button(services.remove_candidate, current_user, candidate, success=_("The nomination has been removed."), to=to)  # fmt: skip


@bp.post("/elections/candidates/<id:candidate_id>/relations")
@load("candidate_id", Candidate, permit=can_manage_candidate)
def add_relation(candidate):
    form = RelationForm()
    form.resident.choices = resident_choices()
    if form.validate_on_submit() and run_service(
        form, services.declare_relation, current_user, candidate, form.kind.data, form.declared_by.data,
        resident=db.session.get(Resident, form.resident.data) if form.resident.data else None,
        name=form.name.data,
    ):  # fmt: skip
        flash(_("The relation has been recorded."), "success")
        return redirect(url_for("elections.candidate", candidate_id=candidate.id))
    return _candidate_page(candidate, relation_form=form)


@bp.post("/elections/relations/<id:relation_id>/remove")
@load("relation_id", Relation, permit=can_manage_relation)
def remove_relation(relation):
    to = url_for("elections.candidate", candidate_id=relation.candidate_id)
    return button(services.remove_relation, current_user, relation, success=_("The relation has been removed."), to=to)  # fmt: skip


@bp.get("/elections/photos/<name>")
def candidate_photo(name):
    """A candidate's photo: public once the candidates are published, to the committee
    before. Served as an image only (no sniffing, no script, not framed)."""
    path = photos.photo_path(name)
    candidate = db.session.query(Candidate).filter_by(photo=name).first() if path else None
    if candidate is None or not path.exists():
        abort(404)
    election = candidate.contest.election
    if not is_committee(current_user) and last_publication(election, "candidates") is None:
        abort(404)
    response = send_file(path, mimetype="image/jpeg", max_age=3600)
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; frame-ancestors 'none'; sandbox"
    )
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
