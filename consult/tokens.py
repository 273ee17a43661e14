"""Signed tokens: one salt per purpose, and a max_age on every loads."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

PASSWORD_RESET = "consult.password-reset"
INVITATION = "consult.register-invitation"
EMAIL_CHANGE = "consult.account-email-change"
# Election helpers (observers and volunteers), who have no account: confirming a sign-up,
# managing (cancelling) it, and the badge whose QR code anyone can verify.
ELECTION_HELPER_CONFIRM = "consult.election-helper-confirm"
ELECTION_HELPER_MANAGE = "consult.election-helper-manage"
ELECTION_BADGE = "consult.election-badge"
# An approved observer countersigns (or objects to) their station's count on election day.
ELECTION_COUNTERSIGN = "consult.election-countersign"


class TokenInvalid(Exception):
    """The token was tampered with, or signed for another purpose."""


class TokenExpired(TokenInvalid):
    """The token was genuine but is too old."""


def _serializer(salt):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def dump_token(salt, payload):
    return _serializer(salt).dumps(payload)


def load_token(salt, token, max_age):
    try:
        return _serializer(salt).loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise TokenExpired(str(error)) from error
    except BadSignature as error:
        raise TokenInvalid(str(error)) from error
