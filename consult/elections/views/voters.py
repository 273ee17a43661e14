"""The voter list (committee only; never public), its printing, and objections."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm
from consult.core.permissions import load
from consult.core.services import run_service
from consult.elections import clock
from consult.elections.forms.people import DecisionForm, ObjectionForm, PersonForm
from consult.elections.models import Election, Objection, PublicationKind
from consult.elections.permissions import (
    can_decide_objection,
    can_manage_election,
    can_see_own_listing,
)
from consult.elections.services import voters as services
from consult.elections.services.publishing import publications
from consult.elections.views import bp, button, flash_problems
from consult.elections.views.choices import unlisted_choices, voter_choices
from consult.extensions import db
from consult.residents.models import Resident


def _voters_page(election, add_form=None, remove_form=None):
    add_form = add_form or PersonForm(prefix="add")
    add_form.resident.choices = unlisted_choices(election)
    remove_form = remove_form or PersonForm(prefix="remove")
    remove_form.resident.choices = voter_choices(election)
    status = 422 if (add_form.errors or add_form.form_errors or remove_form.errors or remove_form.form_errors) else 200  # fmt: skip
    return render_template(
        "elections/voters.html",
        election=election,
        grids=services.voter_list_by_grid(election),
        count=services.voter_count(election),
        publications=publications(election, PublicationKind.VOTER_LIST),
        add_form=add_form,
        remove_form=remove_form,
        confirm=ConfirmForm(),
    ), status


@bp.get("/elections/<id:election_id>/voters")
@load("election_id", Election, permit=can_manage_election)
def voters(election):
    return _voters_page(election)


@bp.get("/elections/<id:election_id>/voters/print")
@load("election_id", Election, permit=can_manage_election)
def print_voters(election):
    return render_template(
        "elections/voters_print.html",
        election=election,
        grids=services.voter_list_by_grid(election),
        mobile=[s for s in election.stations if s.mobile],
    )


@bp.post("/elections/<id:election_id>/voters/draw")
@load("election_id", Election, permit=can_manage_election)
def draw_voters(election):
    form = ConfirmForm()
    to = url_for("elections.voters", election_id=election.id)
    if form.validate_on_submit() and (done := run_service(form, services.draw_voter_list, current_user, election)):  # fmt: skip
        counts = done.result
        flash(_("Voters listed: %(count)d.", count=counts["listed"]), "success")
        if counts["no_birth_date"] or counts["no_nationality"]:
            flash(_("Left out because the register lacks their birth date: %(births)d; their nationality: %(nations)d. Complete those entries in the register and draw again.", births=counts["no_birth_date"], nations=counts["no_nationality"]), "error")  # fmt: skip
    flash_problems(form)
    return redirect(to)


@bp.post("/elections/<id:election_id>/voters/publish")
@load("election_id", Election, permit=can_manage_election)
def publish_voters(election):
    to = url_for("elections.voters", election_id=election.id)
    return button(services.publish_voter_list, current_user, election, success=_("The voter list is published; residents have been told."), to=to)  # fmt: skip


def _change(election, prefix, service, success):
    form = PersonForm(prefix=prefix)
    form.resident.choices = unlisted_choices(election) if prefix == "add" else voter_choices(election)  # fmt: skip
    if form.validate_on_submit() and run_service(
        form,
        service,
        current_user,
        election,
        db.session.get(Resident, form.resident.data),
        form.reason.data,  # fmt: skip
    ):
        flash(success, "success")
        return redirect(url_for("elections.voters", election_id=election.id))
    return _voters_page(election, **{f"{prefix}_form": form})


@bp.post("/elections/<id:election_id>/voters/add")
@load("election_id", Election, permit=can_manage_election)
def add_voter(election):
    return _change(election, "add", services.add_voter, _("The resident has been added to the voter list."))  # fmt: skip


@bp.post("/elections/<id:election_id>/voters/remove")
@load("election_id", Election, permit=can_manage_election)
def remove_voter(election):
    return _change(election, "remove", services.remove_voter, _("The resident has been removed from the voter list."))  # fmt: skip


@bp.post("/elections/<id:election_id>/objections/lodge")
@load("election_id", Election, permit=can_see_own_listing)
def lodge_objection(election):
    form = ObjectionForm()
    if form.validate_on_submit() and run_service(form, services.lodge_objection, current_user, election, form.reason.data):  # fmt: skip
        flash(_("Your objection has been lodged. The committee decides it within %(days)d days and tells you.", days=election.rules.objection_decision_days), "success")  # fmt: skip
    flash_problems(form)
    return redirect(url_for("elections.election", election_id=election.id))


@bp.get("/elections/<id:election_id>/objections")
@load("election_id", Election, permit=can_manage_election)
def objections(election):
    return render_template(
        "elections/objections.html",
        election=election,
        objections=services.objections_of(election),
        form=DecisionForm(),
        listed=services.listed_ids(election),
        today=clock.today(),
    )


@bp.post("/elections/objections/<id:objection_id>/decide")
@load("objection_id", Objection, permit=can_decide_objection)
def decide_objection(objection):
    form = DecisionForm()
    if form.validate_on_submit() and run_service(form, services.decide_objection, current_user, objection, form.decision.data, form.note.data):  # fmt: skip
        flash(_("The objection is decided; the resident has been told."), "success")
    flash_problems(form)
    return redirect(url_for("elections.objections", election_id=objection.election_id))
