"""Who lives where and how to reach them, for urgent messages and text messages
(the notifications' audience hook)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.domain import Contact
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, normalize_locale
from consult.residents.eligibility import current_residents
from consult.residents.models import Building, Grid, Household, Resident
from consult.residents.services import resident_of


def reading_locale(resident, user=None):
    """The UI language someone reads best: their account's, else the first of the
    languages in the register that the interface speaks (ko;zh reads Chinese)."""
    if user is not None and user.preferred_locale:
        return user.preferred_locale
    for tag in resident.language_list:
        locale = normalize_locale(tag)
        if locale:
            return locale
    return DEFAULT_LOCALE


def contacts_in_scope(scope, scope_id=None):
    """Everyone in the register living in the scope, one contact per person (those who
    moved out live elsewhere now: they are left out)."""
    stmt = current_residents(select(Resident).options(selectinload(Resident.user)))
    if scope == "grid":
        stmt = (
            stmt.join(Resident.household)
            .join(Household.building)
            .where(Building.grid_id == scope_id)
        )
    elif scope == "building":
        stmt = stmt.join(Resident.household).where(Household.building_id == scope_id)
    contacts = []
    for resident in db.session.scalars(stmt.order_by(Resident.id)):
        user = resident.user
        contacts.append(
            Contact(
                name=resident.full_name,
                locale=reading_locale(resident, user),
                user_id=user.id if user else None,
                email=(user.email if user else None) or resident.email,
                phone=resident.phone,
            )
        )
    return contacts


def phone_of(user):
    resident = resident_of(user)
    return resident.phone if resident is not None else None


def scope_choices():
    choices = [("community", _l("Everyone in the community"))]
    for grid in db.session.scalars(select(Grid).order_by(Grid.name)):
        choices.append((f"grid:{grid.id}", _l("Grid %(name)s", name=grid.name)))
    for building in db.session.scalars(select(Building).order_by(Building.name)):
        choices.append((f"building:{building.id}", _l("Building %(name)s", name=building.name)))
    return choices
