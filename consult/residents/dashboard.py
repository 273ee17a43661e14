"""The register's tiles on each role's home page (the dashboard hook).

The committee: residents verified and not, letters made and redeemed, recent imports.
Everyone else: the next step to becoming a verified resident, with the invitation-code box.
"""

from flask import url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import Tile
from consult.core.models import utcnow
from consult.extensions import db
from consult.residents.models import ImportJob, ImportStatus, Invitation, Resident
from consult.residents.permissions import can_manage_register
from consult.residents.services import resident_of

RECENT_IMPORTS = 3


def tiles(user):
    if can_manage_register(user):
        return committee_tiles()
    return resident_tiles(user)


def committee_tiles():
    verified, total = db.session.execute(
        select(func.count(Resident.user_id), func.count(Resident.id)).where(
            Resident.moved_out_on.is_(None)  # those who moved out are not counted
        )
    ).one()
    now = utcnow()
    made, redeemed, live = db.session.execute(
        select(
            func.count(Invitation.id),
            func.count(Invitation.used_at),
            func.count(Invitation.id).filter(
                Invitation.used_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > now,
            ),
        )
    ).one()
    found = [
        Tile(
            _l("Verified residents"),
            value=verified,
            url=url_for("residents.register", verified="yes"),
        ),
        Tile(
            _l("Residents not verified yet"),
            value=total - verified,
            url=url_for("residents.register", verified="no"),
        ),
        Tile(
            _l("Invitation letters made"),
            value=made,
            text=_l("%(count)s not used yet", count=live),
            url=url_for("residents.register", verified="no"),
        ),
        Tile(_l("Invitation letters redeemed"), value=redeemed),
    ]
    jobs = db.session.scalars(
        select(ImportJob)
        .order_by(ImportJob.created_at.desc(), ImportJob.id.desc())
        .limit(RECENT_IMPORTS)
    ).all()
    for job in jobs:
        status = ImportStatus(job.status)
        found.append(
            Tile(
                _l("Import: %(name)s", name=job.filename),
                text=f"{status.label} · {format_date(job.created_at)}",
                url=url_for("residents.import_job", job_id=job.id),
                urgent=status in (ImportStatus.FAILED, ImportStatus.CONFIRMING),
            )
        )
    if not jobs and not total:
        found.append(
            Tile(
                _l("The register is empty"),
                text=_l("Import the committee's CSV file to fill it."),
                url=url_for("residents.import_register"),
                urgent=True,
            )
        )
    return found


def resident_tiles(user):
    from consult.residents.forms import CodeForm

    if user.is_authenticated:
        resident = resident_of(user)
        if resident is not None:
            return [
                Tile(
                    _l("You are a verified resident"),
                    text=_l("Household %(code)s", code=resident.household.code),
                    url=url_for("residents.my_entry"),
                )
            ]
        text = _l("Type the invitation code from the residents' committee's letter, or scan its QR code. No letter? Ask the committee office.")  # fmt: skip
    else:
        text = _l("Have a letter from the residents' committee? Type its invitation code to become a verified resident: you will then sign up or sign in.")  # fmt: skip
    return [
        Tile(
            _l("Become a verified resident"),
            text=text,
            template="residents/_code_tile.html",
            context={"form": CodeForm(), "contact": user.is_authenticated},
            urgent=user.is_authenticated,
        )
    ]
