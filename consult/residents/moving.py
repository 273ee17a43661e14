"""Residents who move out of the community (迁出).

The committee marks a resident as moved out (a date and a reason), by hand or by importing
a full register file without them. A moved-out resident leaves the register's default list,
eligibility (consult.residents.eligibility) and urgent-message audiences, but their entry
is kept, unchanged, for the retention the committee sets (``retention_months``, three years
by default). Then the daily job ``residents.purge_moved_out`` purges it: the personal
fields are blanked, the account is unlinked, notes in its verification history are
removed and so are the personal values kept beside the audit chain
(``purge_subject("resident", id)``; the chain still verifies). What stays is a tombstone:
the row, its household, the dates it moved out and was purged, so that voter lists and
histories that point at it still hold together.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from consult.core import audit
from consult.core.models import utcnow
from consult.core.services import ServiceError
from consult.extensions import db
from consult.residents.models import (
    DEFAULT_RETENTION_MONTHS,
    InvitationRevocation,
    RegisterSettings,
    Resident,
    VerificationEvent,
)
from consult.residents.permissions import can_edit_resident, can_manage_register
from consult.residents.rules import community_today

audit.describe("resident.moved_out", _l("Resident marked as moved out"))
audit.describe("resident.move_out_cancelled", _l("Move-out cancelled"))
audit.describe("resident.purged", _l("Moved-out resident's personal data removed"))
audit.describe("register.retention_changed", _l("Retention for moved-out residents changed"))

MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS = 1, 240
# What a purged entry keeps of each personal field.
PURGED_VALUES = {
    "full_name": "",
    "latin_name": None,
    "name_key": "",
    "gender": None,
    "birth_date": None,
    "nationality": None,
    "languages": None,
    "phone": None,
    "email": None,
    "moved_out_reason": None,
}


def _ensure(allowed):
    if not allowed:
        raise ServiceError(_l("You are not allowed to change the resident register."))


def _may_edit(actor, resident):
    # No actor: the command line (`residents import --full`), which is the operator's.
    return actor is None or can_edit_resident(actor, resident)


# The retention setting -----------------------------------------------------------------


def retention_months():
    """How many months a moved-out resident's entry is kept before it is purged."""
    settings = db.session.get(RegisterSettings, 1)
    return settings.moved_out_retention_months if settings else DEFAULT_RETENTION_MONTHS


def set_retention(actor, months):
    _ensure(can_manage_register(actor))
    if not isinstance(months, int) or not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise ServiceError(
            _l(
                "Enter a number of months from %(min)d to %(max)d.",
                min=MIN_RETENTION_MONTHS,
                max=MAX_RETENTION_MONTHS,
            ),
            "months",
        )
    settings = db.session.get(RegisterSettings, 1)
    if settings is None:
        settings = RegisterSettings(id=1)
        db.session.add(settings)
    before = retention_months()
    settings.moved_out_retention_months = months
    settings.updated_at = utcnow()
    settings.updated_by_id = actor.id
    if months != before:
        audit.record(
            "register.retention_changed",
            actor=actor,
            object_type="register_settings",
            object_id=1,
            changes={"moved_out_retention_months": (before, months)},
        )
    return settings


def add_months(day, months):
    """``day`` moved by ``months`` (negative: back); the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover (28 exists in every month)


def purge_due_on(resident, months=None):
    """The date a moved-out resident's personal data is purged (None if they live here)."""
    if resident.moved_out_on is None:
        return None
    return add_months(resident.moved_out_on, retention_months() if months is None else months)


# Marking and cancelling ----------------------------------------------------------------


def mark_moved_out(actor, resident, *, on, reason=None, import_job=None):
    """Mark ``resident`` as moved out on ``on`` (a date, not in the future)."""
    _ensure(_may_edit(actor, resident))
    if resident.is_moved_out:
        raise ServiceError(_l("This resident is already marked as moved out."))
    if on is None:
        raise ServiceError(_l("Enter the date they moved out."), "moved_out_on")
    if on > community_today():
        raise ServiceError(_l("The date they moved out cannot be in the future."), "moved_out_on")
    before = audit.snapshot(resident, ("moved_out_on", "moved_out_reason"))
    resident.moved_out_on = on
    resident.moved_out_reason = " ".join((reason or "").split()) or None
    resident.moved_out_import_id = import_job.id if import_job is not None else None
    _revoke_letters(actor, resident)
    audit.record(
        "resident.moved_out",
        resident,
        actor=actor,
        changes=audit.changes_since(before, resident),
        data={"import": import_job.id} if import_job is not None else None,
    )
    return resident


def _revoke_letters(actor, resident):
    """A letter made for this resident alone stops working (the household's stay)."""
    from consult.residents.invitations import _revoke, live_invitations

    for invitation in live_invitations(residents=[resident]):
        _revoke(invitation, actor, InvitationRevocation.REVOKED)


def cancel_moved_out(actor, resident):
    """Undo a move-out (a mistake, or they came back) while the entry is not purged yet."""
    _ensure(can_edit_resident(actor, resident))
    if not resident.is_moved_out:
        raise ServiceError(_l("This resident is not marked as moved out."))
    if resident.is_purged:
        raise ServiceError(_l("This entry's personal data has been removed: it cannot return."))
    before = audit.snapshot(resident, ("moved_out_on", "moved_out_reason"))
    resident.moved_out_on = None
    resident.moved_out_reason = None
    resident.moved_out_import_id = None
    audit.record(
        "resident.move_out_cancelled",
        resident,
        actor=actor,
        changes=audit.changes_since(before, resident),
    )
    return resident


# The purge -----------------------------------------------------------------------------


def due_for_purge(today=None, months=None):
    """Moved-out residents whose retention has ended by ``today`` and who are not purged."""
    today = today or community_today()
    months = retention_months() if months is None else months
    cutoff = add_months(today, -months)
    return select(Resident).where(
        Resident.moved_out_on.is_not(None),
        Resident.moved_out_on <= cutoff,
        Resident.purged_at.is_(None),
    )


def purge_moved_out(today=None):
    """Purge every moved-out resident whose retention has ended (the daily job's work).

    ``today`` (the community's date) is a parameter so that tests can move time.
    Returns how many entries were purged.
    """
    months = retention_months()
    residents = db.session.scalars(due_for_purge(today, months).order_by(Resident.id)).all()
    for resident in residents:
        purge_resident(resident, months)
    return len(residents)


def purge_resident(resident, months):
    """Blank one moved-out resident's personal data, leaving a tombstone."""
    account_id = resident.user_id
    for field, value in PURGED_VALUES.items():
        setattr(resident, field, value)
    resident.user_id = None
    resident.verified_at = None
    resident.purged_at = utcnow()
    db.session.execute(
        update(VerificationEvent)
        .where(VerificationEvent.resident_id == resident.id)
        .values(note=None)
        .execution_options(synchronize_session=False)
    )
    db.session.flush()
    values = audit.purge_subject("resident", resident.id)
    audit.record(
        "resident.purged",
        object_type="resident",
        object_id=resident.id,
        data={
            "moved_out_on": resident.moved_out_on,
            "retention_months": months,
            "account_unlinked": account_id is not None,
            "values_purged": values,
        },
    )
    return resident
