"""Election day: the committee begins the count, then enters each station's paper count
per contest and round after the public count. Every figure is checked at its field; a
station with more ballots than signatures is kept and flagged (the engine decides whether
the round is void); a correction is a new entry with its reason, the earlier ones kept."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.queue import enqueue
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import ElectionStatus, PublicationKind, StationCount
from consult.elections.services.common import ensure_committee, ensure_counting
from consult.elections.services.publishing import first_publication
from consult.elections.services.results import (
    current_entries,
    round_candidates,
    round_seats,
    tally_problem,
)
from consult.elections.services.reviews import observer_assignments
from consult.elections.services.rounds import settle_second_round
from consult.elections.services.voters import voter_count
from consult.extensions import db

audit.describe("election.count_begun", _l("Count begun"))
audit.describe("election.count_entered", _l("Station count entered"))
audit.describe("election.count_corrected", _l("Station count corrected"))

NUMBERS = ("voters_signed", "ballots_cast", "invalid", "blank")
WHOLE = _l("Enter a whole number, 0 or more.")


def begin_count(actor, election, *, today=None):
    """Election day has come and the polls have closed: the election leaves preparation
    (its lists are frozen) and stations' counts may be entered."""
    ensure_committee(actor)
    if ElectionStatus(election.status) is not ElectionStatus.PREPARING:
        raise ServiceError(_l("The count has begun already."))
    problems = Problems()
    if (today or clock.today()) < election.election_day:
        problems.add(_l("The count begins on election day, after the polls close."))
    if first_publication(election, PublicationKind.VOTER_LIST) is None or not voter_count(election):  # fmt: skip
        problems.add(_l("The voter list was never published: there is nobody to count for."))
    if first_publication(election, PublicationKind.CANDIDATES) is None:
        problems.add(_l("The candidates were never published."))
    if not election.stations:
        problems.add(_l("The election has no polling station."))
    problems.raise_any()
    election.move_to(ElectionStatus.COUNTING)
    db.session.flush()
    audit.record(
        "election.count_begun", election, actor=actor, data={"voters": voter_count(election)}
    )
    return election


def _number(problems, value, field):
    if value is None or value < 0:
        problems.add(WHOLE, field)
        return None
    return value


def check_figures(problems, figures, labels, seats, limits):
    """The entered figures, cleaned: {voters_signed, ballots_cast, invalid, blank, votes,
    against, abstain, write_ins}. Every problem goes on its field. ``figures`` has lists
    (one value per candidate of ``labels``) and ``write_ins`` as [(name, votes)] rows.
    ``limits``: [(most voters who may have signed, message)]."""
    out = {name: _number(problems, figures.get(name), name) for name in NUMBERS}
    people = {}
    for key in ("votes", "against", "abstain"):
        values = list(figures.get(key) or [])
        people[key] = {
            label: _number(problems, values[i] if i < len(values) else None, f"{key}_{i}")
            for i, label in enumerate(labels)
        }
    write_ins, rows = {}, {}
    for i, (name, votes) in enumerate(figures.get("write_ins") or []):
        name = " ".join((name or "").split())
        if not name and not votes:
            continue
        if not name:
            problems.add(
                _l("Write the name these votes were written in for."), f"write_in_name_{i}"
            )
        elif name in labels:
            problems.add(_l("%(name)s is a candidate: enter those votes in the candidate's row.", name=name), f"write_in_name_{i}")  # fmt: skip
        elif name in write_ins:
            problems.add(_l("This name is written in twice: add its votes together."), f"write_in_name_{i}")  # fmt: skip
        votes = _number(problems, votes, f"write_in_votes_{i}")
        if name and votes is not None and name not in write_ins:
            write_ins[name], rows[name] = votes, i
    out.update(people)
    out["write_ins"] = write_ins
    if problems:
        return out
    signed, cast, invalid, blank = (out[n] for n in NUMBERS)
    for most, message in limits:
        if signed > most:
            problems.add(message, "voters_signed")
            break
    if invalid > cast:
        problems.add(_l("More invalid ballots than ballots cast."), "invalid")
        return out
    valid = cast - invalid
    if blank > valid:
        problems.add(_l("More blank ballots than the %(count)d valid ballots.", count=valid), "blank")  # fmt: skip
        return out
    marking = valid - blank
    for i, label in enumerate(labels):
        votes = people["votes"][label]
        if votes > marking:
            problems.add(_l("More votes than the %(count)d valid ballots that are not blank.", count=marking), f"votes_{i}")  # fmt: skip
        elif votes + people["against"][label] + people["abstain"][label] > valid:
            problems.add(_l("For, against and abstain together are more than the %(count)d valid ballots.", count=valid), f"votes_{i}")  # fmt: skip
    for name, votes in write_ins.items():
        if votes > marking:
            problems.add(_l("More votes than the %(count)d valid ballots that are not blank.", count=marking), f"write_in_votes_{rows[name]}")  # fmt: skip
    total = sum(people["votes"].values()) + sum(write_ins.values())
    if total > marking * seats:
        problems.add(_l("%(total)d votes in all: more than %(ballots)d ballots can hold with %(seats)d seat(s) on each.", total=total, ballots=marking, seats=seats))  # fmt: skip
    return out


