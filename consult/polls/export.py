"""Polls as CSV: a published ballot list, and the committee's "export everything" tables.

Every CSV goes through the app's one writer, ``consult.core.csv.write_csv`` (UTF-8 with a
BOM, CRLF, formula cells neutralised).
"""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.csv import write_csv
from consult.core.domain import ExportTable
from consult.extensions import db
from consult.polls.methods import kind_of
from consult.polls.models import Poll, PollResult


def ballot_rows(poll, listing):
    """One row per ballot: its receipt code, then a cell per option (its rank, its mark or
    its score), in the order of the canonical list."""
    names = poll.option_names()
    kind = kind_of(poll.method)
    for ballot in listing["ballots"]:
        if kind == "ranks":
            ranks = {name: i for i, name in enumerate(ballot["ranking"], 1)}
            cells = [ranks.get(name, "") for name in names]
        elif kind == "scores":
            cells = [ballot["scores"].get(name, "") for name in names]
        else:
            cells = [1 if name in ballot["marks"] else "" for name in names]
        yield [ballot["receipt"], *cells]


def ballot_list_csv(poll, stored):
    listing = json.loads(stored.ballot_list)
    return write_csv(["receipt", *poll.option_names()], ballot_rows(poll, listing))


POLL_COLUMNS = (
    "id", "question", "method", "seats", "eligible", "opens_at", "closes_at", "state",
    "electorate", "ballots", "winners", "sha256",
)  # fmt: skip


def poll_rows():
    stored = {r.poll_id: r for r in db.session.scalars(select(PollResult))}
    for poll in db.session.scalars(select(Poll).order_by(Poll.id)):
        result = stored.get(poll.id)
        yield (
            poll.id,
            " / ".join(poll.question.values()),
            str(poll.method),
            poll.seats,
            describe_rule(poll),
            poll.opens_at.isoformat(),
            poll.closes_at.isoformat(),
            str(poll.phase()),
            poll.electorate_size if poll.electorate_size is not None else "",
            result.ballots if result else "",
            ";".join(result.result.get("winners", [])) if result else "",
            result.sha256 if result else "",
        )


def published_ballot_rows():
    for stored in db.session.scalars(select(PollResult).order_by(PollResult.poll_id)):
        for ballot in json.loads(stored.ballot_list)["ballots"]:
            receipt = ballot.pop("receipt")
            yield (stored.poll_id, receipt, json.dumps(ballot, ensure_ascii=False, sort_keys=True))


def describe_rule(poll):
    parts = [str(poll.base)]
    if poll.adults_only:
        parts.append("adults")
    if poll.per_household:
        parts.append("household")
    if poll.grid_id:
        parts.append(f"grid:{poll.grid_id}")
    if poll.building_id:
        parts.append(f"building:{poll.building_id}")
    if poll.is_meeting:
        parts.append(f"meeting:{poll.meeting}")
    return ";".join(parts)


def export_tables():
    return [
        ExportTable(
            "polls.csv",
            _l("Polls: one row per poll, with its rule, times, state and published result."),
            POLL_COLUMNS,
            poll_rows,
        ),
        ExportTable(
            "poll_ballots.csv",
            _l(
                "Published ballot lists: poll, receipt code and ballot (as consult.tally reads it)."
            ),
            ("poll_id", "receipt", "ballot"),
            published_ballot_rows,
        ),
    ]
