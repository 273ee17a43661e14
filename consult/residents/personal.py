"""What the register holds about one person, and what happens to it when their account is
deleted (the personal-data hooks, consult.core.domain), and a resident correcting their
own contact details."""

from flask_babel import lazy_gettext as _l

from consult.core import audit
from consult.core.domain import PersonalTable
from consult.core.services import ServiceError
from consult.extensions import db
from consult.residents.models import (
    BY_COMMITTEE,
    REVOKE,
    Gender,
    VerificationAction,
    VerificationEvent,
    VerificationMethod,
)
from consult.residents.permissions import can_correct_own_contact
from consult.residents.places import name_of
from consult.residents.reference import country_name
from consult.residents.services import resident_of, verification_history

audit.describe("resident.contact_corrected", _l("Contact details corrected by the resident"))
audit.describe("resident.unlinked_account_deleted", _l("Register entry unlinked: account deleted"))

ENTRY_COLUMNS = (
    ("full_name", _l("Full name")),
    ("latin_name", _l("Name in Latin letters")),
    ("gender", _l("Gender")),
    ("birth_date", _l("Birth date")),
    ("nationality", _l("Nationality")),
    ("languages", _l("Languages spoken")),
    ("phone", _l("Phone")),
    ("email", _l("E-mail address")),
    ("household_code", _l("Household number")),
    ("building", _l("Building")),
    ("unit", _l("Unit")),
    ("room", _l("Room")),
    ("grid", _l("Grid")),
    ("verified_at", _l("Verified resident since")),
    ("moved_out_on", _l("Moved out on")),
    ("moved_out_reason", _l("Reason")),
)
HISTORY_COLUMNS = (
    ("at", _l("When")),
    ("action", _l("What")),
    ("method", _l("How")),
    ("note", _l("Note or reason")),
)


def personal_data(user):
    """The register entry linked to ``user`` (every field, household), its verification
    history; nothing when the account is not linked."""
    resident = resident_of(user)
    if resident is None:
        return []
    household = resident.household
    gender = Gender.parse(resident.gender) if resident.gender else None
    entry = (
        resident.full_name,
        resident.latin_name,
        gender.label if gender else None,
        resident.birth_date,
        f"{country_name(resident.nationality)} ({resident.nationality})"
        if resident.nationality
        else None,
        resident.languages,
        resident.phone,
        resident.email,
        household.code,
        name_of(household.building),
        household.unit,
        household.room,
        name_of(household.building.grid),
        resident.verified_at,
        resident.moved_out_on,
        resident.moved_out_reason,
    )
    history = [
        (
            event.at,
            VerificationAction(event.action).label,
            VerificationMethod(event.method).label,
            event.note,
        )
        for event in verification_history(resident)
        if event.user_id == user.id  # events about another account are not theirs
    ]
    return [
        PersonalTable(
            "register_entry",
            _l("Your register entry"),
            ENTRY_COLUMNS,
            [entry],
            _l("What the residents' committee keeps about you in the resident register."),
            subject=("resident", resident.id),
        ),
        PersonalTable(
            "verification_history",
            _l("Verification history"),
            HISTORY_COLUMNS,
            history,
            _l("When your account was linked to your register entry, or unlinked, and how."),
        ),
    ]


def forget_user(user, actor):
    """The account is being deleted: its register entry stays (it is the committee's), but
    is no longer linked to it; the history records the unlinking."""
    resident = resident_of(user)
    if resident is None:
        return
    db.session.add(
        VerificationEvent(
            resident=resident, user_id=user.id, action=REVOKE, method=BY_COMMITTEE, actor=actor
        )
    )
    resident.user = None
    resident.verified_at = None
    db.session.flush()
    audit.record("resident.unlinked_account_deleted", resident, actor=actor, data={"account": user.id})  # fmt: skip


def correct_contact_details(actor, resident, *, phone, email):
    """A resident corrects the phone and e-mail of their own register entry."""
    if not can_correct_own_contact(actor, resident):
        raise ServiceError(_l("You may correct only your own register entry."))
    before = audit.snapshot(resident, ("phone", "email"))
    resident.phone = phone
    resident.email = email
    changes = audit.changes_since(before, resident)
    if changes:
        audit.record("resident.contact_corrected", resident, actor=actor, changes=changes)
    return resident
