"""Who may read, write, confirm and follow notices."""

from sqlalchemy import select

from consult.core.permissions import is_committee, is_signed_in, predicate
from consult.extensions import db
from consult.notices import clock
from consult.notices.models import PUBLISHED, VISIBLE, NoticeScope


@predicate
def can_manage_notices(user):
    """The committee writes, publishes and prints notices and manages their categories."""
    return is_committee(user)


@predicate
def can_view_notice(user, notice):
    """Everyone reads published and archived notices; drafts and scheduled ones are the
    committee's until their time."""
    return notice.status_at(clock.now()) in VISIBLE or can_manage_notices(user)


@predicate
def can_subscribe_notices(user):
    return is_signed_in(user)


def home_of(user):
    """(grid id, building id) where ``user``'s register entry lives now, or None."""
    if not is_signed_in(user):
        return None
    from consult.residents.models import Building, Household, Resident

    row = db.session.execute(
        select(Building.grid_id, Building.id)
        .join(Household, Household.building_id == Building.id)
        .join(Resident, Resident.household_id == Household.id)
        .where(Resident.user_id == user.id, Resident.moved_out_on.is_(None))
    ).first()
    return tuple(row) if row is not None else None


def in_scope(notice, home):
    if home is None:
        return False
    grid_id, building_id = home
    if notice.scope == NoticeScope.GRID:
        return notice.grid_id == grid_id
    if notice.scope == NoticeScope.BUILDING:
        return notice.building_id == building_id
    return True


@predicate
def can_confirm_notice(user, notice):
    """Residents living in a notice's scope confirm they have read it, while it is up."""
    return (
        notice.needs_confirmation
        and notice.status_at(clock.now()) == PUBLISHED
        and in_scope(notice, home_of(user))
    )


@predicate
def can_manage_notice(user, notice):
    """Edit, publish, archive, delete a notice; see its confirmation numbers."""
    return can_manage_notices(user)


@predicate
def can_manage_notice_category(user, category):
    return can_manage_notices(user)
