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
from consult.polls.models import (
    PaperBatch,
    Poll,
    PollElectorate,
    PollOption,
    PollResult,
    PollVoter,
)


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


def _iso(value):
    return value.isoformat() if value else ""


def _json(value):
    return json.dumps(value or {}, ensure_ascii=False, sort_keys=True)


DETAIL_COLUMNS = (
    "id", "question", "description", "method", "seats", "max_marks", "score_max",
    "quorum_percent", "meeting", "base", "adults_only", "per_household", "grid_id",
    "building_id", "results_shown", "subject_type", "subject_id", "created_by_id",
    "created_at", "opens_at", "closes_at", "opened_at", "electorate_size", "close_reason",
    "cancelled_at", "cancel_reason", "closed_at", "published_at", "closing_sha256",
)  # fmt: skip


def detail_rows():
    for p in db.session.scalars(select(Poll).order_by(Poll.id)):
        yield (
            p.id, _json(p.question), _json(p.description), str(p.method), p.seats,
            p.max_marks, p.score_max, p.quorum_percent, str(p.meeting), str(p.base),
            p.adults_only, p.per_household, p.grid_id, p.building_id, str(p.results_shown),
            p.subject_type, p.subject_id, p.created_by_id, _iso(p.created_at), _iso(p.opens_at),
            _iso(p.closes_at), _iso(p.opened_at), p.electorate_size, p.close_reason,
            _iso(p.cancelled_at), p.cancel_reason, _iso(p.closed_at), _iso(p.published_at),
            p.closing_sha256,
        )  # fmt: skip


def option_rows():
    for o in db.session.scalars(select(PollOption).order_by(PollOption.poll_id, PollOption.position)):  # fmt: skip
        yield (o.poll_id, o.position, o.name, _json(o.text))


def electorate_rows():
    stmt = (
        select(PollElectorate)
        .order_by(PollElectorate.poll_id, PollElectorate.resident_id)
        .execution_options(yield_per=1000)
    )
    for e in db.session.scalars(stmt):
        yield (e.poll_id, e.resident_id, e.household_id, e.building_id, e.grid_id)


def voter_rows():
    """Who voted, ordered by register entry: never in the order of casting, and with
    nothing that points at a ballot (a ballot holds no voter)."""
    stmt = (
        select(PollVoter.poll_id, PollVoter.resident_id, PollVoter.channel, PollVoter.ticked_by_id)
        .order_by(PollVoter.poll_id, PollVoter.resident_id)
        .execution_options(yield_per=1000)
    )
    for poll_id, resident_id, channel, ticked_by in db.session.execute(stmt):
        yield (poll_id, resident_id, str(channel), ticked_by)


def batch_rows():
    for b in db.session.scalars(select(PaperBatch).order_by(PaperBatch.poll_id, PaperBatch.id)):
        yield (b.poll_id, b.ballots, b.entered_by_id, _iso(b.entered_at))


def result_rows():
    for r in db.session.scalars(select(PollResult).order_by(PollResult.poll_id)):
        yield (r.poll_id, r.ballots, _json(r.result), r.sha256, _iso(r.counted_at))


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
        ExportTable(
            "poll_details.csv",
            _l(
                "Every setting of each poll: texts in each language (JSON), method, who may vote, times, who created it (account number), closing and cancelling."
            ),
            DETAIL_COLUMNS,
            detail_rows,
        ),
        ExportTable(
            "poll_options.csv",
            _l("The options of each poll: position, name in the count, text in each language."),
            ("poll_id", "position", "name", "text"),
            option_rows,
        ),
        ExportTable(
            "poll_electorate.csv",
            _l(
                "Voter lists fixed when each poll opened: register entry, household, building and grid as they were then."
            ),
            ("poll_id", "resident_id", "household_id", "building_id", "grid_id"),
            electorate_rows,
        ),
        ExportTable(
            "poll_voters.csv",
            _l(
                "Who has voted (register entries), online or on paper, and who ticked a paper voter (account number). Nothing links a voter to a ballot: ballots are stored and exported without voters."
            ),
            ("poll_id", "resident_id", "channel", "ticked_by_id"),
            voter_rows,
        ),
        ExportTable(
            "poll_paper_batches.csv",
            _l(
                "Batches of paper ballots entered after closing: how many, by whom (account number)."
            ),
            ("poll_id", "ballots", "entered_by_id", "entered_at"),
            batch_rows,
        ),
        ExportTable(
            "poll_results.csv",
            _l(
                "Published results as counted (consult.tally's result as JSON) with the ballot list's SHA-256."
            ),
            ("poll_id", "ballots", "result", "sha256", "counted_at"),
            result_rows,
        ),
    ]
