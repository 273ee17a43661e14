"""Register rules: searching, editing, moving, verifying, and who is eligible to vote.

Functions take the acting user explicitly, change the session and leave the commit to
the caller (one transaction per request).

The eligibility helpers polls and elections use live in consult.residents.eligibility and
are importable from here too (``from consult.residents.services import adults_on``).
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
from consult.residents.eligibility import (  # noqa: F401  (the helpers' documented home)
    ADULT_AGE,
    adult_cutoff,
    adults_on,
    count_households,
    households_in,
    in_building,
    in_grid,
    is_eligible,
    one_per_household,
    register_query,
    verified_residents,
)
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
from consult.residents.permissions import can_edit_resident, can_manage_register
from consult.residents.places import name_field, sort_places
from consult.residents.rules import birth_date_in_future

audit.describe("resident.updated", _l("Register entry edited"))
audit.describe("resident.moved", _l("Resident moved to another household"))
audit.describe("resident.verified", _l("Resident verified"))
audit.describe("resident.verification_revoked", _l("Verification revoked"))
audit.describe("register.imported", _l("Register imported"))
audit.describe("register.place_updated", _l("Grid or building renamed"))

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


# Looking things up -------------------------------------------------------------------


def resident_of(user):
    """The register entry linked to ``user``, or None."""
    if user is None or not user.is_authenticated:
        return None
    return db.session.execute(select(Resident).filter_by(user_id=user.id)).scalar_one_or_none()


def find_household(code):
    code = (code or "").strip()
    return db.session.execute(select(Household).filter_by(code=code)).scalar_one_or_none()


# Whom the register list shows: residents living here (the default), those who moved out
# (迁出), or both.
CURRENT, MOVED_OUT, EVERYONE = "current", "moved_out", "all"
STATUSES = (CURRENT, MOVED_OUT, EVERYONE)


def _register_filters(stmt, grid_id, building_id, nationality, verified, q, status=CURRENT):
    """``stmt`` over residents narrowed by the filters, joining only what they need."""
    q = " ".join((q or "").split())
    if status == MOVED_OUT:
        stmt = stmt.where(Resident.moved_out_on.is_not(None))
    elif status != EVERYONE:
        stmt = stmt.where(Resident.moved_out_on.is_(None))
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


def filtered_register(
    grid_id=None, building_id=None, nationality=None, verified=None, q=None, status=CURRENT
):
    """The committee's register list: residents matching every filter given, in order."""
    stmt = _register_filters(
        select(Resident), grid_id, building_id, nationality, verified, q, status
    )
    if not (grid_id or building_id or q):
        stmt = stmt.join(Resident.household)
    return stmt.order_by(*REGISTER_ORDER)


def count_register(
    grid_id=None, building_id=None, nationality=None, verified=None, q=None, status=CURRENT
):
    stmt = select(func.count(Resident.id))
    return db.session.scalar(
        _register_filters(stmt, grid_id, building_id, nationality, verified, q, status)
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
            Resident.moved_out_on,
            Resident.purged_at,
            Household.code.label("household_code"),
            Building.name.label("building"),
            Building.names.label("building_names"),
            Grid.name.label("grid"),
            Grid.names.label("grid_names"),
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
    """Grids and buildings in the order people count them (or the committee set)."""
    places = (Grid.id, Grid.name, Grid.names, Grid.position)
    return {
        "grids": sort_places(db.session.execute(select(*places)).all()),
        "buildings": sort_places(
            db.session.execute(
                select(Building.id, Building.name, Building.names, Building.position)
            ).all()
        ),
        "nationalities": db.session.scalars(
            select(Resident.nationality).where(Resident.nationality.is_not(None)).distinct()
        ).all(),
    }


# Grids and buildings ---------------------------------------------------------------


def update_place(actor, place, *, names, position=None):
    """Set a Grid's or Building's name per content language (blank: the register file's
    name shows) and its position in lists (None: sorted by name)."""
    _ensure(can_manage_register(actor))
    kept = {tag: " ".join(str(value).split()) for tag, value in names.items() if value}
    kept = {tag: value for tag, value in kept.items() if value}
    model = type(place)
    others = db.session.execute(select(model.names).where(model.id != place.id)).scalars()
    for other in others:
        for tag, value in kept.items():
            if (other or {}).get(tag, "").casefold() == value.casefold():
                raise ServiceError(_l("Another place already has this name."), name_field(tag))
    before = audit.snapshot(place, ("names", "position"))
    place.names = kept
    place.position = position
    changes = audit.changes_since(before, place)
    if changes:
        audit.record("register.place_updated", place, actor=actor, changes=changes)
    return place


# Changing entries --------------------------------------------------------------------


def update_resident(actor, resident, **values):
    """Save edited fields of an entry (already validated by the form)."""
    _ensure(can_edit_resident(actor, resident))
    full_name = values.get("full_name", resident.full_name)
    birth_date = values.get("birth_date", resident.birth_date)
    if birth_date_in_future(birth_date):
        raise ServiceError(_l("The birth date cannot be in the future."), "birth_date")
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
    if resident.is_moved_out:
        raise ServiceError(_l("This resident has moved out: their entry is not verified."))
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


def revoke_verification(actor, resident, *, note):
    """Unlink the account from the entry; the reason is required and kept in the history."""
    _ensure(can_edit_resident(actor, resident))
    if resident.user_id is None:
        raise ServiceError(_l("This register entry is not linked to an account."))
    if not (note or "").strip():
        raise ServiceError(_l("Give the reason for revoking the verification."), "note")
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
