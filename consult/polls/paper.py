"""Paper ballots, for residents who cannot vote online.

While the poll is open a committee member ticks a resident on the voter list as having
voted on paper (no ballot is linked to the tick). After the closing is recorded, the
ballots from the paper box are entered in batches, each ballot on its own line and none
linked to a person; the batches together cannot hold more ballots than there are ticks.
Who ticked and who entered each batch is in the audit trail (and on the rows).
"""

import re
import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from consult.core import audit
from consult.core.queue import enqueue
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.polls import electorate
from consult.polls.methods import ballot_from, kind_of
from consult.polls.models import (
    Channel,
    PaperBatch,
    Phase,
    PollElectorate,
    PollMethod,
    PollVoter,
    random_id,
)
from consult.polls.permissions import can_manage_poll
from consult.polls.voting import fresh_state, insert_ignoring_conflicts, store_ballot, voted_how

audit.describe("poll.paper_ticked", _l("Paper voters ticked on the voter list"))
audit.describe("poll.paper_unticked", _l("Paper tick removed"))
audit.describe("poll.paper_batch_entered", _l("Paper ballots entered"))
audit.describe("poll.publication_requested", _l("Results asked to be published"))

SEPARATORS = re.compile(r"[\s,，、;；]+")
BLANK = ("-", "—", "0")
YES_NO_WORDS = {
    "yes": "1", "y": "1", "是": "1", "赞成": "1", "贊成": "1",
    "no": "2", "n": "2", "否": "2", "反对": "2", "反對": "2",
    "abstain": "3", "a": "3", "弃权": "3", "棄權": "3",
}  # fmt: skip


def _ensure(actor, poll):
    if not can_manage_poll(actor, poll):
        raise ServiceError(_l("Only the residents' committee can record paper ballots."))


def paper_ticks(poll):
    return db.session.scalar(
        select(func.count()).where(PollVoter.poll_id == poll.id, PollVoter.channel == Channel.PAPER)
    )


def paper_ballots_entered(poll):
    return db.session.scalar(
        select(func.coalesce(func.sum(PaperBatch.ballots), 0)).where(PaperBatch.poll_id == poll.id)
    )


def tick_paper_voters(actor, poll, resident_ids):
    """Record that these residents voted on paper (one audit entry for the tick)."""
    _ensure(actor, poll)
    phase = fresh_state(poll)
    if phase != Phase.OPEN:
        raise ServiceError(_l("Paper voters are ticked while the poll is open."))
    if poll.opened_at is None:
        electorate.fix_electorate(poll, actor=actor)
    entries = {
        entry.resident_id: entry
        for entry in db.session.scalars(
            select(PollElectorate).where(
                PollElectorate.poll_id == poll.id, PollElectorate.resident_id.in_(resident_ids)
            )
        )
    }
    problems = Problems()
    for resident_id in resident_ids:
        entry = entries.get(resident_id)
        if entry is None:
            problems.add(_l("This resident is not on the poll's voter list."))
            continue
        ticked = insert_ignoring_conflicts(
            PollVoter.__table__,
            {
                "id": random_id(),
                "poll_id": poll.id,
                "resident_id": resident_id,
                "household_slot": entry.household_id if poll.per_household else None,
                "channel": Channel.PAPER.value,
                "ticked_by_id": actor.id,
            },
        )
        if ticked is None:
            if voted_how(poll, entry) == "household":
                problems.add(_l("This resident's household has already voted."))
            else:
                problems.add(_l("This resident has already voted."))
    problems.raise_any()
    audit.record("poll.paper_ticked", poll, actor=actor, data={"residents": list(resident_ids)})


def untick_paper_voter(actor, poll, resident_id):
    """Remove a paper tick made by mistake (while the poll is open)."""
    _ensure(actor, poll)
    if fresh_state(poll) != Phase.OPEN:
        raise ServiceError(_l("Paper ticks can be removed only while the poll is open."))
    removed = db.session.execute(
        delete(PollVoter).where(
            PollVoter.poll_id == poll.id,
            PollVoter.resident_id == resident_id,
            PollVoter.channel == Channel.PAPER.value,
        )
    ).rowcount
    if not removed:
        raise ServiceError(_l("This resident is not ticked as a paper voter."))
    audit.record("poll.paper_unticked", poll, actor=actor, data={"resident": resident_id})


