"""Casting a ballot, and telling a reader whether they may vote and why not.

Casting writes two rows in one transaction and nothing else: the record that this resident
(or household) has voted, and the ballot with its receipt code. No audit entry, no time, no
link between the two (ARCHITECTURE.md, "Data").
"""

import json
from dataclasses import dataclass

from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from consult.core.models import utcnow
from consult.core.services import ServiceError
from consult.extensions import db
from consult.polls import electorate
from consult.polls.methods import ballot_from
from consult.polls.models import (
    Channel,
    Phase,
    Poll,
    PollBallot,
    PollElectorate,
    PollVoter,
    random_id,
)
from consult.polls.receipts import new_receipt
from consult.residents.models import Resident

_INSERTS = {}


def insert_ignoring_conflicts(table, values):
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new id, or None on a conflict.

    A unique constraint decides between concurrent writers: on PostgreSQL the second waits
    for the first to commit and then inserts nothing. The statement is built once per
    table and dialect; only the values change.
    """
    dialect = db.session.get_bind().dialect.name
    statement = _INSERTS.get((dialect, table.name, tuple(values)))
    if statement is None:
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        statement = insert(table).on_conflict_do_nothing().returning(table.c.id)
        _INSERTS[(dialect, table.name, tuple(values))] = statement
    return db.session.execute(statement, values).scalar()


def canonical(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _phase_of(row):
    now = utcnow()
    if row.cancelled_at is not None:
        return Phase.CANCELLED
    if row.closed_at is not None or row.published_at is not None or now >= row.closes_at:
        return Phase.CLOSED
    if now < row.opens_at:
        return Phase.UPCOMING
    return Phase.OPEN


POLL_STATE = (Poll.opens_at, Poll.closes_at, Poll.cancelled_at, Poll.closed_at, Poll.published_at)


def fresh_state(poll):
    """The poll's phase from its row read again, share-locked until this transaction ends.

    The lock is the one the ballot's foreign key takes anyway (KEY SHARE); the closing job
    takes the row FOR UPDATE, so it waits for every cast in flight, and a cast that comes
    after it finds the poll closed.
    """
    row = db.session.execute(
        select(*POLL_STATE).where(Poll.id == poll.id).with_for_update(read=True, key_share=True)
    ).one()
    return _phase_of(row)


def _state_and_entry_query():
    on_the_list = (PollElectorate.poll_id == Poll.id) & PollElectorate.resident_id.in_(
        select(Resident.id).where(Resident.user_id == bindparam("user_id")).scalar_subquery()
    )
    return (
        select(*POLL_STATE, PollElectorate.resident_id, PollElectorate.household_id)
        .select_from(Poll)
        .outerjoin(PollElectorate, on_the_list)
        .where(Poll.id == bindparam("poll_id"))
        .with_for_update(read=True, key_share=True, of=Poll)
    )


STATE_AND_ENTRY = _state_and_entry_query()  # built once: casting is the busiest path


def state_and_entry(actor, poll):
    """``fresh_state`` and the actor's row on the voter list, in one query."""
    row = db.session.execute(STATE_AND_ENTRY, {"poll_id": poll.id, "user_id": actor.id}).first()
    entry = row if row.resident_id is not None else None
    return _phase_of(row), entry


def phase_problem(poll, phase):
    if phase == Phase.CANCELLED:
        return _l("This poll was cancelled; your ballot was not cast.")
    if phase == Phase.UPCOMING:
        return _l(
            "This poll opens on %(time)s; your ballot was not cast.",
            time=format_datetime(poll.opens_at, "medium"),
        )
    return _l(
        "This poll closed on %(time)s; your ballot was not cast.",
        time=format_datetime(min(poll.closes_at, poll.closed_at or poll.closes_at), "medium"),
    )


def check_ballot(poll, choices):
    """The native ballot for ``choices`` (for the review page), or ServiceError."""
    return ballot_from(poll, choices)


