"""Register rules: searching, editing, moving, verifying, and who is eligible to vote.

Functions take the acting user explicitly, change the session and leave the commit to
the caller (one transaction per request).

Eligibility helpers for polls and elections
-------------------------------------------
Each takes an optional ``select(Resident)`` statement and returns it narrowed, so they
compose in any order without duplicate joins (they filter through subqueries)::

    stmt = one_per_household(adults_on(poll_date, in_grid(grid, verified_residents())))
    voters = db.session.scalars(stmt).all()
    allowed = is_eligible(user, stmt)

- ``verified_residents(stmt)``: residents whose entry is linked to an account.
- ``adults_on(day, stmt)``: 18 or over on ``day``; an unknown birth date is not an adult.
- ``in_grid(grid, stmt)``: living in a building of ``grid`` (a Grid, its id or its name).
- ``one_per_household(stmt)``: of the residents ``stmt`` selects, one per household: the
  one registered first (lowest id). Apply it last, after the other filters.
- ``is_eligible(user, stmt)``: whether ``user``'s register entry is among ``stmt``'s.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from consult.core.models import utcnow
from consult.extensions import db
from consult.residents.models import (
    BY_COMMITTEE,
    REVOKE,
    VERIFY,
    Building,
    Grid,
    Household,
    Resident,
    VerificationEvent,
    name_key,
)

ADULT_AGE = 18


class RegisterError(ValueError):
    """A register rule was broken; ``message`` is for the reader, ``field`` names the field."""

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


# Eligibility helpers ------------------------------------------------------------------


def register_query():
    return select(Resident)


def verified_residents(stmt=None):
    return (stmt if stmt is not None else register_query()).where(Resident.user_id.is_not(None))


def adult_cutoff(day):
    """The latest birth date of someone who is ADULT_AGE or over on ``day``."""
    try:
        return day.replace(year=day.year - ADULT_AGE)
    except ValueError:  # 29 February: an adult from 1 March on (28 February is earlier)
        return day.replace(year=day.year - ADULT_AGE, day=28)


def adults_on(day, stmt=None):
    stmt = stmt if stmt is not None else register_query()
    return stmt.where(Resident.birth_date.is_not(None), Resident.birth_date <= adult_cutoff(day))


def _grid_id(grid):
    if isinstance(grid, Grid):
        return grid.id
    if isinstance(grid, int):
        return grid
    return select(Grid.id).where(Grid.name == grid).scalar_subquery()


def in_grid(grid, stmt=None):
    stmt = stmt if stmt is not None else register_query()
    households = select(Household.id).join(Building).where(Building.grid_id == _grid_id(grid))
    return stmt.where(Resident.household_id.in_(households))


def one_per_household(stmt=None):
    stmt = stmt if stmt is not None else register_query()
    inner = stmt.subquery()
    firsts = select(func.min(inner.c.id)).group_by(inner.c.household_id)
    return register_query().where(Resident.id.in_(firsts))


def is_eligible(user, stmt):
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return db.session.execute(stmt.where(Resident.user_id == user.id).limit(1)).first() is not None


# Looking things up -------------------------------------------------------------------


def resident_of(user):
    """The register entry linked to ``user``, or None."""
    if user is None or not user.is_authenticated:
        return None
    return db.session.execute(select(Resident).filter_by(user_id=user.id)).scalar_one_or_none()


def find_household(code):
    code = (code or "").strip()
    return db.session.execute(select(Household).filter_by(code=code)).scalar_one_or_none()


def filtered_register(grid_id=None, building_id=None, nationality=None, verified=None, q=None):
    """The committee's register list: residents matching every filter given, in order."""
    stmt = select(Resident).join(Resident.household).join(Household.building)
    if grid_id:
        stmt = stmt.where(Building.grid_id == grid_id)
    if building_id:
        stmt = stmt.where(Household.building_id == building_id)
    if nationality:
        stmt = stmt.where(Resident.nationality == nationality)
    if verified is True:
        stmt = stmt.where(Resident.user_id.is_not(None))
    elif verified is False:
        stmt = stmt.where(Resident.user_id.is_(None))
    q = " ".join((q or "").split())
    if q:
        stmt = stmt.where(
            Resident.name_key.contains(q.casefold(), autoescape=True) | (Household.code == q)
        )
    return stmt.order_by(Household.code, Resident.full_name, Resident.id)


