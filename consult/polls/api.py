"""Polls in the open-data API: every poll, its results once published, and its ballot list.

``/polls/<id>/ballots`` answers the canonical ballot list itself (the bytes whose SHA-256
the audit trail and the results page show), so that ``python -m consult.tally`` recounts it.
Nothing says who voted.
"""

from flask import Response, abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.api import PAGE_PARAMETERS, ApiRoutes, keyset_page, list_of, ref
from consult.core.permissions import fetch_or_404
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.polls.models import Phase, Poll, PollResult

routes = ApiRoutes(
    "polls",
    description="Resident polls: questions, options, methods, states, and published results.",
    index="/polls",
)

TEXTS = {
    "type": "object",
    "description": "Text per content language (BCP 47 tag).",
    "additionalProperties": {"type": "string"},
}
TIME = {"type": "string", "format": "date-time"}
routes.schema(
    "Poll",
    {
        "type": "object",
        "required": ["id", "question", "options", "method", "seats", "state", "opens_at",
                     "closes_at", "eligibility", "url"],
        "properties": {
            "id": {"type": "integer"},
            "question": TEXTS,
            "description": TEXTS,
            "options": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "text"],
                    "properties": {
                        "name": {"type": "string", "description": "As counted and in ballots."},
                        "text": TEXTS,
                    },
                },
            },
            "method": {"type": "string"},
            "seats": {"type": "integer"},
            "state": {"type": "string", "enum": [p.value for p in Phase]},
            "opens_at": TIME,
            "closes_at": TIME,
            "results_shown": {"type": "string"},
            "eligibility": {
                "type": "object",
                "properties": {
                    "voters": {"type": "string"},
                    "adults_only": {"type": "boolean"},
                    "one_per_household": {"type": "boolean"},
                    "grid_id": {"type": ["integer", "null"]},
                    "building_id": {"type": ["integer", "null"]},
                    "residents_meeting": {"type": "string"},
                },
            },
            "electorate": {"type": ["integer", "null"]},
            "subject": {
                "type": ["object", "null"],
                "properties": {"type": {"type": "string"}, "id": {"type": "integer"}},
            },
            "results": {
                "type": ["object", "null"],
                "description": "consult.tally's result, once published.",
                "properties": {
                    "ballots": {"type": "integer"},
                    "sha256": {"type": "string"},
                    "winners": {"type": "array", "items": {"type": "string"}},
                    "ballot_list": {"type": "string", "format": "uri"},
                    "count": {"type": "object", "description": "Only on one poll's page."},
                },
            },
            "url": {"type": "string", "format": "uri"},
        },
    },
)  # fmt: skip
routes.schema(
    "BallotList",
    {
        "type": "object",
        "description": "consult.tally's native input: count it with `python -m consult.tally`.",
        "required": ["id", "method", "candidates", "ballots"],
        "properties": {
            "id": {"type": "integer"},
            "method": {"type": "string"},
            "seats": {"type": "integer"},
            "candidates": {"type": "array", "items": {"type": "string"}},
            "options": {"type": "object"},
            "ballots": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["receipt"],
                    "properties": {"receipt": {"type": "string"}},
                },
            },
            "poll": {"type": "object"},
        },
    },
)


def poll_json(poll, stored=None, full=True):
    phase = poll.phase()
    results = None
    if phase == Phase.PUBLISHED and stored is not None:
        results = {
            "ballots": stored.ballots,
            "sha256": stored.sha256,
            "winners": stored.result.get("winners", []),
            "ballot_list": external_url_for("api.polls_ballots", poll_id=poll.id),
        }
        if full:
            results["count"] = stored.result
    return {
        "id": poll.id,
        "question": poll.question,
        "description": poll.description or {},
        "options": [{"name": o.name, "text": o.text} for o in poll.options],
        "method": str(poll.method),
        "seats": poll.seats,
        "state": phase.value,
        "opens_at": poll.opens_at.isoformat(),
        "closes_at": poll.closes_at.isoformat(),
        "results_shown": str(poll.results_shown),
        "eligibility": {
            "voters": str(poll.base),
            "adults_only": poll.adults_only,
            "one_per_household": poll.per_household,
            "grid_id": poll.grid_id,
            "building_id": poll.building_id,
            "residents_meeting": str(poll.meeting),
        },
        "electorate": poll.electorate_size,
        "subject": {"type": poll.subject_type, "id": poll.subject_id}
        if poll.subject_type
        else None,
        "results": results,
        "url": external_url_for("polls.poll", poll_id=poll.id),
    }


@routes.get("/polls", summary="Polls, newest last", response=list_of("Poll"),
            parameters=PAGE_PARAMETERS)  # fmt: skip
def polls():
    def serialize(poll):
        stored = db.session.get(PollResult, poll.id) if poll.published_at else None
        return poll_json(poll, stored, full=False)

    return keyset_page(select(Poll).options(selectinload(Poll.options)), Poll.id, serialize)


@routes.get("/polls/<id:poll_id>", summary="One poll, with its results once published",
            response=ref("Poll"))  # fmt: skip
def poll(poll_id):
    poll = fetch_or_404(Poll, poll_id)
    return poll_json(poll, db.session.get(PollResult, poll.id))


@routes.get(
    "/polls/<id:poll_id>/ballots",
    summary="The published ballot list (after closing)",
    response=ref("BallotList"),
    description="The canonical ballot list: UTF-8 JSON, keys sorted, no extra whitespace, "
    "ballots sorted by receipt code. Its SHA-256 is in the audit trail and on the results "
    "page; `python -m consult.tally` recounts it. 404 until the results are published.",
)
def ballots(poll_id):
    poll = fetch_or_404(Poll, poll_id)
    stored = db.session.get(PollResult, poll.id)
    if stored is None or poll.phase() != Phase.PUBLISHED:
        abort(404)
    return Response(stored.ballot_list.encode("utf-8"), mimetype="application/json")
