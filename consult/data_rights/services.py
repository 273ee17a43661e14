"""Deleting an account: the person asks, the committee confirms (or refuses, saying why).

What deletion does, in one transaction (``delete_account``):

1. each domain's ``forget_user(user, actor)`` hook runs, later domains first (they build
   on earlier ones): the register unlinks the entry, the core drops the inbox and
   notification settings, accounts end every session and drop the recovery codes; a later
   domain removes what is only that person's and keeps what they wrote for others;
2. the account becomes a tombstone (consult.accounts.personal.blank_account): e-mail,
   name, password, language and two-factor secret blanked, signed out everywhere; what the
   person wrote stays attributed to it and reads "a former resident";
3. the personal values kept beside the audit chain for the account are purged
   (``purge_subject("account", id)``): the chain still verifies.

The person is told by e-mail, in their language, once the account is gone (their inbox
goes with it); a refusal reaches their inbox and e-mail as a notification.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.accounts.models import User
from consult.accounts.personal import blank_account
from consult.core import audit
from consult.core.mail import send_email
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.permissions import COMMITTEE, is_committee
from consult.core.queue import enqueue, task
from consult.core.services import ServiceError
from consult.data_rights.models import AccountDeletionRequest, DeletionStatus
from consult.domains import current_domains
from consult.extensions import db

audit.describe("account.deletion_requested", _l("Account deletion requested"))
audit.describe("account.deletion_withdrawn", _l("Account deletion request withdrawn"))
audit.describe("account.deletion_refused", _l("Account deletion refused"))
audit.describe("account.deleted", _l("Account deleted"))


def pending_request(user):
    """``user``'s request waiting for the committee, or None."""
    return db.session.scalars(
        select(AccountDeletionRequest).where(
            AccountDeletionRequest.user_id == user.id,
            AccountDeletionRequest.status == DeletionStatus.PENDING,
        )
    ).first()


def requests_of(user):
    return db.session.scalars(
        select(AccountDeletionRequest)
        .where(AccountDeletionRequest.user_id == user.id)
        .order_by(AccountDeletionRequest.requested_at.desc(), AccountDeletionRequest.id.desc())
    ).all()


def committee_members():
    return db.session.scalars(
        select(User).where(User.role == COMMITTEE, User.active.is_(True)).order_by(User.id)
    ).all()


def request_account_deletion(user, *, password, reason=None):
    """``user`` asks for their account to be deleted (their password confirms it is them)."""
    from consult.data_rights import DELETION_REQUESTED

    if not user.check_password(password or ""):
        raise ServiceError(_l("Your password is not correct."), "password")
    if pending_request(user) is not None:
        raise ServiceError(_l("You have already asked; the residents' committee will decide."))
    request = AccountDeletionRequest(user=user, reason=" ".join((reason or "").split()) or None)
    db.session.add(request)
    db.session.flush()
    audit.record(
        "account.deletion_requested",
        request,
        actor=user,
        data={"reason": request.reason},
        subject=user,
    )
    others = [member for member in committee_members() if member.id != user.id]
    notify(DELETION_REQUESTED, others, path=f"/data-rights/requests/{request.id}")
    return request


def withdraw_deletion_request(user, request):
    if request is None or request.user_id != user.id or request.status != DeletionStatus.PENDING:
        raise ServiceError(_l("There is no request of yours waiting to be withdrawn."))
    request.move_to(DeletionStatus.WITHDRAWN)
    request.decided_at = utcnow()
    audit.record("account.deletion_withdrawn", request, actor=user, subject=user)
    return request


def _ensure_decidable(actor, request):
    if not is_committee(actor):
        raise ServiceError(_l("Only the residents' committee decides deletion requests."))
    if request.status != DeletionStatus.PENDING:
        raise ServiceError(_l("This request has already been decided or withdrawn."))
    if request.user_id == actor.id:
        raise ServiceError(_l("Another committee member must decide your own request."))


def refuse_account_deletion(actor, request, *, note):
    """Refuse, saying why (e.g. an election in which the person stands is under way)."""
    from consult.data_rights import DELETION_REFUSED

    _ensure_decidable(actor, request)
    note = " ".join((note or "").split())
    if not note:
        raise ServiceError(_l("Say why the account cannot be deleted."), "note")
    request.move_to(DeletionStatus.REFUSED)
    request.decided_at, request.decided_by, request.note = utcnow(), actor, note
    audit.record(
        "account.deletion_refused", request, actor=actor, data={"note": note}, subject=request.user
    )
    notify(DELETION_REFUSED, [request.user], path="/account/delete", note=note)
    return request


def delete_account(actor, request):
    """Delete the account of a pending request (see the module docstring)."""
    _ensure_decidable(actor, request)
    user = request.user
    request.notice_email = user.email
    request.notice_locale = user.preferred_locale
    for domain in reversed(current_domains()):
        forget = domain.part("forget_user")
        if forget is not None:
            forget(user, actor)
    blank_account(user)
    request.move_to(DeletionStatus.DONE)
    request.decided_at, request.decided_by, request.reason = utcnow(), actor, None
    db.session.flush()
    purged = audit.purge_subject("account", user.id)
    audit.record(
        "account.deleted",
        object_type="account",
        object_id=user.id,
        actor=actor,
        data={"request": request.id, "values_purged": purged},
    )
    enqueue("data_rights.deletion_mail", actor=actor, request_id=request.id)
    return request


def forget_notice_address(job, request_id):
    """The goodbye could not be sent: the address is not kept for a later try."""
    request = db.session.get(AccountDeletionRequest, request_id)
    if request is not None:
        request.notice_email = None


@task("data_rights.deletion_mail", on_failure=forget_notice_address)
def deletion_mail(job, request_id):
    """Tell the person, in their language, that their account is deleted; then forget the
    address the message went to."""
    request = db.session.get(AccountDeletionRequest, request_id)
    if request is None or not request.notice_email:
        return
    send_email(
        request.notice_email,
        _l("Your account has been deleted"),
        "account_deleted",
        request.notice_locale,
    )
    request.notice_email = None