# Batches -------------------------------------------------------------------------------


def _raw_choices(poll, line):
    """A line of the batch as the raw choices a ballot form would send."""
    by_position = {str(option.position): str(option.id) for option in poll.options}
    words = [w for w in SEPARATORS.split(line.strip()) if w]
    if len(words) == 1 and words[0] in BLANK:
        words = []
    kind = kind_of(poll.method)
    if poll.method == PollMethod.YES_NO:
        words = [YES_NO_WORDS.get(w.lower(), w) for w in words]
    if kind == "scores":
        scores = {}
        for word in words:
            number, _, score = word.partition("=")
            scores[by_position.get(number, number)] = score or "?"
        return {"scores": scores}
    ids = [by_position.get(word, word) for word in words]
    if kind == "choice":
        if len(ids) > 1:
            return {"marks": ids}  # refused below: one choice only
        return {"choice": ids[0] if ids else ""}
    if kind == "marks":
        return {"marks": ids}
    ranks = {}
    for rank, option_id in enumerate(ids, 1):
        ranks[option_id] = "duplicate" if option_id in ranks else str(rank)
    return {"ranks": ranks}


def read_batch(poll, text):
    """The ballots of a batch (one line each), or ServiceError naming every bad line."""
    problems = Problems()
    ballots = []
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        raw = _raw_choices(poll, line)
        if kind_of(poll.method) == "choice" and "marks" in raw:
            problems.add(_l("Line %(line)s: one choice only.", line=number), "ballots")
            continue
        if "duplicate" in raw.get("ranks", {}).values():
            problems.add(_l("Line %(line)s: an option is ranked twice.", line=number), "ballots")
            continue
        try:
            ballots.append(ballot_from(poll, raw))
        except ServiceError as error:
            for problem in error.problems:
                problems.add(
                    _l("Line %(line)s: %(problem)s", line=number, problem=str(problem)), "ballots"
                )
    problems.raise_any()
    if not ballots:
        raise ServiceError(_l("Enter at least one ballot, one per line."), "ballots")
    return ballots


def enter_paper_batch(actor, poll, text):
    """Enter ballots from the paper box; returns the batch. None is linked to a person."""
    _ensure(actor, poll)
    if poll.phase() != Phase.CLOSED or poll.closing_sha256 is None:
        raise ServiceError(
            _l(
                "Paper ballots are entered after the poll's closing is recorded, and before its results are published."
            )
        )
    ballots = read_batch(poll, text)
    room = paper_ticks(poll) - paper_ballots_entered(poll)
    if len(ballots) > room:
        raise ServiceError(
            _l(
                "This batch holds %(count)s ballots, but only %(room)s paper voters are ticked and not yet entered.",
                count=len(ballots),
                room=room,
            ),
            "ballots",
        )
    secrets.SystemRandom().shuffle(ballots)  # the box's order is not kept either
    for ballot in ballots:
        store_ballot(poll, ballot)
    batch = PaperBatch(poll_id=poll.id, ballots=len(ballots), entered_by=actor)
    db.session.add(batch)
    db.session.flush()
    audit.record(
        "poll.paper_batch_entered",
        poll,
        actor=actor,
        data={"ballots": len(ballots), "batch": batch.id},
    )
    if len(ballots) == room:  # every paper ballot is in: publish
        request_publication(actor, poll, audited=False)
    return batch


def request_publication(actor, poll, audited=True):
    """Publish a closed poll's results (with the paper ballots entered so far)."""
    _ensure(actor, poll)
    if poll.phase() != Phase.CLOSED or poll.closing_sha256 is None:
        raise ServiceError(_l("Results are published once the poll's closing is recorded."))
    if audited:
        missing = paper_ticks(poll) - paper_ballots_entered(poll)
        audit.record(
            "poll.publication_requested", poll, actor=actor, data={"paper_ballots_missing": missing}
        )
    enqueue("polls.publish", actor=actor, poll_id=poll.id)
