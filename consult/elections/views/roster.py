"""The committee's side of the helper programme: applications by station and shift, the
decisions, and the roster per station (printable and CSV)."""

from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from consult.core.forms import ConfirmForm
from consult.core.permissions import load
from consult.core.services import run_service
from consult.elections import clock
from consult.elections.models import Election, HelperAssignment
from consult.elections.permissions import can_decide_assignment, can_manage_election
from consult.elections.roster import roster_csv, roster_rows
from consult.elections.services import decisions as services
from consult.elections.services.signup import status_of
from consult.elections.views import bp

ACTIONS = {
    "approve": (services.approve_assignment, _l("Approved; the person has been told.")),
    "wait_list": (
        services.wait_list_assignment,
        _l("Put on the wait list; the person has been told."),
    ),  # fmt: skip
    "decline": (services.decline_assignment, _l("Declined; the person has been told.")),
    "revoke": (services.revoke_assignment, _l("Revoked: the badge now shows as not valid.")),
}


@bp.get("/elections/<id:election_id>/helpers")
@load("election_id", Election, permit=can_manage_election)
def helpers(election):
    return render_template(
        "elections/helpers.html",
        election=election,
        stations=services.applications_by_shift(election),
        approved_count=services.approved_count,
        status_of=status_of,
        confirm=ConfirmForm(),
        local=clock.local,
    )


@bp.post("/elections/assignments/<id:assignment_id>/decide")
@load("assignment_id", HelperAssignment, permit=can_decide_assignment)
def decide_assignment(assignment):
    form = ConfirmForm()
    action = ACTIONS.get(request.form.get("action", ""))
    election_id = assignment.application.election_id
    if action is None:
        flash(_("Choose approve, wait list, decline or revoke."), "error")
    elif form.validate_on_submit() and run_service(form, action[0], current_user, assignment):
        flash(str(action[1]), "success")
    for problem in form.form_errors:
        flash(problem, "error")
    return redirect(url_for("elections.helpers", election_id=election_id) + f"#shift-{assignment.shift_id}")  # fmt: skip


@bp.get("/elections/<id:election_id>/roster")
@load("election_id", Election, permit=can_manage_election)
def roster(election):
    return render_template(
        "elections/roster.html",
        election=election,
        stations=roster_rows(election),
        local=clock.local,
    )


@bp.get("/elections/<id:election_id>/roster.csv")
@load("election_id", Election, permit=can_manage_election)
def roster_download(election):
    response = Response(roster_csv(election).encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    name = f"roster-{election.id}-{date.today().isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