def register_page(stmt, page, per_page):
    """(residents, total, page) for one page of ``stmt``, in exactly two queries.

    A page past the end shows the last page.
    """
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page = max(1, min(page, (total + per_page - 1) // per_page))
    page_stmt = stmt.options(
        contains_eager(Resident.household)
        .contains_eager(Household.building)
        .joinedload(Building.grid),
        joinedload(Resident.user),
    )
    items = db.session.scalars(page_stmt.limit(per_page).offset((page - 1) * per_page)).all()
    return items, total, page


# Changing entries --------------------------------------------------------------------


def update_resident(actor, resident, **values):
    """Save edited fields of an entry (already validated by the form)."""
    full_name = values.get("full_name", resident.full_name)
    birth_date = values.get("birth_date", resident.birth_date)
    _check_unique(resident.id, resident.household_id, full_name, birth_date)
    for key, value in values.items():
        setattr(resident, key, value)
    resident.name_key = name_key(resident.full_name, resident.latin_name)
    return resident


def move_resident(actor, resident, household):
    if household is None:
        raise RegisterError(_l("There is no household with this household number."), "household")
    if household.id == resident.household_id:
        raise RegisterError(_l("The resident already lives in this household."), "household")
    _check_unique(resident.id, household.id, resident.full_name, resident.birth_date)
    resident.household = household
    return resident


def _check_unique(resident_id, household_id, full_name, birth_date):
    clash = db.session.execute(
        select(Resident.id).where(
            Resident.household_id == household_id,
            Resident.full_name == full_name,
            Resident.birth_date == birth_date,
            Resident.id != resident_id,
        )
    ).first()
    if clash:
        raise RegisterError(
            _l("That household already has a resident with this name and birth date.")
        )


# Verification ------------------------------------------------------------------------


def verify_resident(actor, resident, user, *, method=BY_COMMITTEE, note=None, invitation=None):
    """Link ``user``'s account to ``resident``'s entry: the user becomes a verified resident."""
    if user is None:
        raise RegisterError(_l("No account uses this e-mail address."), "email")
    if resident.user_id is not None:
        if resident.user_id == user.id:
            raise RegisterError(_l("This account is already linked to this register entry."))
        raise RegisterError(_l("This register entry is already linked to another account."))
    if resident_of(user) is not None:
        raise RegisterError(
            _l("This account is already linked to another register entry."), "email"
        )
    resident.user = user
    resident.verified_at = utcnow()
    db.session.add(
        VerificationEvent(
            resident=resident,
            user=user,
            action=VERIFY,
            method=method,
            actor=actor,
            invitation_id=invitation.id if invitation is not None else None,
            note=(note or "").strip() or None,
        )
    )
    db.session.flush()
    return resident


def revoke_verification(actor, resident, *, note=None):
    if resident.user_id is None:
        raise RegisterError(_l("This register entry is not linked to an account."))
    db.session.add(
        VerificationEvent(
            resident=resident,
            user_id=resident.user_id,
            action=REVOKE,
            method=BY_COMMITTEE,
            actor=actor,
            note=(note or "").strip() or None,
        )
    )
    resident.user = None
    resident.verified_at = None
    db.session.flush()
    return resident


def verification_history(resident):
    return db.session.scalars(
        select(VerificationEvent)
        .where(VerificationEvent.resident_id == resident.id)
        .options(joinedload(VerificationEvent.user), joinedload(VerificationEvent.actor))
        .order_by(VerificationEvent.at.desc(), VerificationEvent.id.desc())
    ).all()
