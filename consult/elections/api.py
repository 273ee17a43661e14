"""Elections in the open-data API: contests, seats, candidates and their profiles once
published, stations and shifts, the timeline; from election day the per-station counts, the
rounds and the declaration (api_results.py). Never a voter list, an applicant's or a
proxy's personal data."""

from sqlalchemy import select

from consult.core.api import PAGE_PARAMETERS, ApiRoutes, keyset_page, list_of, ref
from consult.core.permissions import fetch_or_404
from consult.core.urls import external_url_for
from consult.elections.api_results import DECLARATION, RESULTS, SCHEMAS, results_json
from consult.elections.models import Election
from consult.elections.services import candidates as candidate_services
from consult.elections.services import timeline as timeline_services

routes = ApiRoutes(
    "elections",
    description="Committee elections (换届选举): contests, candidates, stations, timeline.",
    index="/elections",
)

_TEXTS = {"type": "object", "additionalProperties": {"type": "string"}}
_DATE = {"type": "string", "format": "date"}
_TIME = {"type": "string", "format": "date-time"}

for _name, _definition in SCHEMAS.items():
    routes.schema(_name, _definition)
routes.schema(
    "ElectionSummary",
    {
        "type": "object",
        "required": ["id", "title", "election_day", "status", "url"],
        "properties": {
            "id": {"type": "integer"},
            "title": _TEXTS,
            "election_day": _DATE,
            "status": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
        },
    },
)
routes.schema(
    "Candidate",
    {
        "type": "object",
        "required": ["id", "name", "latin_name", "nomination_votes", "withdrawn", "statement"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "latin_name": {"type": "string"},
            "nomination_votes": {"type": "integer"},
            "withdrawn": {"type": "boolean"},
            "statement": _TEXTS,
            "photo": {"type": ["string", "null"], "format": "uri"},
        },
    },
)
routes.schema(
    "Election",
    {
        "type": "object",
        "required": ["id", "title", "description", "election_day", "status", "rules",
                     "contests", "candidates_published", "stations", "timeline",
                     "results", "declaration"],
        "properties": {
            "id": {"type": "integer"},
            "title": _TEXTS,
            "description": _TEXTS,
            "election_day": _DATE,
            "status": {"type": "string"},
            "rules": {"type": "object"},
            "candidates_published": {"type": "boolean"},
            "contests": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "kind", "seats", "candidates"],
                "properties": {
                    "id": {"type": "integer"},
                    "kind": {"type": "string", "enum": ["director", "deputy", "member"]},
                    "seats": {"type": "integer"},
                    "candidates": {"type": "array", "items": ref("Candidate")},
                },
            }},
            "stations": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "name", "place", "opens", "closes", "mobile", "shifts"],
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "place": {"type": "string"},
                    "opens": {"type": "string"},
                    "closes": {"type": "string"},
                    "mobile": {"type": "boolean"},
                    "shifts": {"type": "array", "items": {
                        "type": "object",
                        "required": ["id", "starts_at", "ends_at", "observers", "volunteers"],
                        "properties": {
                            "id": {"type": "integer"},
                            "starts_at": _TIME,
                            "ends_at": _TIME,
                            "observers": {"type": "integer"},
                            "volunteers": {"type": "integer"},
                        },
                    }},
                },
            }},
            "results": RESULTS,
            "declaration": DECLARATION,
            "timeline": {"type": "array", "items": {
                "type": "object",
                "required": ["step", "due", "status", "done_at"],
                "properties": {
                    "step": {"type": "string"},
                    "due": _DATE,
                    "status": {"type": "string", "enum": ["done", "due", "late"]},
                    "done_at": {"type": ["string", "null"], "format": "date-time"},
                },
            }},
        },
    },
)  # fmt: skip


def _titles(election):
    return {t.language: t.title for t in election.texts}


def summary_json(election):
    return {
        "id": election.id,
        "title": _titles(election),
        "election_day": election.election_day.isoformat(),
        "status": election.status.value,
        "url": external_url_for("elections.election", election_id=election.id),
    }


def candidate_json(candidate):
    photo = (
        external_url_for("elections.candidate_photo", name=candidate.photo)
        if candidate.photo
        else None
    )
    return {
        "id": candidate.id,
        "name": candidate.name,
        "latin_name": candidate.latin_name,
        "nomination_votes": candidate.nomination_votes,
        "withdrawn": candidate.withdrawn,
        "statement": {s.language: s.text for s in candidate.statements},
        "photo": photo,
    }


def election_json(election):
    published = candidate_services.published_candidates(election)
    results, declaration = results_json(election)
    return {
        "id": election.id,
        "title": _titles(election),
        "description": {t.language: t.description for t in election.texts},
        "election_day": election.election_day.isoformat(),
        "status": election.status.value,
        "rules": election.rules.as_dict(),
        "candidates_published": bool(published),
        "contests": [
            {
                "id": contest.id,
                "kind": contest.kind.value,
                "seats": contest.seats,
                "candidates": [candidate_json(c) for c in published if c.contest_id == contest.id],
            }
            for contest in election.contests
        ],
        "stations": [
            {
                "id": station.id,
                "name": station.name,
                "place": station.place,
                "opens": station.opens.strftime("%H:%M"),
                "closes": station.closes.strftime("%H:%M"),
                "mobile": station.mobile,
                "shifts": [
                    {
                        "id": shift.id,
                        "starts_at": shift.starts_at.isoformat(),
                        "ends_at": shift.ends_at.isoformat(),
                        "observers": shift.observer_capacity,
                        "volunteers": shift.volunteer_capacity,
                    }
                    for shift in station.shifts
                ],
            }
            for station in election.stations
        ],
        "timeline": [
            {
                "step": step.key,
                "due": step.due.isoformat(),
                "status": step.status,
                "done_at": step.done_at.isoformat() if step.done_at else None,
            }
            for step in timeline_services.timeline(election)
        ],
        "results": results,
        "declaration": declaration,
    }


@routes.get("/elections", summary="Committee elections", response=list_of("ElectionSummary"),
            parameters=PAGE_PARAMETERS)  # fmt: skip
def elections():
    return keyset_page(select(Election), Election.id, summary_json)


@routes.get("/elections/<id:election_id>", summary="One election: contests, candidates once published, stations, shifts, the timeline; per-station counts, rounds and the declaration once counted", response=ref("Election"))  # fmt: skip
def election(election_id):
    return election_json(fetch_or_404(Election, election_id))
