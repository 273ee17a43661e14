"""The result of each contest, counted by consult.tally from the stations' paper counts.

Nothing here counts votes: the entered counts become the ``totals`` input of
``committee_majority`` (one entry per station, the second round in
``options.second_round.totals``) and the engine decides turnout, majorities, ties, the
second round and its one-third floor, a void round, vacancies. This module only gathers the
current entries, names the candidates as the engine sees them, and reads its answer.
"""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.services import ServiceError
from consult.elections.models import PollingStation, SecondRound, StationCount
from consult.elections.services.candidates import published_candidates
from consult.elections.services.voters import voter_count
from consult.extensions import db
from consult.tally import TallyError, count

FINAL = ("complete", "not_valid", "second_round_not_valid", "tie_new_vote", "seats_unfilled")
UNFILLED = ("second_round_not_valid", "tie_new_vote", "seats_unfilled")


def candidate_labels(contest):
    """Round one's candidates as the count names them, in the published order: the name in
    its own script, with the Latin name (then the number) added when two would read alike."""
    people = [
        c
        for c in published_candidates(contest.election)
        if c.contest_id == contest.id and not c.withdrawn
    ]
    names = [c.name for c in people]
    labels = [f"{c.name} ({c.latin_name})" if names.count(c.name) > 1 else c.name for c in people]
    return [
        f"{label[:-1]}, {c.id})" if labels.count(label) > 1 else label
        for c, label in zip(people, labels, strict=True)
    ]


def station_labels(election):
    """{station id: name} with a number added to names two stations share."""
    names = [s.name for s in election.stations]
    return {s.id: s.name if names.count(s.name) == 1 else f"{s.name} #{s.id}" for s in election.stations}  # fmt: skip


def current_entries(contest, number):
    """{station id: the latest entry} of ``contest``'s round ``number``."""
    latest = (
        select(StationCount.station_id, func.max(StationCount.version).label("version"))
        .where(StationCount.contest_id == contest.id, StationCount.round == number)
        .group_by(StationCount.station_id)
        .subquery()
    )
    rows = db.session.scalars(
        select(StationCount)
        .join(
            latest,
            (StationCount.station_id == latest.c.station_id)
            & (StationCount.version == latest.c.version),
        )
        .where(StationCount.contest_id == contest.id, StationCount.round == number)
    ).all()
    return {row.station_id: row for row in rows}


def history(contest, station, number):
    """Every entry of one station's count, oldest first (corrections keep what they replace)."""
    return db.session.scalars(
        select(StationCount)
        .filter_by(contest_id=contest.id, station_id=station.id, round=number)
        .order_by(StationCount.version)
    ).all()


def second_round_of(contest):
    return db.session.scalars(select(SecondRound).filter_by(contest_id=contest.id)).first()


def _station_totals(entry, label):
    return {
        "station": label,
        "voters_signed": entry.voters_signed,
        "ballots_cast": entry.ballots_cast,
        "invalid": entry.invalid,
        "blank": entry.blank,
        "votes": entry.votes,
        "write_ins": entry.write_ins,
        "against": entry.against,
        "abstain": entry.abstain,
    }


def tally_input(contest, labels, rounds, registered):
    """The ``committee_majority`` input: ``rounds`` is [[(entry, station label), ...]] for
    round one and, when counted, the second round."""
    first = {
        "registered_voters": registered,
        "stations": [_station_totals(e, label) for e, label in rounds[0]],
    }
    data = {
        "method": "committee_majority",
        "seats": contest.seats,
        "candidates": labels,
        "totals": first,
    }
    if len(rounds) > 1:
        second = {"stations": [_station_totals(e, label) for e, label in rounds[1]]}
        data["options"] = {"second_round": {"totals": second}}
    return data


@dataclass
class ContestResult:
    """What the engine says of one contest now, with what is still missing."""

    contest: object
    labels: list
    registered: int
    entries: dict = field(default_factory=dict)  # round → {station id: entry}
    missing: dict = field(default_factory=dict)  # round → [stations without a count]
    second_round: object = None  # the SecondRound, once scheduled
    result: object = None  # consult.tally's Result, once round one is counted everywhere
    error: str | None = None

    @property
    def status(self):
        if self.error:
            return "error"
        if self.result is None:
            return "waiting"
        status = self.result.summary.get("status", "complete")
        if status == "second_round_needed" and not self.second_round_candidates:
            # Everyone not elected had no vote: the engine names nobody for a second round,
            # so the seats are unfilled (its count of an empty second round says as much).
            return "seats_unfilled"
        return status

    @property
    def final(self):
        return self.status in FINAL

    @property
    def second_round_candidates(self):
        return list(self.result.extra.get("second_round_candidates", [])) if self.result else []

    @property
    def tied_in_round_one(self):
        """Round one ended in a tie for a seat: the second vote is among the tied only."""
        return bool(self.result) and any(d.kind == "tied" for d in self.result.rounds[0].decisions)

    @property
    def elected(self):
        return list(self.result.winners) if self.result else []

    @property
    def unfilled(self):
        return self.contest.seats - len(self.elected)

    def round_candidates(self, number):
        return self.labels if number == 1 else self.second_round_candidates


def contest_result(contest):
    election = contest.election
    stations = db.session.scalars(
        select(PollingStation).filter_by(election_id=election.id).order_by(PollingStation.id)
    ).all()
    labels_of = station_labels(election)
    outcome = ContestResult(contest, candidate_labels(contest), voter_count(election))
    outcome.second_round = second_round_of(contest)
    rounds = []
    for number in (1, 2):
        entries = current_entries(contest, number)
        outcome.entries[number] = entries
        outcome.missing[number] = [s for s in stations if s.id not in entries]
        if entries and not outcome.missing[number]:
            rounds.append([(entries[s.id], labels_of[s.id]) for s in stations])
    if not rounds or not outcome.labels or outcome.missing[1]:
        return outcome
    counted_second = outcome.second_round is not None and len(rounds) == 2
    data = tally_input(contest, outcome.labels, rounds[: 2 if counted_second else 1], outcome.registered)  # fmt: skip
    try:
        outcome.result = count(data)
    except TallyError as error:  # entries are checked on entry: this means a bug, shown
        outcome.error = str(error)
    return outcome


def election_results(election):
    return [contest_result(contest) for contest in election.contests]


def round_candidates(contest, number):
    """The people a round's count names: round one's candidates, or the second round's
    (set by round one's result; refused until the second round is scheduled)."""
    if number == 1:
        return candidate_labels(contest)
    outcome = contest_result(contest)
    if outcome.second_round is None or outcome.status != "second_round_needed":
        raise ServiceError(_l("This contest has no second round scheduled."))
    return outcome.second_round_candidates


def round_seats(contest, number):
    """The seats a round fills: the contest's, or those round one left to the second."""
    return contest.seats if number == 1 else contest_result(contest).unfilled


def tally_problem(labels, seats, entry_totals, registered):
    """What the engine says of one station's figures alone (None when it takes them)."""
    data = {
        "method": "committee_majority",
        "seats": seats,
        "candidates": labels,
        "totals": {"registered_voters": registered, **entry_totals},
    }
    try:
        count(data, explain=False)
    except TallyError as error:
        return str(error)
    return None