def cast_ballot(actor, poll, choices):
    """Cast ``actor``'s ballot: returns its receipt code. All or nothing."""
    ballot = ballot_from(poll, choices)
    if not getattr(actor, "is_authenticated", False):
        raise ServiceError(_l("Sign in to vote."))
    phase, entry = state_and_entry(actor, poll)
    if phase != Phase.OPEN:
        raise ServiceError(phase_problem(poll, phase))
    if poll.opened_at is None:
        electorate.fix_electorate(poll)
        entry = electorate.entry_of(actor, poll)
    if entry is None:
        reason = electorate.reason_left_out(poll, actor) or _l(
            "You are not on this poll's voter list."
        )
        raise ServiceError(reason)
    voted = insert_ignoring_conflicts(
        PollVoter.__table__,
        {
            "id": random_id(),
            "poll_id": poll.id,
            "resident_id": entry.resident_id,
            "household_slot": entry.household_id if poll.per_household else None,
            "channel": Channel.ONLINE.value,
        },
    )
    if voted is None:
        raise ServiceError(already_voted(poll, entry))
    return store_ballot(poll, ballot)


def store_ballot(poll, ballot):
    """Write one ballot under a new random id and receipt code (drawn again on a clash)."""
    choices = canonical(ballot)
    while True:
        receipt = new_receipt()
        stored = insert_ignoring_conflicts(
            PollBallot.__table__,
            {"id": random_id(), "poll_id": poll.id, "receipt": receipt, "choices": choices},
        )
        if stored is not None:
            return receipt


def voted_how(poll, entry):
    """How this person's vote is recorded: Channel.ONLINE, Channel.PAPER, "household" (a
    member of their household voted) or None."""
    mine = db.session.scalars(
        select(PollVoter.channel).where(
            PollVoter.poll_id == poll.id, PollVoter.resident_id == entry.resident_id
        )
    ).first()
    if mine is not None:
        return mine
    if poll.per_household:
        theirs = db.session.scalars(
            select(PollVoter.id).where(
                PollVoter.poll_id == poll.id, PollVoter.household_slot == entry.household_id
            )
        ).first()
        if theirs is not None:
            return "household"
    return None


def already_voted(poll, entry):
    """Why a second ballot is refused: this person, or their household, has voted."""
    how = voted_how(poll, entry)
    if how == Channel.PAPER:
        return _l("You have already voted on paper in this poll.")
    if how == "household":
        return _l(
            "Someone in your household has already voted: this poll takes one vote per household."
        )
    return _l("You have already voted in this poll.")


# What the poll page says -----------------------------------------------------------------


@dataclass(frozen=True)
class VotingStatus:
    may_vote: bool
    message: object
    code: str


def voting_status(user, poll):
    """Whether ``user`` may vote in ``poll`` now, and if not, why (in the reader's language)."""
    phase = poll.phase()
    signed_in = bool(user and user.is_authenticated)
    if phase == Phase.CANCELLED:
        return VotingStatus(False, _l("This poll was cancelled."), "cancelled")
    if phase in (Phase.CLOSED, Phase.PUBLISHED):
        return VotingStatus(False, _l("This poll is closed."), "closed")
    if not signed_in:
        return VotingStatus(False, _l("Sign in to vote."), "sign_in")
    if phase == Phase.UPCOMING or poll.opened_at is None:
        reason = electorate.reason_left_out(poll, user)
        resident = electorate.resident_of(user)
        if reason is None and resident is not None and electorate.would_admit(poll, resident):
            if phase == Phase.UPCOMING:
                return VotingStatus(
                    False, _l("You will be able to vote when the poll opens."), "upcoming"
                )
            return VotingStatus(True, _l("You may vote in this poll."), "may_vote")
        return VotingStatus(
            False, reason or _l("You are not on this poll's voter list."), "not_eligible"
        )
    entry = electorate.entry_of(user, poll)
    if entry is None:
        reason = electorate.reason_left_out(poll, user) or _l(
            "You are not on this poll's voter list."
        )
        return VotingStatus(False, reason, "not_eligible")
    how = voted_how(poll, entry)
    if how is not None:
        code = "household_voted" if how == "household" else "voted"
        return VotingStatus(False, already_voted(poll, entry), code)
    return VotingStatus(True, _l("You may vote in this poll."), "may_vote")
