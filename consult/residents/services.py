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
from sqlalchemy.orm import joinedload

from consult.core import audit
from consult.core.cache import cached
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.pagination import paginate
from consult.core.services import ServiceError
from consult.extensions import db
from consult.i18n import UI_LOCALES, community_name
from consult.residents.models import (
    BY_COMMITTEE,
    BY_INVITATION,
    REGISTER_VERSION,
    REVOKE,
    VERIFY,
    Building,
    Grid,
    Household,
    Resident,
    VerificationEvent,
    name_key,
)
from consult.residents.permissions import can_edit_resident

ADULT_AGE = 18


audit.describe("resident.updated", _l("Register entry edited"))
audit.describe("resident.moved", _l("Resident moved to another household"))
audit.describe("resident.verified", _l("Resident verified"))
audit.describe("resident.verification_revoked", _l("Verification revoked"))
audit.describe("register.imported", _l("Register imported"))

EDITABLE = (
    "full_name", "latin_name", "gender", "birth_date", "nationality", "languages", "phone",
    "email",
)  # fmt: skip


def community_names():
    """The community's name in each UI language, for messages read in any of them."""
    return {locale: community_name(locale) for locale in UI_LOCALES}


def _ensure(allowed):
    """Services check permission too: a view, a command or a job may call them."""
    if not allowed:
        raise ServiceError(_l("You are not allowed to change the resident register."))


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


def _register_filters(stmt, grid_id, building_id, nationality, verified, q):
    """``stmt`` over residents narrowed by the filters, joining only what they need."""
    q = " ".join((q or "").split())
    if grid_id or building_id or q:
        stmt = stmt.join(Resident.household)
    if grid_id:
        stmt = stmt.join(Household.building).where(Building.grid_id == grid_id)
    if building_id:
        stmt = stmt.where(Household.building_id == building_id)
    if nationality:
        stmt = stmt.where(Resident.nationality == nationality)
    if verified is True:
        stmt = stmt.where(Resident.user_id.is_not(None))
    elif verified is False:
        stmt = stmt.where(Resident.user_id.is_(None))
    if q:
        stmt = stmt.where(
            Resident.name_key.contains(q.casefold(), autoescape=True) | (Household.code == q)
        )
    return stmt


# The register's order. It is exactly the order of the households' code index followed by
# the residents' (household, full name, birth date) index, so a page, even the last, is read
# along the indexes without sorting the whole register.
REGISTER_ORDER = (Household.code, Resident.full_name, Resident.birth_date, Resident.id)


def filtered_register(grid_id=None, building_id=None, nationality=None, verified=None, q=None):
    """The committee's register list: residents matching every filter given, in order."""
    stmt = _register_filters(select(Resident), grid_id, building_id, nationality, verified, q)
    if not (grid_id or building_id or q):
        stmt = stmt.join(Resident.household)
    return stmt.order_by(*REGISTER_ORDER)


def count_register(grid_id=None, building_id=None, nationality=None, verified=None, q=None):
    stmt = select(func.count(Resident.id))
    return db.session.scalar(
        _register_filters(stmt, grid_id, building_id, nationality, verified, q)
    )


def _register_rows(ids):
    """The columns the register list shows, as plain rows (no ORM objects to build)."""
    return db.session.execute(
        select(
            Resident.id,
            Resident.full_name,
            Resident.latin_name,
            Resident.birth_date,
            Resident.nationality,
            Resident.user_id,
            Resident.household_id,
            Household.code.label("household_code"),
            Building.name.label("building"),
            Grid.name.label("grid"),
        )
        .join(Resident.household)
        .join(Household.building)
        .join(Building.grid)
        .where(Resident.id.in_(ids))
    ).all()


def register_page(filters, number, per_page):
    """One page of the register list as a Page of rows: count, then ids, then those rows.

    Three cheap queries: the count, the page's ids along the indexes (REGISTER_ORDER), and
    the shown columns of those 50 residents. Cached until the register changes.
    """
    parts = (tuple(sorted(filters.items())), number, per_page)
    return cached(
        "register.page",
        (REGISTER_VERSION,),
        parts,
        lambda: _register_page(filters, number, per_page),
    )


