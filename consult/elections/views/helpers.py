"""The public pages of observers and volunteers, who need no account: sign-up, the
confirmation link, their own page (status, calendar files, badges, cancelling) and the
badge verification page anyone reaches from the QR code."""

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load
from consult.core.services import run_service
from consult.elections import links
from consult.elections.forms.signup import SignUpForm
from consult.elections.models import AssignmentStatus, Election, HelperAssignment
from consult.elections.permissions import can_view_election
from consult.elections.services import signup as services
from consult.elections.services.candidates import published_candidates
from consult.elections.services.setup import current_code
from consult.elections.views import bp
from consult.extensions import db, limiter
from consult.i18n import content_language_for, current_locale_name


def _signup_page(election, form):
    shifts = services.election_shifts(election)
    form.shifts.choices = [(s.id, s.id) for s in shifts]
    form.preferred_station.choices = [("", _("No preference"))] + [(s.id, s.name) for s in election.stations]  # fmt: skip
    form.relation_candidate.choices = [("", _("No"))] + [
        (c.id, f"{c.name} / {c.latin_name}")
        for c in published_candidates(election)
        if not c.withdrawn  # fmt: skip
    ]
    return shifts


@bp.route("/elections/<id:election_id>/sign-up", methods=["GET", "POST"])
@load("election_id", Election, permit=can_view_election)
@limiter.limit(lambda: current_app.config["SIGN_UP_RATE_LIMIT"], methods=["POST"])
def sign_up(election):
    form = SignUpForm()
    shifts = _signup_page(election, form)
    if form.validate_on_submit() and (
        done := run_service(
            form, services.sign_up, election, form.values(), form.shifts.data or [],
            locale=current_locale_name(),
        )
    ):  # fmt: skip
        application = done.result
        where = application.email or application.phone
        return render_template("elections/signed_up.html", election=election, application=application, where=where)  # fmt: skip
    return render_form(
        "elections/sign_up.html",
        form,
        election=election,
        shifts=shifts,
        code=current_code(election),
        language=content_language_for(),
        open=services.signup_open(election),
        signed_in=current_user.is_authenticated,
    )


def _application_or_problem(lookup, token):
    application = lookup(token)
    if application is None:
        abort(404)
    return application


@bp.route("/elections/helpers/confirm/<token>", methods=["GET", "POST"])
def confirm_helper(token):
    """The link in the confirmation message. Opening it shows a button; pressing it
    confirms (a mail scanner that follows links confirms nothing)."""
    application = links.application_for_confirm(token)
    if application is None:
        return render_template("elections/link_problem.html"), 404
    form = ConfirmForm()
    if (
        request.method == "POST"
        and form.validate_on_submit()
        and run_service(form, services.confirm_application, application)
    ):
        flash(_("Thank you: your sign-up is confirmed. The committee will tell you its decision for each shift."), "success")  # fmt: skip
        return redirect(url_for("elections.my_sign_up", token=links.manage_token(application)))
    return render_form(
        "elections/confirm.html",
        form,
        application=application,
        status=services.status_of(application),
    )


@bp.get("/elections/helpers/<token>")
def my_sign_up(token):
    application = links.application_for_manage(token)
    if application is None:
        return render_template("elections/link_problem.html"), 404
    return render_template(
        "elections/my_sign_up.html",
        application=application,
        status=services.status_of(application),
        token=token,
        confirm=ConfirmForm(),
        approved=AssignmentStatus.APPROVED,
        countersign_url=lambda assignment: url_for(
            "elections.countersign", token=links.countersign_token(assignment)
        ),  # fmt: skip
    )


def _assignment(application, assignment_id):
    assignment = db.session.get(HelperAssignment, assignment_id)
    if assignment is None or assignment.application_id != application.id:
        abort(404)
    return assignment


@bp.post("/elections/helpers/<token>/shifts/<id:assignment_id>/cancel")
def cancel_shift(token, assignment_id):
    application = links.application_for_manage(token)
    if application is None:
        abort(404)
    assignment = _assignment(application, assignment_id)
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(form, services.cancel_assignment, application, assignment):  # fmt: skip
        flash(_("Your shift is cancelled. Thank you for telling us."), "success")
    for problem in form.form_errors:
        flash(problem, "error")
    return redirect(url_for("elections.my_sign_up", token=token))


@bp.get("/elections/helpers/<token>/shifts/<id:assignment_id>.ics")
def shift_calendar(token, assignment_id):
    application = links.application_for_manage(token)
    if application is None:
        abort(404)
    assignment = _assignment(application, assignment_id)
    if assignment.status is not AssignmentStatus.APPROVED:
        abort(404)
    response = Response(links.shift_calendar(assignment), mimetype="text/calendar")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="shift-{assignment.id}.ics"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/elections/helpers/<token>/badges/<id:assignment_id>")
def badge(token, assignment_id):
    application = links.application_for_manage(token)
    if application is None:
        abort(404)
    assignment = _assignment(application, assignment_id)
    if assignment.status is not AssignmentStatus.APPROVED:
        abort(404)
    return render_template(
        "elections/badge.html",
        assignment=assignment,
        application=application,
        qr=links.badge_qr(assignment),
        url=links.badge_url(assignment),
    )


@bp.get("/badge/<token>")
def verify_badge(token):
    """What the badge's QR code opens: valid or not, role, station, shift, Latin name."""
    assignment = links.assignment_for_badge(token)
    if assignment is None:
        return render_template("elections/verify.html", assignment=None), 404
    return render_template(
        "elections/verify.html",
        assignment=assignment,
        valid=links.badge_is_valid(assignment),
        revoked=assignment.status is AssignmentStatus.REVOKED,
    )
