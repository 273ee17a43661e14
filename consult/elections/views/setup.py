"""The elections list, an election's page with its timeline, and the committee's set-up."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.elections import clock
from consult.elections.forms.setup import (
    RulesForm,
    ShiftForm,
    StationForm,
    code_form,
    election_form,
    election_texts,
    seat_values,
)
from consult.elections.models import Election, MobileVoter, PollingStation, Shift
from consult.elections.permissions import (
    can_manage_election,
    can_manage_elections,
    can_manage_mobile_voter,
    can_manage_shift,
    can_manage_station,
    can_view_election,
)
from consult.elections.services import setup as services
from consult.elections.services import stations as stations_services
from consult.elections.services.candidates import published_candidates
from consult.elections.services.proxies import valid_proxies
from consult.elections.services.setup import current_code
from consult.elections.services.signup import signup_open
from consult.elections.services.timeline import deadlines, timeline
from consult.elections.services.voters import is_listed, objection_window, objections_of
from consult.elections.views import bp, button, flash_problems
from consult.elections.views.choices import voter_choices
from consult.extensions import db
from consult.i18n import content_language_for, content_languages
from consult.residents.services import resident_of


@bp.get("/elections")
def index():
    elections = db.session.scalars(select(Election).order_by(Election.election_day.desc())).all()
    return render_template("elections/index.html", elections=elections)


@bp.get("/elections/<id:election_id>")
@load("election_id", Election, permit=can_view_election)
def election(election):
    """Public: the election, its timeline, published candidates. Signed-in residents also
    see whether they are listed, their objections and the published proxy list."""
    from consult.elections.forms.people import ObjectionForm

    mine = {}
    if current_user.is_authenticated:
        resident = resident_of(current_user)
        mine = {
            "resident": resident,
            "listed": is_listed(election, resident),
            "objections": objections_of(election, current_user),
            "window": objection_window(election),
            "proxies": valid_proxies(election),
            "form": ObjectionForm(),
        }
    return render_template(
        "elections/election.html",
        election=election,
        language=content_language_for(),
        steps=timeline(election),
        deadlines=deadlines(election),
        candidates=published_candidates(election),
        signup_open=signup_open(election),
        mine=mine,
        today=clock.today(),
    )


@bp.route("/elections/new", methods=["GET", "POST"])
@permit(can_manage_elections)
def new():
    form = election_form()
    if form.validate_on_submit() and (
        done := run_service(
            form,
            services.create_election,
            current_user,
            form.election_day.data,
            election_texts(form),
            seat_values(form),
        )
    ):
        flash(_("The election has been created. Next: its polling stations and shifts."), "success")  # fmt: skip
        return redirect(url_for("elections.election", election_id=done.result.id))
    return render_form("elections/edit.html", form, election=None, languages=content_languages())


def _update(actor, election, election_day, texts, seats):
    services.update_election(actor, election, election_day, texts)
    services.set_contests(actor, election, seats)


@bp.route("/elections/<id:election_id>/edit", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def edit(election):
    form = election_form()
    if request.method == "GET":
        form.election_day.data = election.election_day
        for text in election.texts:
            if f"title_{text.language}" in form:
                form[f"title_{text.language}"].data = text.title
                form[f"description_{text.language}"].data = text.description
        for contest in election.contests:
            form[f"seats_{contest.kind.value}"].data = contest.seats
        for kind in ("director", "deputy", "member"):
            if not any(c.kind.value == kind for c in election.contests):
                form[f"seats_{kind}"].data = 0
    if form.validate_on_submit() and run_service(
        form,
        _update,
        current_user,
        election,
        form.election_day.data,
        election_texts(form),
        seat_values(form),  # fmt: skip
    ):
        flash(_("The election has been saved."), "success")
        return redirect(url_for("elections.election", election_id=election.id))
    return render_form("elections/edit.html", form, election=election, languages=content_languages())  # fmt: skip


@bp.route("/elections/<id:election_id>/rules", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def rules(election):
    form = RulesForm(data=election.rules.as_dict() if request.method == "GET" else None)
    if form.validate_on_submit() and run_service(
        form, services.update_rules, current_user, election, form.values()
    ):
        flash(_("The rule set has been saved; the timeline follows it."), "success")
        return redirect(url_for("elections.election", election_id=election.id))
    return render_form("elections/rules.html", form, election=election)


@bp.route("/elections/<id:election_id>/stations", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def stations(election):
    form = StationForm()
    if form.validate_on_submit() and (
        done := run_service(
            form, stations_services.save_station, current_user, election, **form.values()
        )
    ):
        flash(_("The polling station has been added; now give it shifts."), "success")
        return redirect(url_for("elections.station", station_id=done.result.id))
    return render_form("elections/stations.html", form, election=election)


def _station_page(station, form=None, shift_form=None, voter_form=None):
    from consult.elections.forms.people import PersonForm

    election = station.election
    form = form or StationForm(obj=station)
    if shift_form is None:
        shift_form = ShiftForm(day=election.election_day, start=station.opens, end=station.closes)
    voter_form = voter_form or PersonForm()
    voter_form.resident.choices = voter_choices(election)
    return render_form(
        "elections/station.html",
        form,
        election=election,
        station=station,
        shift_form=shift_form,
        voter_form=voter_form,
        confirm=ConfirmForm(),
        local=clock.local,
    )


@bp.route("/elections/stations/<id:station_id>", methods=["GET", "POST"])
@load("station_id", PollingStation, permit=can_manage_station)
def station(station):
    form = StationForm(obj=station) if request.method == "GET" else StationForm()
    if form.validate_on_submit() and run_service(
        form,
        stations_services.save_station,
        current_user,
        station.election,
        station,
        **form.values(),
    ):
        flash(_("The polling station has been saved."), "success")
        return redirect(url_for("elections.station", station_id=station.id))
    return _station_page(station, form=form)


@bp.post("/elections/stations/<id:station_id>/delete")
@load("station_id", PollingStation, permit=can_manage_station)
def delete_station(station):
    to = url_for("elections.stations", election_id=station.election_id)
    return button(stations_services.delete_station, current_user, station, success=_("The polling station has been deleted."), to=to)  # fmt: skip


@bp.post("/elections/stations/<id:station_id>/shifts")
@load("station_id", PollingStation, permit=can_manage_station)
def add_shift(station):
    form = ShiftForm()
    if form.validate_on_submit() and run_service(
        form, stations_services.save_shift, current_user, station, day=form.day.data, start=form.start.data,
        end=form.end.data, observers=form.observers.data, volunteers=form.volunteers.data,
    ):  # fmt: skip
        flash(_("The shift has been added."), "success")
        return redirect(url_for("elections.station", station_id=station.id))
    page, _status = _station_page(station, shift_form=form)
    return page, 422


@bp.post("/elections/shifts/<id:shift_id>/delete")
@load("shift_id", Shift, permit=can_manage_shift)
def delete_shift(shift):
    to = url_for("elections.station", station_id=shift.station_id)
    return button(stations_services.delete_shift, current_user, shift, success=_("The shift has been deleted."), to=to)  # fmt: skip


@bp.post("/elections/stations/<id:station_id>/voters")
@load("station_id", PollingStation, permit=can_manage_station)
def add_mobile_voter(station):
    from consult.elections.forms.people import PersonForm
    from consult.residents.models import Resident

    form = PersonForm()
    form.resident.choices = voter_choices(station.election)
    form.reason.validators = []
    if form.validate_on_submit() and run_service(
        form,
        stations_services.add_mobile_voter,
        current_user,
        station,
        db.session.get(Resident, form.resident.data),  # fmt: skip
    ):
        flash(_("The voter will vote at this mobile ballot box."), "success")
        return redirect(url_for("elections.station", station_id=station.id))
    flash_problems(form)
    return redirect(url_for("elections.station", station_id=station.id))


@bp.post("/elections/mobile-voters/<id:mobile_voter_id>/remove")
@load("mobile_voter_id", MobileVoter, permit=can_manage_mobile_voter)
def remove_mobile_voter(mobile_voter):
    to = url_for("elections.station", station_id=mobile_voter.station_id)
    return button(stations_services.remove_mobile_voter, current_user, mobile_voter, success=_("The voter has been removed from this ballot box."), to=to)  # fmt: skip


@bp.route("/elections/<id:election_id>/code-of-conduct", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def code_of_conduct(election):
    code = current_code(election)
    form = code_form()
    if request.method == "GET" and code is not None:
        for language, text in code.texts.items():
            if f"text_{language}" in form:
                form[f"text_{language}"].data = text
    if form.validate_on_submit():
        texts = {lang: form[f"text_{lang}"].data or "" for lang in content_languages()}
        if done := run_service(form, services.save_code_of_conduct, current_user, election, texts):
            flash(_("Code of conduct version %(version)d is in force.", version=done.result.version), "success")  # fmt: skip
            return redirect(url_for("elections.election", election_id=election.id))
    return render_form("elections/code_of_conduct.html", form, election=election, code=code)
