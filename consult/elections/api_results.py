"""Election day in the open-data API: per-station counts once entered, each contest's rounds
as consult.tally counted them (with the explanation in en, zh_Hans and zh_Hant), the
observers' countersignatures and objections, and the declaration. Nothing else about the
observers than the Latin name their badge shows."""

from consult.elections.models import ElectionStatus
from consult.elections.services.declaration import declared, results_for

_COUNT = {"type": "integer", "minimum": 0}
_NAMES = {"type": "object", "additionalProperties": _COUNT}
_TIME = {"type": ["string", "null"], "format": "date-time"}

STATION_COUNT = {
    "type": "object",
    "required": ["station_id", "station", "mobile", "entered"],
    "properties": {
        "station_id": {"type": "integer"},
        "station": {"type": "string"},
        "mobile": {"type": "boolean"},
        "entered": {"type": "boolean"},
        "version": {"type": "integer", "description": "1 for the first entry; each correction adds one"},  # fmt: skip
        "entered_at": _TIME,
        "reason": {"type": ["string", "null"], "description": "why the count was corrected"},
        "voters_signed": _COUNT, "ballots_cast": _COUNT, "invalid": _COUNT, "blank": _COUNT,
        "votes": _NAMES, "write_ins": _NAMES, "against": _NAMES, "abstain": _NAMES,
        "over_signed": {"type": "boolean", "description": "more ballots cast than voters signed for one"},  # fmt: skip
    },
}  # fmt: skip

ROUND = {
    "type": "object",
    "required": [
        "round",
        "held_on",
        "candidates",
        "stations",
        "totals",
        "missing",
        "turnout",
        "void",
        "decisions",
        "explanation",
    ],  # fmt: skip
    "properties": {
        "round": {"type": "integer", "enum": [1, 2]},
        "held_on": {"type": ["string", "null"], "format": "date"},
        "candidates": {"type": "array", "items": {"type": "string"}},
        "stations": {"type": "array", "items": {"$ref": "#/components/schemas/StationCount"}},
        "totals": {"type": "object"},
        "missing": {"type": "array", "items": {"type": "string"}},
        "turnout": {"type": ["object", "null"]},
        "void": {"type": "boolean"},
        "decisions": {"type": "array", "items": {"type": "object"}},
        "explanation": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}

CONTEST_RESULT = {
    "type": "object",
    "required": ["contest_id", "kind", "seats", "status", "elected", "unfilled", "vacant", "rounds"],  # fmt: skip
    "properties": {
        "contest_id": {"type": "integer"},
        "kind": {"type": "string", "enum": ["director", "deputy", "member"]},
        "seats": {"type": "integer"},
        "status": {"type": "string", "enum": [
            "waiting", "error", "complete", "not_valid", "second_round_needed",
            "second_round_not_valid", "tie_new_vote", "seats_unfilled"]},
        "reason": {"type": ["string", "null"]},
        "elected": {"type": "array", "items": {"type": "string"}},
        "unfilled": {"type": "integer"},
        "vacant": {"type": ["boolean", "null"], "description": "left vacant by the committee when it declared"},
        "second_round": {"type": ["object", "null"]},
        "new_vote_candidates": {"type": "array", "items": {"type": "string"}},
        "rounds": {"type": "array", "items": {"$ref": "#/components/schemas/CountRound"}},
    },
}  # fmt: skip

REVIEW = {
    "type": "object",
    "required": ["station_id", "round", "kind", "observer", "made_at", "current"],
    "properties": {
        "station_id": {"type": "integer"},
        "station": {"type": "string"},
        "round": {"type": "integer"},
        "kind": {"type": "string", "enum": ["countersigned", "objection"]},
        "observer": {"type": "string", "description": "the Latin name on the badge"},
        "text": {"type": ["string", "null"]},
        "made_at": {"type": "string", "format": "date-time"},
        "answer": {"type": ["string", "null"]},
        "answered_at": _TIME,
        "current": {"type": "boolean", "description": "countersigns the count as it stands"},
    },
}

RESULTS = {
    "type": ["object", "null"],
    "description": "null until the count begins",
    "required": ["registered_voters", "members_elected", "contests", "reviews", "declared"],
    "properties": {
        "registered_voters": {"type": "integer"},
        "members_elected": {"type": "integer"},
        "contests": {"type": "array", "items": {"$ref": "#/components/schemas/ContestResult"}},
        "reviews": {"type": "array", "items": {"$ref": "#/components/schemas/CountReview"}},
        "declared": {"type": "boolean"},
    },
}

DECLARATION = {
    "type": ["object", "null"],
    "description": "null until the committee declares the results",
    "required": ["declared_at", "contests"],
    "properties": {
        "declared_at": {"type": "string", "format": "date-time"},
        "contests": {"type": "array", "items": {"type": "object"}},
    },
}

SCHEMAS = {
    "StationCount": STATION_COUNT,
    "CountRound": ROUND,
    "ContestResult": CONTEST_RESULT,
    "CountReview": REVIEW,
}

KEPT = ("contest_id", "kind", "seats", "status", "reason", "elected", "unfilled", "vacant", "second_round", "new_vote_candidates", "rounds")  # fmt: skip
REVIEW_KEPT = tuple(REVIEW["properties"])


def results_json(election):
    """(results, declaration) for ``GET /api/v1/elections/<id>``."""
    status = ElectionStatus(election.status)
    if status in (ElectionStatus.PREPARING, ElectionStatus.CANCELLED):
        return None, None
    document = results_for(election)
    results = {
        "registered_voters": document["registered_voters"],
        "members_elected": document["members_elected"],
        "contests": [{key: contest.get(key) for key in KEPT} for contest in document["contests"]],
        "reviews": [
            {key: review.get(key) for key in REVIEW_KEPT} for review in document["reviews"]
        ],  # fmt: skip
        "declared": document.get("declared_at") is not None,
    }
    found = declared(election)
    declaration = None
    if found is not None:
        declaration = {
            "declared_at": found.declared_at.isoformat(),
            "contests": [
                {
                    key: c[key]
                    for key in ("kind", "seats", "status", "elected", "unfilled", "vacant")
                }
                for c in document["contests"]
            ],
        }
    return results, declaration
