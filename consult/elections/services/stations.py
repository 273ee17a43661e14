"""Polling stations (with their hours), their shifts (with places per role) and a mobile
ballot box's own list of voters."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import (
    CountingStaff,
    HelperAssignment,
    MobileVoter,
    PollingStation,
    Shift,
)
from consult.elections.services.common import ensure_committee, ensure_preparing
from consult.elections.services.voters import is_listed
from consult.extensions import db

audit.describe("election.station_saved", _l("Polling station saved"))
audit.describe("election.station_deleted", _l("Polling station deleted"))
audit.describe("election.shift_saved", _l("Shift saved"))
audit.describe("election.shift_deleted", _l("Shift deleted"))
audit.describe("election.mobile_voter_added", _l("Voter added to a mobile ballot box"))
audit.describe("election.mobile_voter_removed", _l("Voter removed from a mobile ballot box"))


STATION_FIELDS = ("name", "place", "opens", "closes", "mobile")


def save_station(actor, election, station=None, **values):
    """Add a polling station (``station`` None) or change one."""
    ensure_committee(actor)
    ensure_preparing(election)
    if values["opens"] >= values["closes"]:
        raise ServiceError(_l("The station must close after it opens."), "closes")
    if station is None:
        station = PollingStation(election=election)
        db.session.add(station)
    before = audit.snapshot(station, STATION_FIELDS)
    for key in STATION_FIELDS:
        setattr(station, key, values[key])
    db.session.flush()
    audit.record(
        "election.station_saved", station, actor=actor, changes=audit.changes_since(before, station)
    )
    return station


def delete_station(actor, station):
    ensure_committee(actor)
    ensure_preparing(station.election)
    used = db.session.scalar(
        select(func.count(HelperAssignment.id)).join(Shift).where(Shift.station_id == station.id)
    )
    staffed = db.session.scalar(
        select(func.count(CountingStaff.id)).where(CountingStaff.station_id == station.id)
    )
    if used or staffed:
        raise ServiceError(_l("Helpers or counting staff are assigned to this station; it cannot be deleted."))  # fmt: skip
    audit.record("election.station_deleted", station, actor=actor, data={"name": station.name})
    db.session.delete(station)


def save_shift(actor, station, shift=None, *, day, start, end, observers, volunteers):
    ensure_committee(actor)
    ensure_preparing(station.election)
    problems = Problems()
    starts_at, ends_at = clock.at_local(day, start), clock.at_local(day, end)
    if ends_at <= starts_at:
        problems.add(_l("The shift must end after it starts."), "end")
    if observers < 0 or volunteers < 0 or observers + volunteers == 0:
        problems.add(_l("A shift needs room for at least one observer or volunteer."), "observers")
    problems.raise_any()
    if shift is None:
        shift = Shift(station=station)
        db.session.add(shift)
    before = audit.snapshot(shift, ("starts_at", "ends_at", "observer_capacity", "volunteer_capacity"))  # fmt: skip
    shift.starts_at, shift.ends_at = starts_at, ends_at
    shift.observer_capacity, shift.volunteer_capacity = observers, volunteers
    db.session.flush()
    audit.record(
        "election.shift_saved", shift, actor=actor, changes=audit.changes_since(before, shift)
    )
    return shift


def delete_shift(actor, shift):
    ensure_committee(actor)
    if db.session.scalar(
        select(func.count(HelperAssignment.id)).where(HelperAssignment.shift_id == shift.id)
    ):
        raise ServiceError(_l("People have signed up for this shift; it cannot be deleted."))
    audit.record("election.shift_deleted", shift, actor=actor)
    db.session.delete(shift)


def add_mobile_voter(actor, station, resident):
    ensure_committee(actor)
    if not station.mobile:
        raise ServiceError(_l("Only a mobile ballot box has its own list of voters."))
    if resident is None or not is_listed(station.election, resident):
        raise ServiceError(_l("Choose someone who is on the voter list."), "resident")
    if any(v.resident_id == resident.id for v in station.mobile_voters):
        raise ServiceError(_l("This voter is already listed for this ballot box."), "resident")
    station.mobile_voters.append(MobileVoter(resident=resident))
    db.session.flush()
    audit.record("election.mobile_voter_added", station, actor=actor, data={"resident": resident.id})  # fmt: skip
    return station


def remove_mobile_voter(actor, mobile_voter):
    ensure_committee(actor)
    station = mobile_voter.station
    audit.record("election.mobile_voter_removed", station, actor=actor, data={"resident": mobile_voter.resident_id})  # fmt: skip
    db.session.delete(mobile_voter)
