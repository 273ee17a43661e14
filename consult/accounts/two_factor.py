"""Two-factor sign-in: time-based one-time codes (TOTP, RFC 6238) and recovery codes.

Enrolment stores a new secret on the account and shows it as a QR code; the first code
typed from the app turns two-factor sign-in on and gives ten single-use recovery codes,
shown once and kept as digests. Each one-time code works once: the time step it belongs
to is remembered and older or equal steps are refused. Committee members must turn it on
before they open committee pages when REQUIRE_COMMITTEE_2FA is set (the check is in
consult.core.permissions). Functions change the session; the caller commits.
"""

import hashlib
import hmac
import secrets

import pyotp
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update

from consult.accounts.models import RecoveryCode
from consult.accounts.passwords import password_matches
from consult.accounts.sessions import end_other_sessions
from consult.core import audit
from consult.core.models import utcnow
from consult.core.services import ServiceError
from consult.extensions import db

ISSUER = "Consult"
RECOVERY_CODE_COUNT = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread

WRONG_CODE = _l("This code is not correct, or it has been used already. Try the next one.")
NOT_ON = _l("Two-factor sign-in is not on for this account.")
ALREADY_ON = _l("Two-factor sign-in is already on.")


audit.describe("account.two_factor_on", _l("Two-factor sign-in turned on"))
audit.describe("account.two_factor_off", _l("Two-factor sign-in turned off"))
audit.describe("account.recovery_codes_renewed", _l("Recovery codes renewed"))
audit.describe("account.two_factor_reset", _l("Two-factor sign-in reset by the operator"))


def is_on(user):
    return bool(user is not None and user.two_factor_on)


def start_enrolment(user):
    """The secret to enrol (a new one, unless enrolment has already started)."""
    if user.two_factor_on:
        raise ServiceError(ALREADY_ON)
    if not user.totp_secret:
        user.totp_secret = pyotp.random_base32(32)  # 160 bits, as RFC 4226 recommends
    return user.totp_secret


def provisioning_uri(user):
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _clean(code):
    return "".join((code or "").split()).replace("-", "").lower()


def _matching_step(user, code):
    """The time step whose code is ``code`` (now, or one step either side), or None."""
    code = _clean(code)
    if not user.totp_secret or len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(user.totp_secret)
    now = totp.timecode(utcnow())
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if user.totp_last_counter is not None and step <= user.totp_last_counter:
                return None  # already used: a code works once
            return step
    return None


def confirm_enrolment(user, code):
    """Turn two-factor sign-in on with the first code; returns the new recovery codes.

    Other sessions, signed in with the password alone, are signed out.
    """
    if user.two_factor_on:
        raise ServiceError(ALREADY_ON)
    step = _matching_step(user, code)
    if step is None:
        raise ServiceError(WRONG_CODE, "code")
    user.totp_enabled_at = utcnow()
    user.totp_last_counter = step
    end_other_sessions(user)
    codes = new_recovery_codes(user)
    audit.record("account.two_factor_on", user, actor=user)
    return codes


def _digest(code):
    return hashlib.sha256(_clean(code).encode()).hexdigest()


def _new_recovery_code():
    letters = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(16))  # 79 bits
    return "-".join(letters[i : i + 4] for i in range(0, 16, 4))


def new_recovery_codes(user):
    """Ten new single-use recovery codes (the old ones stop working); shown once."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_digest=_digest(c)) for c in codes)
    return codes


def recovery_codes_left(user):
    return db.session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )


def _use_recovery_code(user, code):
    # One UPDATE: two requests racing with the same code cannot both use it.
    used = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_digest == _digest(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return used.rowcount == 1


def check_code(user, code):
    """Accept a one-time code or an unused recovery code; says which ("totp", "recovery").

    Raises ServiceError (on the ``code`` field) otherwise.
    """
    if not user.two_factor_on:
        raise ServiceError(NOT_ON)
    step = _matching_step(user, code)
    if step is not None:
        user.totp_last_counter = step
        return "totp"
    if len(_clean(code)) == 16 and _use_recovery_code(user, code):
        return "recovery"
    raise ServiceError(WRONG_CODE, "code")


def regenerate_recovery_codes(user, code):
    check_code(user, code)
    codes = new_recovery_codes(user)
    audit.record("account.recovery_codes_renewed", user, actor=user)
    return codes


def turn_off(user, *, code=None, password=None):
    """Turn two-factor sign-in off, given a current code or the account's password."""
    if not user.two_factor_on:
        raise ServiceError(NOT_ON)
    if password:
        if not password_matches(user.password_hash, password):
            raise ServiceError(_l("The password is not correct."), "password")
    elif code:
        check_code(user, code)
    else:
        raise ServiceError(_l("Enter a code from your app, or your password."), "code")
    remove(user)
    audit.record("account.two_factor_off", user, actor=user)


def remove(user):
    """Two-factor sign-in off, secret and recovery codes gone (also `users reset-2fa`)."""
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_counter = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
