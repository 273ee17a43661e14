"""Account rules. Functions change the session; the caller commits."""

import hashlib

from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.accounts.models import User
from consult.accounts.passwords import password_matches, password_problems
from consult.accounts.sessions import end_all_sessions
from consult.core import audit
from consult.core.mail import send_email
from consult.core.models import utcnow
from consult.core.permissions import RESIDENT, Role
from consult.core.queue import enqueue, task
from consult.core.services import ServiceError
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.i18n import UI_LOCALES, normalize_locale
from consult.tokens import PASSWORD_RESET, TokenExpired, TokenInvalid, dump_token, load_token


def _password_error(problems):
    return ServiceError(problems=[(message, "password") for message in problems])


def normalize_email(email):
    return (email or "").strip().lower()


def find_user_by_email(email):
    return db.session.execute(
        db.select(User).filter_by(email=normalize_email(email))
    ).scalar_one_or_none()


audit.describe("account.created", _l("Account created"))
audit.describe("account.signed_in", _l("Signed in"))
audit.describe("account.password_changed", _l("Password changed"))
audit.describe("account.password_reset", _l("Password reset by e-mail link"))
audit.describe("account.updated", _l("Profile changed"))
audit.describe("account.role_changed", _l("Role changed"))


def create_user(email, display_name, password, *, role=RESIDENT, locale=None, actor=None):
    """Create an account after checking every rule; nothing is added when one fails."""
    email = normalize_email(email)
    if Role.parse(role) is None:
        raise ServiceError(_l("Unknown role: %(role)s", role=role), "role")
    if find_user_by_email(email):
        raise ServiceError(
            _l(
                "An account with this e-mail address already exists. Sign in, or reset your password."
            ),
            "email",
        )
    problems = password_problems(password, email=email, display_name=display_name)
    if problems:
        raise _password_error(problems)
    user = User(
        email=email,
        display_name=display_name.strip(),
        role=role,
        preferred_locale=normalize_locale(locale),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record(
        "account.created",
        user,
        actor=actor or user,
        data={"email": user.email, "role": user.role, "display_name": user.display_name},
        personal={"email", "display_name"},
    )
    return user


WRONG_CREDENTIALS = _l("The e-mail address or password is not correct.")


def authenticate(email, password):
    """The active account that e-mail and password open (its sign-in time noted).

    Raises ServiceError, saying the same whichever of the two was wrong.
    """
    user = find_user_by_email(email)
    # The hash is checked whether or not the address has an account (a dummy one when
    # not): the same work, and so the same time, either way.
    matched = password_matches(user.password_hash if user else None, password)
    if user is None or not user.active or not matched:
        raise ServiceError(WRONG_CREDENTIALS)
    user.last_sign_in_at = utcnow()
    audit.record("account.signed_in", user, actor=user)
    return user


def change_password(user, current_password, new_password):
    if not user.check_password(current_password):
        raise ServiceError(_l("Your current password is not correct."), "current_password")
    _set_new_password(user, new_password)
    # Every session ends, this one too (its cookies may have been copied): the view
    # starts a new one for this browser.
    end_all_sessions(user)
    audit.record("account.password_changed", user, actor=user)


def _set_new_password(user, new_password):
    problems = password_problems(new_password, email=user.email)
    if problems:
        raise _password_error(problems)
    user.set_password(new_password)


def _password_fingerprint(user):
    """Changes whenever the password does, which makes a reset link single-use."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def password_reset_token(user):
    return dump_token(PASSWORD_RESET, {"user": user.id, "fp": _password_fingerprint(user)})


def send_password_reset(email, request_locale):
    """Ask the queue to e-mail a reset link if the address has an account.

    The request does the same work whether or not it has one (a job is queued either way),
    so the answer's timing tells nobody who has an account.
    """
    enqueue("accounts.password_reset_mail", email=normalize_email(email), locale=request_locale)


@task("accounts.password_reset_mail")
def password_reset_mail(job, email, locale):
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    link = external_url_for("accounts.reset_password", token=password_reset_token(user))
    send_email(
        user.email,
        _l("Reset your Consult password"),
        "password_reset",
        user.preferred_locale or locale,
        user=user,
        link=link,
        minutes=current_app.config["PASSWORD_RESET_MAX_AGE"] // 60,
    )


RESET_LINK_EXPIRED = _l("This reset link has expired. Ask for a new one below.")
RESET_LINK_INVALID = _l(
    "This reset link has already been used or is not valid. Ask for a new one below."
)


def user_for_reset_token(token):
    """The user a reset link was made for, or ServiceError saying why it cannot be used."""
    try:
        payload = load_token(
            PASSWORD_RESET, token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except TokenExpired:
        raise ServiceError(RESET_LINK_EXPIRED) from None
    except TokenInvalid:
        raise ServiceError(RESET_LINK_INVALID) from None
    user = db.session.get(User, payload.get("user")) if isinstance(payload, dict) else None
    if user is None or not user.active or payload.get("fp") != _password_fingerprint(user):
        raise ServiceError(RESET_LINK_INVALID)
    return user


def reset_password(token, new_password):
    user = user_for_reset_token(token)
    _set_new_password(user, new_password)
    end_all_sessions(user)  # whoever knew the old password is signed out everywhere
    audit.record("account.password_reset", user, actor=user)
    return user


def update_profile(user, *, display_name, preferred_locale):
    before = audit.snapshot(user, ("display_name", "preferred_locale"))
    user.display_name = " ".join(display_name.split())
    _set_locale(user, preferred_locale)
    _record_profile_change(user, before)
    return user


def set_preferred_locale(user, locale):
    """The UI language pages and e-mails use for ``user`` (one of the catalog names)."""
    before = audit.snapshot(user, ("preferred_locale",))
    _set_locale(user, locale)
    _record_profile_change(user, before)
    return user


def _set_locale(user, locale):
    if locale not in UI_LOCALES:
        raise ServiceError(_l("Choose one of the languages offered."), "preferred_locale")
    user.preferred_locale = locale


def _record_profile_change(user, before):
    changes = audit.changes_since(before, user)
    if changes:
        audit.record("account.updated", user, actor=user, changes=changes)


def set_role(user, role, *, actor=None):
    if Role.parse(role) is None:
        raise ServiceError(_l("Unknown role: %(role)s", role=role), "role")
    before = audit.snapshot(user, ("role",))
    user.role = Role(role)
    audit.record(
        "account.role_changed", user, actor=actor, changes=audit.changes_since(before, user)
    )
    return user
