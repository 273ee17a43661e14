"""Who may vote in a poll: the rule, the list fixed when the poll opens, and why not.

The list (``poll_electorate``) is the denominator of turnout and quorum. It is made once,
by whichever comes first after the opening time: the committee's "Open now", the queue's
minute tick, or the first ballot or paper tick (so a poll never waits for a job to open).
"""

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm.attributes import set_committed_value

from consult.core import audit
from consult.core.clock import community_zone
from consult.core.models import utcnow
from consult.core.queue import enqueue
from consult.extensions import db
from consult.polls.models import Poll, PollElectorate, VoterBase
from consult.residents.models import Building, Household, Resident
from consult.residents.services import (
    adult_cutoff,
    adults_on,
    in_building,
    in_grid,
    register_query,
    resident_of,
    verified_residents,
)

audit.describe("poll.opened", _l("Poll opened (voter list fixed)"))


def closing_day(poll):
    """The closing date in the community's time zone (adults are 18 or over on it)."""
    return poll.closes_at.astimezone(community_zone()).date()


def eligible_residents(poll):
    """``select(Resident)`` of everyone the poll's rule admits, by the register as it is now."""
    stmt = register_query()
    if poll.base == VoterBase.VERIFIED:
        stmt = verified_residents(stmt)
    if poll.adults_only:
        stmt = adults_on(closing_day(poll), stmt)
    if poll.grid_id:
        stmt = in_grid(poll.grid_id, stmt)
    if poll.building_id:
        stmt = in_building(poll.building_id, stmt)
    return stmt


def fix_electorate(poll, actor=None):
    """Fix the voter list now, unless it is fixed already. True when this call fixed it.

    A conditional update claims the opening, so two requests never both fix it (the second
    waits for the first and then finds it done).
    """
    now = utcnow()
    claimed = db.session.execute(
        update(Poll)
        .where(Poll.id == poll.id, Poll.opened_at.is_(None))
        .values(opened_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        db.session.refresh(poll, ["opened_at", "electorate_size"])
        return False
    chosen = eligible_residents(poll).with_only_columns(Resident.id).scalar_subquery()
    rows = (
        select(
            db.literal(poll.id),
            Resident.id,
            Resident.household_id,
            Household.building_id,
            Building.grid_id,
        )
        .join(Household, Household.id == Resident.household_id)
        .join(Building, Building.id == Household.building_id)
        .where(Resident.id.in_(chosen))
    )
    db.session.execute(
        insert(PollElectorate).from_select(
            ["poll_id", "resident_id", "household_id", "building_id", "grid_id"], rows
        )
    )
    counted = PollElectorate.household_id if poll.per_household else PollElectorate.resident_id
    size = db.session.scalar(
        select(func.count(func.distinct(counted))).where(PollElectorate.poll_id == poll.id)
    )
    db.session.execute(
        update(Poll)
        .where(Poll.id == poll.id)
        .values(electorate_size=size)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(poll, "opened_at", now)
    set_committed_value(poll, "electorate_size", size)
    # No voter is named: the opening is the committee's act or the system's.
    audit.record("poll.opened", poll, actor=actor, data={"electorate": size})
    enqueue("polls.opened", poll_id=poll.id)
    return True


def entry_of(user, poll):
    """The user's row on the poll's voter list (by their register entry), or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalars(
        select(PollElectorate)
        .join(Resident, Resident.id == PollElectorate.resident_id)
        .where(PollElectorate.poll_id == poll.id, Resident.user_id == user.id)
    ).first()


def would_admit(poll, resident):
    """Whether the rule admits ``resident`` by the register as it is now."""
    stmt = eligible_residents(poll).where(Resident.id == resident.id)
    return db.session.execute(stmt.limit(1)).first() is not None


def why_not(poll, resident):
    """Why the rule leaves ``resident`` out, in words (checked in this order)."""
    if poll.base == VoterBase.VERIFIED and resident.user_id is None:
        return _l("Only verified residents can vote in this poll.")
    if poll.grid_id and resident.household.building.grid_id != poll.grid_id:
        return _l("This poll is for the residents of grid %(grid)s.", grid=poll.grid.name)
    if poll.building_id and resident.household.building_id != poll.building_id:
        return _l(
            "This poll is for the residents of building %(building)s.", building=poll.building.name
        )
    if poll.adults_only:
        day = closing_day(poll)
        if resident.birth_date is None:
            return _l(
                "This poll is for residents who are 18 or over, and the register has no birth date for you. Ask the residents' committee to add it."
            )
        if resident.birth_date > adult_cutoff(day):
            return _l(
                "This poll is for residents who are 18 or over on %(date)s.",
                date=format_date(day, "long"),
            )
    return None


def reason_left_out(poll, user):
    """Why ``user`` is not on the poll's list (fixed or, before opening, as it would be)."""
    resident = resident_of(user)
    if resident is None:
        return _l(
            "Your account is not linked to the resident register. Ask the residents' committee to verify you as a resident."
        )
    reason = why_not(poll, resident)
    if reason is not None:
        return reason
    if poll.opened_at is not None:
        return _l(
            "The voter list was fixed when the poll opened on %(date)s, and you were not on it then.",
            date=format_date(poll.opened_at, "long"),
        )
    return None


def describe_rule(poll):
    """The rule in words, one line per condition, in the reader's language."""
    lines = [VoterBase(poll.base).label]
    if poll.adults_only:
        lines.append(
            _l(
                "18 or over on %(date)s, the closing date",
                date=format_date(closing_day(poll), "long"),
            )
        )
    if poll.grid_id:
        lines.append(_l("Living in grid %(grid)s", grid=poll.grid.name))
    if poll.building_id:
        lines.append(_l("Living in building %(building)s", building=poll.building.name))
    if poll.per_household:
        lines.append(
            _l("One vote per household: any eligible member may cast it, and the first counts")
        )
    return lines
