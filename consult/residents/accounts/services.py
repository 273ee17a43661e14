"""Account rules. Functions change the session; the caller commits."""

import hashlib

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l

from consult.core.mail import send_email
from consult.core.models import utcnow
from consult.core.permissions import RESIDENT, ROLES
from consult.extensions import db
from consult.i18n import normalize_locale
from consult.residents.accounts.models import User
from consult.residents.accounts.passwords import password_problems
from consult.tokens import PASSWORD_RESET, TokenExpired, TokenInvalid, dump_token, load_token


class AccountError(ValueError):
    """A rule was broken; ``messages`` are for the reader, ``field`` names the form field."""

    def __init__(self, messages, field=None):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = list(messages)
        self.field = field


def normalize_email(email):
    return (email or "").strip().lower()


def find_user_by_email(email):
    return db.session.execute(
        db.select(User).filter_by(email=normalize_email(email))
    ).scalar_one_or_none()


def create_user(email, display_name, password, *, role=RESIDENT, locale=None):
    """Create an account after checking every rule; nothing is added when one fails."""
    email = normalize_email(email)
    if role not in ROLES:
        raise AccountError([_l("Unknown role: %(role)s", role=role)], field="role")
    if find_user_by_email(email):
        raise AccountError(
            [
                _l(
                    "An account with this e-mail address already exists. Sign in, or reset your password."
                )
            ],
            field="email",
        )
    problems = password_problems(password, email=email, display_name=display_name)
    if problems:
        raise AccountError(problems, field="password")
    user = User(
        email=email,
        display_name=display_name.strip(),
        role=role,
        preferred_locale=normalize_locale(locale),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email, password):
    """The user when e-mail and password match an active account, else None."""
    user = find_user_by_email(email)
    if user is None or not user.active or not user.check_password(password):
        return None
    user.last_sign_in_at = utcnow()
    return user


def change_password(user, current_password, new_password):
    if not user.check_password(current_password):
        raise AccountError([_l("Your current password is not correct.")], field="current_password")
    _set_new_password(user, new_password)


def _set_new_password(user, new_password):
    problems = password_problems(new_password, email=user.email)
    if problems:
        raise AccountError(problems, field="password")
    user.set_password(new_password)
    # Every other session (and remember-me cookie) holds the old token and ends.
    user.rotate_session_token()


def _password_fingerprint(user):
    """Changes whenever the password does, which makes a reset link single-use."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def password_reset_token(user):
    return dump_token(PASSWORD_RESET, {"user": user.id, "fp": _password_fingerprint(user)})


def send_password_reset(email, request_locale):
    """E-mail a reset link if the address has an account; say nothing either way."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        return None
    link = url_for("accounts.reset_password", token=password_reset_token(user), _external=True)
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    return send_email(
        user.email,
        _l("Reset your Consult password"),
        "password_reset",
        user.preferred_locale or request_locale,
        user=user,
        link=link,
        minutes=minutes,
    )


RESET_LINK_EXPIRED = _l("This reset link has expired. Ask for a new one below.")
RESET_LINK_INVALID = _l(
    "This reset link has already been used or is not valid. Ask for a new one below."
)


def user_for_reset_token(token):
    """The user a reset link was made for, or AccountError saying why it cannot be used."""
    try:
        payload = load_token(
            PASSWORD_RESET, token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except TokenExpired:
        raise AccountError([RESET_LINK_EXPIRED]) from None
    except TokenInvalid:
        raise AccountError([RESET_LINK_INVALID]) from None
    user = db.session.get(User, payload.get("user")) if isinstance(payload, dict) else None
    if user is None or not user.active or payload.get("fp") != _password_fingerprint(user):
        raise AccountError([RESET_LINK_INVALID])
    return user


def reset_password(token, new_password):
    user = user_for_reset_token(token)
    _set_new_password(user, new_password)
    return user
