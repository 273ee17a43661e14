"""Changing an account's e-mail address: asked with the password, confirmed from a signed
link sent to the new address (so a typo never locks anyone out), used once."""

import hashlib

from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.accounts.models import User
from consult.accounts.services import find_user_by_email, normalize_email
from consult.core import audit
from consult.core.mail import send_email
from consult.core.queue import enqueue, task
from consult.core.services import ServiceError
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.tokens import EMAIL_CHANGE, TokenExpired, TokenInvalid, dump_token, load_token

MAX_AGE = 48 * 3600  # seconds the link works
LINK_PROBLEM = _l("This link has already been used, has expired or is not valid. Ask again from “My account”.")  # fmt: skip

audit.describe("account.email_changed", _l("E-mail address changed"))


def _fingerprint(email):
    """Changes with the address: once it has changed, the link works no more."""
    return hashlib.sha256(email.encode()).hexdigest()[:20]


def _taken(email, user):
    other = find_user_by_email(email)
    return other is not None and other.id != user.id


def ask_email_change(user, new_email, password, locale=None):
    """Send a confirmation link to ``new_email`` (after checking the password)."""
    if not user.check_password(password or ""):
        raise ServiceError(_l("Your password is not correct."), "password")
    email = normalize_email(new_email)
    if email == user.email:
        raise ServiceError(_l("This is already your e-mail address."), "email")
    if _taken(email, user):
        raise ServiceError(_l("Another account uses this e-mail address."), "email")
    enqueue(
        "accounts.email_change_mail",
        actor=user,
        user_id=user.id,
        email=email,
        locale=user.preferred_locale or locale,
    )
    return email


@task("accounts.email_change_mail")
def email_change_mail(job, user_id, email, locale):
    user = db.session.get(User, user_id)
    if user is None or not user.active:
        return
    token = dump_token(EMAIL_CHANGE, {"user": user.id, "email": email, "fp": _fingerprint(user.email)})  # fmt: skip
    send_email(
        email,
        _l("Confirm your new e-mail address"),
        "email_change",
        locale,
        user=user,
        link=external_url_for("accounts.confirm_email_change", token=token),
        hours=MAX_AGE // 3600,
    )


def pending_change(token):
    """(user, new address) of a link, or ServiceError saying it cannot be used."""
    try:
        payload = load_token(EMAIL_CHANGE, token, max_age=MAX_AGE)
    except (TokenExpired, TokenInvalid):
        raise ServiceError(LINK_PROBLEM) from None
    if not isinstance(payload, dict):
        raise ServiceError(LINK_PROBLEM)
    user = (
        db.session.get(User, payload.get("user")) if isinstance(payload.get("user"), int) else None
    )
    if user is None or not user.active or payload.get("fp") != _fingerprint(user.email):
        raise ServiceError(LINK_PROBLEM)
    return user, payload["email"]


def confirm_email_change(token):
    user, email = pending_change(token)
    if _taken(email, user):
        raise ServiceError(_l("Another account uses this e-mail address."))
    before = audit.snapshot(user, ("email",))
    user.email = email
    audit.record(
        "account.email_changed", user, actor=user, changes=audit.changes_since(before, user)
    )
    current_app.logger.info("account %s changed its e-mail address", user.id)
    return user
