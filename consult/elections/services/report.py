"""The results as one document: per contest its rounds (each station's count, the totals,
turnout, consult.tally's decisions and its explanation in English, 简体 and 繁體), who is
elected, what is left; and the observers' countersignatures and objections with the
committee's answers. The results page, the printed notice and the open-data API all read
this document; declaring freezes it."""

from sqlalchemy import select

from consult.elections.models import ElectionStatus, PollingStation, ReviewKind
from consult.elections.services.candidates import published_candidates
from consult.elections.services.results import (
    UNFILLED,
    candidate_labels,
    election_results,
    station_labels,
)
from consult.elections.services.reviews import is_current, reviews_of
from consult.elections.services.voters import voter_count
from consult.extensions import db

NUMBERS = ("voters_signed", "ballots_cast", "invalid", "blank")
PEOPLE = ("votes", "write_ins", "against", "abstain")


def _iso(value):
    return value.isoformat() if value is not None else None


def _station_row(station, label, entry):
    row = {"station_id": station.id, "station": label, "mobile": station.mobile, "entered": entry is not None}  # fmt: skip
    if entry is not None:
        row.update(entry.figures())
        row.update(version=entry.version, entered_at=_iso(entry.entered_at), reason=entry.reason, over_signed=entry.over_signed)  # fmt: skip
    return row


def _totals(rows):
    entered = [row for row in rows if row["entered"]]
    totals = {name: sum(row[name] for row in entered) for name in NUMBERS}
    for key in PEOPLE:
        summed = {}
        for row in entered:
            for name, number in row[key].items():
                summed[name] = summed.get(name, 0) + number
        totals[key] = summed
    return totals


def _round(outcome, number, stations, labels_of, held_on, counted):
    entries = outcome.entries.get(number, {})
    rows = [_station_row(s, labels_of[s.id], entries.get(s.id)) for s in stations]
    doc = {
        "round": number,
        "held_on": _iso(held_on),
        "candidates": outcome.round_candidates(number),
        "stations": rows,
        "totals": _totals(rows),
        "missing": [labels_of[s.id] for s in outcome.missing.get(number, [])],
        "turnout": None,
        "void": False,
        "decisions": [],
        "explanation": {},
    }
    if counted is not None:
        doc["turnout"] = next((dict(p) for code, p in counted.notes if code == "turnout"), None)
        doc["void"] = any(d.reason == "over_signed" for d in counted.decisions)
        doc["decisions"] = [d.to_dict() for d in counted.decisions]
        doc["explanation"] = dict(counted.explanation)
    return doc


def _contest(outcome, stations, labels_of, latin):
    contest, result = outcome.contest, outcome.result
    election = contest.election
    rounds = [_round(outcome, 1, stations, labels_of, election.election_day, result.rounds[0] if result else None)]  # fmt: skip
    second = outcome.second_round
    if second is not None:
        counted = result.rounds[1] if result and len(result.rounds) > 1 else None
        rounds.append(_round(outcome, 2, stations, labels_of, second.held_on, counted))
    return {
        "contest_id": contest.id,
        "kind": contest.kind.value,
        "seats": contest.seats,
        "status": outcome.status,
        "reason": result.summary.get("reason") if result else None,
        "elected": outcome.elected,
        "unfilled": outcome.unfilled,
        "vacant": None,  # the committee's decision, recorded when it declares
        "latin_names": {label: latin[label] for label in outcome.labels if label in latin},
        "second_round": {
            "held_on": _iso(second.held_on) if second else None,
            "candidates": outcome.second_round_candidates,
            "tie": outcome.tied_in_round_one,
        } if outcome.status == "second_round_needed" or second else None,
        "new_vote_candidates": list(result.extra.get("new_vote_candidates", [])) if result else [],
        "warnings": list(result.warnings) if result else [],
        "rounds": rounds,
        "error": outcome.error,
    }  # fmt: skip


def _latin_names(election):
    latin = {}
    for contest in election.contests:
        people = [c for c in published_candidates(election) if c.contest_id == contest.id and not c.withdrawn]  # fmt: skip
        for candidate, label in zip(people, candidate_labels(contest), strict=True):
            latin[label] = candidate.latin_name
    return latin


def review_rows(election):
    labels_of = station_labels(election)
    return [
        {
            "id": review.id,
            "station_id": review.station_id,
            "station": labels_of.get(review.station_id, ""),
            "round": review.round,
            "kind": review.kind.value,
            "observer": review.assignment.application.latin_name,
            "text": review.text,
            "made_at": _iso(review.made_at),
            "answer": review.answer,
            "answered_at": _iso(review.answered_at),
            "current": review.kind is ReviewKind.COUNTERSIGNED and is_current(review),
        }
        for review in reviews_of(election)
    ]


def results_document(election, outcomes=None):
    """The results as they stand now (see the module docstring)."""
    outcomes = election_results(election) if outcomes is None else outcomes
    stations = db.session.scalars(
        select(PollingStation).filter_by(election_id=election.id).order_by(PollingStation.id)
    ).all()
    labels_of, latin = station_labels(election), _latin_names(election)
    contests = [_contest(outcome, stations, labels_of, latin) for outcome in outcomes]
    elected = sum(len(c["elected"]) for c in contests)
    return {
        "election_id": election.id,
        "status": ElectionStatus(election.status).value,
        "registered_voters": voter_count(election),
        "members_elected": elected,
        "vacancies_allowed": elected >= election.rules.vacancies_allowed_from,
        "vacancies_allowed_from": election.rules.vacancies_allowed_from,
        "contests": contests,
        "reviews": review_rows(election),
        "declared_at": None,
    }


def unfilled_contests(document):
    return [c for c in document["contests"] if c["status"] in UNFILLED and c["unfilled"]]
