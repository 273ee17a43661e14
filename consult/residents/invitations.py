"""Invitation codes: signed, expiring, single-use links printed as QR codes on letters,
with a short code (``K7QM-4TZP``) beside them for typing at /invitation.

The token carries only the invitation's id, signed with its own salt; the row says for
whom it is, until when it is good and whether it has been used or revoked. Redeeming it
links the visitor's account to their register entry: they become a verified resident.
A new letter for a household or a resident replaces (revokes) the live one before it.
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
from consult.residents import shortcodes
from consult.residents.models import (
    BY_INVITATION,
    Household,
    Invitation,
    InvitationRevocation,
    Resident,
)
from consult.residents.permissions import can_manage_register
from consult.residents.services import resident_of, verify_resident
from consult.tokens import INVITATION, TokenExpired, TokenInvalid, dump_token, load_token

MAX_DAYS = 365
DEFAULT_DAYS = 60

INVALID = _l("This invitation code is not valid. Check that the whole link was copied, or ask the residents' committee for a new letter.")  # fmt: skip
EXPIRED = _l("This invitation code has expired. Ask the residents' committee for a new letter.")
USED = _l("This invitation code has already been used. If that was not you, tell the residents' committee.")  # fmt: skip
REVOKED = _l("This invitation code has been revoked: a newer letter replaces it, or the letter was reported lost. Ask the residents' committee if you have no other letter.")  # fmt: skip
NOT_A_CODE = _l("This is not an invitation code. It has 8 letters and digits, like K7QM-4TZP: check what you typed.")  # fmt: skip
UNKNOWN_CODE = _l("No letter has this invitation code. Check what you typed (letters and digits only, no O, I or L), or ask the residents' committee.")  # fmt: skip
PROBLEMS = {"invalid": INVALID, "expired": EXPIRED, "used": USED, "revoked": REVOKED}


audit.describe("invitations.created", _l("Invitation letters made"))
audit.describe("invitation.redeemed", _l("Invitation code used"))
audit.describe("invitation.revoked", _l("Invitation letter revoked"))


class InvitationProblem(ServiceError):
    """The invitation cannot be used; ``kind`` is invalid, expired, used or revoked."""

    def __init__(self, kind, field=None):
        super().__init__(PROBLEMS[kind], field)
        self.kind = kind


def _live(stmt, now):
    return stmt.where(
        Invitation.used_at.is_(None), Invitation.revoked_at.is_(None), Invitation.expires_at > now
    )


def live_invitations(*, households=(), residents=()):
    """The live invitations a new letter for these households and residents would replace."""
    household_ids = [h.id for h in households]
    resident_ids = [r.id for r in residents]
    targets = Invitation.household_id.in_(household_ids) | Invitation.resident_id.in_(resident_ids)
    return db.session.scalars(_live(select(Invitation).where(targets), utcnow())).all()


def _new_codes(count):
    """(nonce, digest) pairs whose digests no invitation holds yet (a clash is ~1 in 10⁹)."""
    pairs = {}
    while len(pairs) < count:
        for _ in range(count - len(pairs)):
            nonce = shortcodes.new_nonce()
            pairs.setdefault(shortcodes.digest(shortcodes.code_for(nonce)), nonce)
        taken = db.session.scalars(
            select(Invitation.code_digest).where(Invitation.code_digest.in_(list(pairs)))
        ).all()
        for digest in taken:
            del pairs[digest]
    return [(nonce, digest) for digest, nonce in pairs.items()]


def create_invitations(actor, *, households=(), residents=(), days=DEFAULT_DAYS):
    """One invitation per household and per resident given; returns their batch name.

    Each replaces the live invitation its household or resident had: only the newest
    letter works.
    """
    if not can_manage_register(actor):
        raise ServiceError(_l("You are not allowed to change the resident register."))
    if any(resident.is_moved_out for resident in residents):
        raise ServiceError(_l("This resident has moved out: no invitation letter is made."))
    days = max(1, min(int(days), MAX_DAYS))
    now = utcnow()
    replaced = 0
    for old in live_invitations(households=households, residents=residents):
        _revoke(old, actor, InvitationRevocation.REPLACED, now)
        replaced += 1
    batch = secrets.token_hex(8)
    expires_at = now + timedelta(days=days)
    rows = [{"household_id": h.id} for h in households] + [{"resident_id": r.id} for r in residents]
    for row, (nonce, digest) in zip(rows, _new_codes(len(rows)), strict=True):
        invitation = Invitation(
            batch=batch, expires_at=expires_at, created_by=actor, created_at=now, **row
        )
        invitation.code_nonce, invitation.code_digest = nonce, digest
        db.session.add(invitation)
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
            "replaced": replaced,
        },
    )
    return batch


def _revoke(invitation, actor, because, now=None):
    invitation.revoked_at = now or utcnow()
    invitation.revoked_by = actor
    invitation.revoked_because = because


def revoke_invitation(actor, invitation):
    """Stop a letter's codes from working (a lost letter); a used one stays as it is."""
    if not can_manage_register(actor):
        raise ServiceError(_l("You are not allowed to change the resident register."))
    if invitation.used_at is not None:
        raise ServiceError(_l("This invitation code has already been used; there is nothing to revoke. To unlink the account, revoke the verification instead."))  # fmt: skip
    if invitation.revoked_at is not None:
        raise ServiceError(_l("This invitation code has already been revoked."))
    _revoke(invitation, actor, InvitationRevocation.REVOKED)
    db.session.flush()
    audit.record("invitation.revoked", invitation, actor=actor)
    return invitation


def short_code(invitation):
    """The short code printed on the letter, or None for a letter made before short codes."""
    return shortcodes.code_for(invitation.code_nonce) if invitation.code_nonce else None


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
    return _usable(invitation)


def _usable(invitation, field=None):
    if invitation.used_at is not None:
        raise InvitationProblem("used", field)
    if invitation.revoked_at is not None:
        raise InvitationProblem("revoked", field)
    if invitation.expires_at <= utcnow():
        raise InvitationProblem("expired", field)
    return invitation


def invitation_for_code(text):
    """The invitation whose short code ``text`` is (as typed), or InvitationProblem saying
    why not, on the form's ``code`` field."""
    digest = shortcodes.digest(text)
    if digest is None:
        raise ServiceError(NOT_A_CODE, "code")
    invitation = db.session.scalars(
        select(Invitation).where(Invitation.code_digest == digest)
    ).one_or_none()
    if invitation is None:
        raise ServiceError(UNKNOWN_CODE, "code")
    return _usable(invitation, "code")


def candidates(invitation):
    """The register entries a visitor may claim with this invitation (not linked yet)."""
    people = [invitation.resident] if invitation.resident_id else invitation.household.residents
    return [person for person in people if person.user_id is None and not person.is_moved_out]


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
        .where(
            Invitation.id == invitation.id,
            Invitation.used_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
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
        .options(
            selectinload(Invitation.used_by),
            selectinload(Invitation.resident),
            selectinload(Invitation.revoked_by),
        )
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    ).all()
