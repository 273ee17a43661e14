"""Invitation codes: signed, expiring, single-use links printed as QR codes on letters.

The token carries only the invitation's id, signed with its own salt; the row says for
whom it is, until when it is good and whether it has been used. Redeeming it links the
visitor's account to their register entry: they become a verified resident.
"""

import base64
import io
import secrets
from datetime import timedelta

import qrcode
import qrcode.image.svg
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.models import utcnow
from consult.core.services import ServiceError
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.residents.models import BY_INVITATION, Household, Invitation, Resident
from consult.residents.services import resident_of, verify_resident
from consult.tokens import INVITATION, TokenExpired, TokenInvalid, dump_token, load_token

MAX_DAYS = 365
DEFAULT_DAYS = 60

INVALID = _l("This invitation code is not valid. Check that the whole link was copied, or ask the residents' committee for a new letter.")  # fmt: skip
EXPIRED = _l("This invitation code has expired. Ask the residents' committee for a new letter.")
USED = _l("This invitation code has already been used. If that was not you, tell the residents' committee.")  # fmt: skip


audit.describe("invitations.created", _l("Invitation letters made"))
audit.describe("invitation.redeemed", _l("Invitation code used"))


class InvitationProblem(ServiceError):
    """The invitation cannot be used; ``kind`` is invalid, expired or used."""

    def __init__(self, kind):
        super().__init__({"invalid": INVALID, "expired": EXPIRED, "used": USED}[kind])
        self.kind = kind


def create_invitations(actor, *, households=(), residents=(), days=DEFAULT_DAYS):
    """One invitation per household and per resident given; returns their batch name."""
    days = max(1, min(int(days), MAX_DAYS))
    batch = secrets.token_hex(8)
    expires_at = utcnow() + timedelta(days=days)
    rows = [{"household_id": h.id} for h in households] + [{"resident_id": r.id} for r in residents]
    for row in rows:
        db.session.add(Invitation(batch=batch, expires_at=expires_at, created_by=actor, **row))
    db.session.flush()
    audit.record(
        "invitations.created",
        actor=actor,
        object_type="invitation_batch",
        data={
            "batch": batch,
            "households": len(households),
            "residents": len(residents),
            "days": days,
        },
    )
    return batch


def invitation_token(invitation):
    return dump_token(INVITATION, {"i": invitation.id})


def invitation_url(invitation):
    return external_url_for("residents.invitation", token=invitation_token(invitation))


def qr_data_uri(text):
    """A QR code for ``text`` as an SVG data: URI (the CSP allows img-src data:)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def invitation_for_token(token):
    """The invitation a token names, or InvitationProblem saying why it cannot be used."""
    try:
        payload = load_token(INVITATION, token, max_age=(MAX_DAYS + 1) * 86400)
    except TokenExpired:
        raise InvitationProblem("expired") from None
    except TokenInvalid:
        raise InvitationProblem("invalid") from None
    invitation_id = payload.get("i") if isinstance(payload, dict) else None
    invitation = (
        db.session.get(Invitation, invitation_id) if isinstance(invitation_id, int) else None
    )
    if invitation is None:
        raise InvitationProblem("invalid")
    if invitation.used_at is not None:
        raise InvitationProblem("used")
    if invitation.expires_at <= utcnow():
        raise InvitationProblem("expired")
    return invitation


def candidates(invitation):
    """The register entries a visitor may claim with this invitation (not linked yet)."""
    people = [invitation.resident] if invitation.resident_id else invitation.household.residents
    return [person for person in people if person.user_id is None]


def redeem_invitation(invitation, user, resident_id=None):
    """Link ``user`` to the chosen register entry and use the invitation up."""
    existing = resident_of(user)
    if existing is not None:
        raise ServiceError(_l("Your account is already linked to an entry in the resident register."))  # fmt: skip
    choices = {person.id: person for person in candidates(invitation)}
    if invitation.resident_id and resident_id is None:
        resident_id = invitation.resident_id
    resident = choices.get(resident_id)
    if resident is None:
        raise ServiceError(_l("Choose your name from the list."), "resident")
    # Single use, even when two people press the button at the same moment.
    used = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.used_at.is_(None))
        .values(used_at=utcnow(), used_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:
        raise InvitationProblem("used")
    db.session.expire(invitation)
    audit.record("invitation.redeemed", invitation, actor=user)
    return verify_resident(user, resident, user, method=BY_INVITATION, invitation=invitation)


def batch_invitations(batch):
    return db.session.scalars(
        select(Invitation)
        .where(Invitation.batch == batch)
        .options(
            selectinload(Invitation.household).selectinload(Household.residents),
            selectinload(Invitation.household).selectinload(Household.building),
            selectinload(Invitation.resident)
            .selectinload(Resident.household)
            .selectinload(Household.building),
        )
        .order_by(Invitation.id)
    ).all()


def batch_or_none(batch):
    """The invitations of a batch, or None when there is no such batch."""
    return batch_invitations(batch) or None


def invitations_for_household(household):
    resident_ids = [r.id for r in household.residents]
    return db.session.scalars(
        select(Invitation)
        .where((Invitation.household_id == household.id) | Invitation.resident_id.in_(resident_ids))
        .options(selectinload(Invitation.used_by), selectinload(Invitation.resident))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    ).all()
