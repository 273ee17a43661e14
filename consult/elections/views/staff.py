"""Counting staff and proxy votes (committee), and the printed proxy list."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load
from consult.core.services import run_service
from consult.elections.forms.people import ProxyForm, StaffForm
from consult.elections.models import Candidate, CountingStaff, Election, PollingStation, Proxy
from consult.elections.permissions import can_manage_election, can_manage_proxy, can_manage_staff
from consult.elections.services import proxies as proxy_services
from consult.elections.services import staff as services
from consult.elections.services.publishing import last_publication
from consult.elections.views import bp, button
from consult.elections.views.choices import candidate_choices, station_choices, voter_choices
from consult.extensions import db
from consult.residents.models import Resident


@bp.route("/elections/<id:election_id>/staff", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def staff(election):
    form = StaffForm()
    form.resident.choices = voter_choices(election)
    form.station.choices = station_choices(election)
    form.related_candidate.choices = candidate_choices(election, _l("None"))
    if form.validate_on_submit():
        declarations = []
        if form.related_candidate.data and form.related_kind.data:
            declarations.append((db.session.get(Candidate, form.related_candidate.data), form.related_kind.data))  # fmt: skip
        if run_service(
            form, services.appoint_staff, current_user, election,
            db.session.get(PollingStation, form.station.data),
            db.session.get(Resident, form.resident.data), form.role.data, declarations,
        ):  # fmt: skip
            flash(_("The appointment has been saved."), "success")
            return redirect(url_for("elections.staff", election_id=election.id))
    return render_form(
        "elections/staff.html",
        form,
        election=election,
        staff=services.staff_of(election),
        conflicts=dict((s.id, r) for s, r in services.conflicted_staff(election)),
        published=last_publication(election, "counting_staff"),
        confirm=ConfirmForm(),
    )


@bp.post("/elections/staff/<id:staff_id>/remove")
@load("staff_id", CountingStaff, permit=can_manage_staff)
def remove_staff(staff):
    to = url_for("elections.staff", election_id=staff.election_id)
    return button(services.remove_staff, current_user, staff, success=_("The appointment has been removed."), to=to)  # fmt: skip


@bp.post("/elections/<id:election_id>/staff/publish")
@load("election_id", Election, permit=can_manage_election)
def publish_staff(election):
    to = url_for("elections.staff", election_id=election.id)
    return button(services.publish_staff, current_user, election, success=_("The counting staff are published."), to=to)  # fmt: skip


@bp.route("/elections/<id:election_id>/proxies", methods=["GET", "POST"])
@load("election_id", Election, permit=can_manage_election)
def proxies(election):
    form = ProxyForm()
    form.voter.choices = voter_choices(election)
    form.proxy.choices = voter_choices(election)
    if form.validate_on_submit() and run_service(
        form, proxy_services.file_proxy, current_user, election,
        db.session.get(Resident, form.voter.data), db.session.get(Resident, form.proxy.data),
        form.relation.data, form.signed_on.data, form.note.data,
    ):  # fmt: skip
        flash(_("The proxy vote has been filed. It is void until the proxy list is published."), "success")  # fmt: skip
        return redirect(url_for("elections.proxies", election_id=election.id))
    return render_form(
        "elections/proxies.html",
        form,
        election=election,
        proxies=proxy_services.proxies_of(election),
        deadline=proxy_services.proxy_deadline(election),
        published=last_publication(election, "proxies"),
        confirm=ConfirmForm(),
    )


@bp.post("/elections/proxies/<id:proxy_id>/withdraw")
@load("proxy_id", Proxy, permit=can_manage_proxy)
def withdraw_proxy(proxy):
    to = url_for("elections.proxies", election_id=proxy.election_id)
    return button(proxy_services.withdraw_proxy, current_user, proxy, success=_("The proxy vote has been withdrawn."), to=to)  # fmt: skip


@bp.post("/elections/<id:election_id>/proxies/publish")
@load("election_id", Election, permit=can_manage_election)
def publish_proxies(election):
    to = url_for("elections.proxies", election_id=election.id)
    return button(proxy_services.publish_proxies, current_user, election, success=_("The proxy list is published: these proxy votes are valid."), to=to)  # fmt: skip


@bp.get("/elections/<id:election_id>/proxies/print")
@load("election_id", Election, permit=can_manage_election)
def print_proxies(election):
    return render_template(
        "elections/proxies_print.html",
        election=election,
        proxies=proxy_services.valid_proxies(election),
        staff=services.staff_of(election) if last_publication(election, "counting_staff") else [],
    )