def signature_limits(election, station, contest, number):
    """The most voters who can have signed at ``station``: the voter list, a mobile ballot
    box's own list, and the voter list less what the other stations entered."""
    registered = voter_count(election)
    limits = [(registered, _l("More voters signed than the %(count)d on the voter list.", count=registered))]  # fmt: skip
    if station.mobile and station.mobile_voters:
        listed = len(station.mobile_voters)
        limits.append((listed, _l("More voters signed than the %(count)d voters of this mobile ballot box.", count=listed)))  # fmt: skip
    others = sum(e.voters_signed for sid, e in current_entries(contest, number).items() if sid != station.id)  # fmt: skip
    limits.append((registered - others, _l("With the other stations' counts, more voters signed than the %(count)d on the voter list.", count=registered)))  # fmt: skip
    return limits


def enter_count(actor, contest, station, number, figures, *, reason=None, at=None):
    """Enter (or correct) ``station``'s count of ``contest`` for round ``number``."""
    ensure_committee(actor)
    election = contest.election
    ensure_counting(election)
    if station.election_id != election.id or number not in (1, 2):
        raise ServiceError(_l("This station is not part of this election."))
    if number == 1 and current_entries(contest, 2):
        raise ServiceError(_l("The second round's counts are entered: round one can no longer be corrected."))  # fmt: skip
    labels = round_candidates(contest, number)
    seats = round_seats(contest, number)
    problems = Problems()
    clean = check_figures(problems, figures, labels, seats, signature_limits(election, station, contest, number))  # fmt: skip
    previous = current_entries(contest, number).get(station.id)
    reason = (reason or "").strip() or None
    if previous is not None and not reason:
        problems.add(_l("Say why the count is corrected; the reason stays on the record."), "reason")  # fmt: skip
    problems.raise_any()
    if previous is not None and previous.figures() == clean:
        raise ServiceError(_l("Nothing was changed: the count is as entered before."))
    refused = tally_problem(labels, seats, {k: v for k, v in clean.items()}, voter_count(election))  # fmt: skip
    if refused:
        raise ServiceError(_l("The counting engine refused these figures: %(error)s", error=refused))  # fmt: skip
    first_at_station = not _station_has_entries(station, number)
    entry = StationCount(
        election_id=election.id,
        contest_id=contest.id,
        station_id=station.id,
        round=number,
        version=(previous.version + 1) if previous else 1,
        reason=reason,
        entered_at=at or clock.now(),
        entered_by_id=actor.id,
        **{name: clean[name] for name in NUMBERS},
    )
    for key in ("votes", "write_ins", "against", "abstain"):
        entry.set_people(key, clean[key])
    db.session.add(entry)
    db.session.flush()
    data = {"contest": contest.kind.value, "station": station.id, "round": number, "version": entry.version}  # fmt: skip
    if previous is None:
        audit.record("election.count_entered", entry, actor=actor, data={**data, **clean})
    else:
        old = previous.figures()
        changes = {key: (old[key], value) for key, value in clean.items() if old[key] != value}
        audit.record("election.count_corrected", entry, actor=actor, changes=changes, data={**data, "reason": reason})  # fmt: skip
        if number == 1:
            settle_second_round(actor, contest)
    if first_at_station or previous is not None:
        _ask_observers(actor, station, "countersign" if previous is None else "corrected")
    return entry


def _station_has_entries(station, number):
    return (
        db.session.scalar(
            select(StationCount.id).filter_by(station_id=station.id, round=number).limit(1)
        )
        is not None
    )


def _ask_observers(actor, station, message):
    """Send each approved observer of the station their countersigning link (once each)."""
    told = set()
    for assignment in observer_assignments(station):
        if assignment.application_id in told:
            continue
        told.add(assignment.application_id)
        enqueue("elections.helper_message", actor=actor, application_id=assignment.application_id, assignment_id=assignment.id, message=message)  # fmt: skip
