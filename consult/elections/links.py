"""Signed links for people without an account (own salts, each with an expiry), the
iCalendar file of a shift, and the badge's QR code.

- confirm: sent right after sign-up; works for CONFIRM_HOURS.
- manage: the person's own page (status, calendar files, badges, cancelling).
- badge: printed as a QR code; opens the public verification page.
- countersign: an approved observer's page on election day to countersign the station's
  count or record an objection (sent with the approval and when the count is entered).
"""

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Alarm, Calendar, Event

from consult.core.urls import external_url_for
from consult.elections import clock
from consult.elections.models import AssignmentStatus, HelperApplication, HelperAssignment
from consult.extensions import db
from consult.i18n import community_name, content_language_for
from consult.residents.invitations import qr_data_uri
from consult.tokens import (
    ELECTION_BADGE,
    ELECTION_COUNTERSIGN,
    ELECTION_HELPER_CONFIRM,
    ELECTION_HELPER_MANAGE,
    TokenInvalid,
    dump_token,
    load_token,
)

LONG_LIVED = 400 * 86400  # manage and badge links outlive any election's preparation


def _load(salt, token, key, model, max_age):
    try:
        payload = load_token(salt, token, max_age=max_age)
    except TokenInvalid:
        return None
    number = payload.get(key) if isinstance(payload, dict) else None
    return db.session.get(model, number) if isinstance(number, int) else None


def confirm_token(application):
    return dump_token(ELECTION_HELPER_CONFIRM, {"a": application.id})


def application_for_confirm(token):
    from consult.elections.services.signup import CONFIRM_HOURS

    return _load(ELECTION_HELPER_CONFIRM, token, "a", HelperApplication, CONFIRM_HOURS * 3600)


def manage_token(application):
    return dump_token(ELECTION_HELPER_MANAGE, {"a": application.id})


def application_for_manage(token):
    return _load(ELECTION_HELPER_MANAGE, token, "a", HelperApplication, LONG_LIVED)


def badge_token(assignment):
    return dump_token(ELECTION_BADGE, {"b": assignment.id})


def assignment_for_badge(token):
    return _load(ELECTION_BADGE, token, "b", HelperAssignment, LONG_LIVED)


def countersign_token(assignment):
    return dump_token(ELECTION_COUNTERSIGN, {"c": assignment.id})


def assignment_for_countersign(token):
    return _load(ELECTION_COUNTERSIGN, token, "c", HelperAssignment, LONG_LIVED)


def countersign_url(assignment):
    return external_url_for("elections.countersign", token=countersign_token(assignment))


def confirm_url(application):
    return external_url_for("elections.confirm_helper", token=confirm_token(application))


def manage_url(application):
    return external_url_for("elections.my_sign_up", token=manage_token(application))


def badge_url(assignment):
    return external_url_for("elections.verify_badge", token=badge_token(assignment))


def ics_url(application, assignment):
    return external_url_for(
        "elections.shift_calendar", token=manage_token(application), assignment_id=assignment.id
    )


def badge_qr(assignment):
    return qr_data_uri(badge_url(assignment))


def badge_is_valid(assignment):
    return AssignmentStatus(assignment.status) is AssignmentStatus.APPROVED


def shift_calendar(assignment):
    """An iCalendar file with the shift as one event, in the person's language."""
    application, shift = assignment.application, assignment.shift
    station, election = shift.station, shift.station.election
    locale = application.locale or "en"
    with force_locale(locale):
        title = election.title_in(content_language_for(locale))
        role = str(application.role.label)
        calendar = Calendar()
        calendar.add("prodid", "-//Consult//Elections//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = Event()
        event.add("uid", f"election-shift-{assignment.id}@consult")
        event.add("dtstamp", clock.now())
        event.add("dtstart", shift.starts_at)
        event.add("dtend", shift.ends_at)
        event.add("summary", _("%(role)s at %(station)s", role=role, station=station.name))
        event.add("location", ", ".join(p for p in (station.name, station.place) if p))
        event.add(
            "description",
            _(
                "%(title)s, %(community)s. Your badge and cancellation: %(link)s",
                title=title,
                community=community_name(locale),
                link=manage_url(application),
            ),
        )
        event.add("url", badge_url(assignment))
        alarm_trigger = timedelta(hours=-12)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", alarm_trigger)
        alarm.add("description", _("%(role)s at %(station)s", role=role, station=station.name))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
