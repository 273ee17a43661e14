"""The roster of approved observers and volunteers per station, on a page and as CSV."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.csv import write_csv
from consult.elections import clock
from consult.elections.models import (
    AssignmentStatus,
    HelperApplication,
    HelperAssignment,
    PollingStation,
    Shift,
)
from consult.extensions import db
from consult.residents.reference import country_name


def roster_rows(election):
    """[(station, [(shift, assignment, application), ...])] of the approved, by time."""
    assignments = db.session.scalars(
        select(HelperAssignment)
        .join(HelperApplication)
        .join(Shift, HelperAssignment.shift_id == Shift.id)
        .join(PollingStation, Shift.station_id == PollingStation.id)
        .where(
            HelperApplication.election_id == election.id,
            HelperAssignment.status == AssignmentStatus.APPROVED.value,
        )
        .options(selectinload(HelperAssignment.application), selectinload(HelperAssignment.shift))
        .order_by(
            PollingStation.id, Shift.starts_at, HelperApplication.role, HelperApplication.latin_name
        )  # fmt: skip
    ).all()
    by_station = {station.id: (station, []) for station in election.stations}
    for assignment in assignments:
        by_station[assignment.shift.station_id][1].append(
            (assignment.shift, assignment, assignment.application)
        )
    return list(by_station.values())


def roster_csv(election):
    header = [
        _("Polling station"), _("Shift starts"), _("Shift ends"), _("Role"),
        _("Name in its own script"), _("Name in Latin letters"), _("Nationality"),
        _("Languages spoken"), _("E-mail address"), _("Phone"),
    ]  # fmt: skip
    rows = []
    for station, entries in roster_rows(election):
        for shift, _assignment, person in entries:
            rows.append([
                station.name,
                clock.local(shift.starts_at).strftime("%Y-%m-%d %H:%M"),
                clock.local(shift.ends_at).strftime("%Y-%m-%d %H:%M"),
                person.role.label,
                person.full_name,
                person.latin_name,
                country_name(person.nationality) if person.nationality else "",
                person.languages,
                person.email or "",
                person.phone or "",
            ])  # fmt: skip
    return write_csv(header, rows)
