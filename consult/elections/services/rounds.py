"""The second round (另行选举): when round one leaves seats unfilled (or ends in a tie for a
seat, a new vote among the tied), the committee schedules it for the same day or within the
rule set's days (30); its counts are entered like round one's."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.services import ServiceError
from consult.elections import clock
from consult.elections.models import Contest, ElectionStatus, SecondRound
from consult.elections.services.common import ensure_committee, ensure_counting
from consult.elections.services.results import contest_result, current_entries
from consult.extensions import db

audit.describe("election.second_round_scheduled", _l("Second round scheduled"))
audit.describe("election.second_round_cancelled", _l("Second round no longer needed"))


def second_round_window(election):
    """(first day, last day) a second round may be held."""
    day = election.election_day
    return day, day + timedelta(days=election.rules.second_round_within_days)


def schedule_second_round(actor, contest, held_on, *, at=None):
    ensure_committee(actor)
    election = contest.election
    ensure_counting(election)
    outcome = contest_result(contest)
    if outcome.result is None:
        raise ServiceError(_l("Enter every station's count of round one first."))
    if outcome.status != "second_round_needed":
        raise ServiceError(_l("This contest needs no second round."))
    if current_entries(contest, 2):
        raise ServiceError(_l("The second round's counts are entered: its day can no longer change."))  # fmt: skip
    first, last = second_round_window(election)
    if held_on is None or not first <= held_on <= last:
        raise ServiceError(_l("Hold the second round on election day or within %(days)d days: from %(first)s to %(last)s.", days=election.rules.second_round_within_days, first=first.isoformat(), last=last.isoformat()), "held_on")  # fmt: skip
    second = outcome.second_round
    before = second.held_on.isoformat() if second else None
    if second is None:
        second = SecondRound(contest_id=contest.id, scheduled_by_id=actor.id)
        db.session.add(second)
    second.held_on, second.scheduled_at = held_on, at or clock.now()
    if ElectionStatus(election.status) is ElectionStatus.COUNTING:
        election.move_to(ElectionStatus.SECOND_ROUND)
    db.session.flush()
    audit.record(
        "election.second_round_scheduled",
        second,
        actor=actor,
        changes={"held_on": (before, held_on.isoformat())} if before else None,
        data={
            "contest": contest.kind.value,
            "held_on": held_on,
            "candidates": outcome.second_round_candidates,
            "seats": outcome.unfilled,
            "tie": outcome.tied_in_round_one,
        },
    )
    return second


def settle_second_round(actor, contest):
    """After round one is corrected: drop a scheduled second round it no longer calls for
    (and leave the second-round state when no contest has one)."""
    second = contest_result(contest)
    if second.second_round is None or second.status == "second_round_needed":
        return
    audit.record("election.second_round_cancelled", second.second_round, actor=actor, data={"contest": contest.kind.value})  # fmt: skip
    db.session.delete(second.second_round)
    db.session.flush()
    election = contest.election
    others = db.session.scalar(
        select(SecondRound.id).join(Contest).where(Contest.election_id == election.id).limit(1)
    )
    if others is None and ElectionStatus(election.status) is ElectionStatus.SECOND_ROUND:
        election.move_to(ElectionStatus.COUNTING)
