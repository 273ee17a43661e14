"""Who is eligible to vote: helpers polls and elections compose.

Each takes an optional ``select(Resident)`` statement and returns it narrowed, so they
compose in any order without duplicate joins (they filter through subqueries)::

    stmt = one_per_household(adults_on(poll_date, in_grid(grid, verified_residents())))
    voters = db.session.scalars(stmt).all()
    allowed = is_eligible(user, stmt)

- ``verified_residents(stmt)``: residents whose entry is linked to an account.
- ``adults_on(day, stmt)``: 18 or over on ``day``; an unknown birth date is not an adult.
- ``in_grid(grid, stmt)``: living in a building of ``grid`` (a Grid, its id or its name).
- ``in_building(building, stmt)``: living in ``building`` (a Building or its id).
- ``households_in(stmt)`` / ``count_households(stmt)``: the households of those residents
  (one vote per household that any eligible member may cast).
- ``one_per_household(stmt)``: of the residents ``stmt`` selects, one per household: the
  one registered first (lowest id). Apply it last, after the other filters.
- ``is_eligible(user, stmt)``: whether ``user``'s register entry is among ``stmt``'s.

Residents who moved out (迁出) are never eligible: ``register_query()`` leaves them out,
and every helper leaves them out again of a statement it is given, so a caller that starts
from its own ``select(Resident)`` cannot bring them back.
"""

from sqlalchemy import func, select

from consult.extensions import db
from consult.residents.models import Building, Grid, Household, Resident

ADULT_AGE = 18


def current_residents(stmt=None):
    """``stmt`` (default: every resident) without those who moved out."""
    stmt = stmt if stmt is not None else select(Resident)
    return stmt.where(Resident.moved_out_on.is_(None))


def register_query():
    return current_residents()


def verified_residents(stmt=None):
    return current_residents(stmt).where(Resident.user_id.is_not(None))


def adult_cutoff(day):
    """The latest birth date of someone who is ADULT_AGE or over on ``day``."""
    try:
        return day.replace(year=day.year - ADULT_AGE)
    except ValueError:  # 29 February: an adult from 1 March on (28 February is earlier)
        return day.replace(year=day.year - ADULT_AGE, day=28)


def adults_on(day, stmt=None):
    born = Resident.birth_date
    return current_residents(stmt).where(born.is_not(None), born <= adult_cutoff(day))


def _grid_id(grid):
    if isinstance(grid, Grid):
        return grid.id
    if isinstance(grid, int):
        return grid
    return select(Grid.id).where(Grid.name == grid).scalar_subquery()


def in_grid(grid, stmt=None):
    stmt = current_residents(stmt)
    households = select(Household.id).join(Building).where(Building.grid_id == _grid_id(grid))
    return stmt.where(Resident.household_id.in_(households))


def one_per_household(stmt=None):
    inner = current_residents(stmt).subquery()
    firsts = select(func.min(inner.c.id)).group_by(inner.c.household_id)
    return register_query().where(Resident.id.in_(firsts))


def is_eligible(user, stmt):
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    mine = current_residents(stmt).where(Resident.user_id == user.id).limit(1)
    return db.session.execute(mine).first() is not None


def in_building(building, stmt=None):
    """Residents living in ``building`` (a Building or its id)."""
    stmt = stmt if stmt is not None else register_query()
    building_id = building.id if isinstance(building, Building) else building
    households = select(Household.id).where(Household.building_id == building_id)
    return stmt.where(Resident.household_id.in_(households))


def households_in(stmt=None):
    """The households of the residents ``stmt`` selects, each once (a select of their ids).

    For one vote per household that any eligible member may cast: keep every eligible
    member (``is_eligible`` asks about the person), count ``households_in(stmt)`` for the
    electorate, and let the poll take the first ballot cast for each household.
    """
    stmt = stmt if stmt is not None else register_query()
    inner = stmt.subquery()
    return select(inner.c.household_id).distinct()


def count_households(stmt=None):
    """How many households ``stmt``'s residents live in."""
    inner = households_in(stmt).subquery()
    return db.session.scalar(select(func.count()).select_from(inner))