def _register_page(filters, number, per_page):
    return paginate(
        filtered_register(**filters),
        number,
        per_page,
        id_column=Resident.id,
        load=_register_rows,
        total=count_register(**filters),
    )


def register_filter_choices():
    """What the register's filters offer: grids, buildings and the nationalities present."""
    return cached("register.choices", (REGISTER_VERSION,), (), _register_filter_choices)


def _register_filter_choices():
    return {
        "grids": db.session.execute(select(Grid.id, Grid.name).order_by(Grid.name)).all(),
        "buildings": db.session.execute(
            select(Building.id, Building.name).order_by(Building.name)
        ).all(),
        "nationalities": db.session.scalars(
            select(Resident.nationality).where(Resident.nationality.is_not(None)).distinct()
        ).all(),
    }


# Changing entries --------------------------------------------------------------------


def update_resident(actor, resident, **values):
    """Save edited fields of an entry (already validated by the form)."""
    _ensure(can_edit_resident(actor, resident))
    full_name = values.get("full_name", resident.full_name)
    birth_date = values.get("birth_date", resident.birth_date)
    _check_unique(resident.id, resident.household_id, full_name, birth_date)
    before = audit.snapshot(resident, EDITABLE)
    for key, value in values.items():
        setattr(resident, key, value)
    resident.name_key = name_key(resident.full_name, resident.latin_name)
    changes = audit.changes_since(before, resident)
    if changes:
        audit.record("resident.updated", resident, actor=actor, changes=changes)
    return resident


def move_resident(actor, resident, household):
    _ensure(can_edit_resident(actor, resident))
    if household is None:
        raise ServiceError(_l("There is no household with this household number."), "household")
    if household.id == resident.household_id:
        raise ServiceError(_l("The resident already lives in this household."), "household")
    _check_unique(resident.id, household.id, resident.full_name, resident.birth_date)
    old = resident.household.code
    resident.household = household
    audit.record(
        "resident.moved", resident, actor=actor, changes={"household": (old, household.code)}
    )
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
        raise ServiceError(
            _l("That household already has a resident with this name and birth date.")
        )


# Verification ------------------------------------------------------------------------


def verify_resident(actor, resident, user, *, method=BY_COMMITTEE, note=None, invitation=None):
    """Link ``user``'s account to ``resident``'s entry: the user becomes a verified resident.

    By invitation the resident acts for themselves; otherwise the committee acts.
    """
    _ensure(method == BY_INVITATION or can_edit_resident(actor, resident))
    if user is None:
        raise ServiceError(_l("No account uses this e-mail address."), "email")
    if resident.user_id is not None:
        if resident.user_id == user.id:
            raise ServiceError(_l("This account is already linked to this register entry."))
        raise ServiceError(_l("This register entry is already linked to another account."))
    if resident_of(user) is not None:
        raise ServiceError(_l("This account is already linked to another register entry."), "email")
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
    audit.record(
        "resident.verified",
        resident,
        actor=actor,
        data={"account": user.id, "method": method, "note": (note or "").strip() or None},
        personal={"note"},
    )
    if method == BY_COMMITTEE:
        from consult.residents import VERIFIED

        notify(VERIFIED, [user], path="/register/me", community=community_names())
    return resident


def revoke_verification(actor, resident, *, note=None):
    _ensure(can_edit_resident(actor, resident))
    if resident.user_id is None:
        raise ServiceError(_l("This register entry is not linked to an account."))
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
    account = resident.user
    resident.user = None
    resident.verified_at = None
    db.session.flush()
    audit.record(
        "resident.verification_revoked",
        resident,
        actor=actor,
        data={"account": account.id, "note": (note or "").strip() or None},
        personal={"note"},
    )
    from consult.residents import VERIFICATION_REVOKED

    notify(VERIFICATION_REVOKED, [account], path="/register/me", community=community_names())
    return resident


def verification_history(resident):
    return db.session.scalars(
        select(VerificationEvent)
        .where(VerificationEvent.resident_id == resident.id)
        .options(joinedload(VerificationEvent.user), joinedload(VerificationEvent.actor))
        .order_by(VerificationEvent.at.desc(), VerificationEvent.id.desc())
    ).all()


# More eligibility helpers: one building, and one vote per household cast by any member -----
# (They compose like the helpers above.)


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
