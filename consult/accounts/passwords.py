"""Password rules: long enough and not on a list of commonly used passwords."""

import secrets
from functools import lru_cache

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD_LENGTH = 10


def _method():
    # Config.PASSWORD_HASH_METHOD: scrypt at werkzeug's cost, spelt out so that a change of
    # werkzeug's default cannot weaken it; only the test configuration lowers the cost.
    return current_app.config["PASSWORD_HASH_METHOD"]


def hash_password(password):
    return generate_password_hash(password, method=_method())


def _dummy_hash():
    """A hash of a random password, made with the same method and cost as real ones."""
    return _dummy_hash_for(_method())


@lru_cache(maxsize=4)
def _dummy_hash_for(method):
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def password_matches(password_hash, password):
    """Whether ``password`` matches ``password_hash``; with None, checks a dummy hash.

    Signing in with an address that has no account does the same scrypt work as with one
    that has, so the time of the answer does not tell which addresses have accounts.
    """
    matched = check_password_hash(password_hash or _dummy_hash(), password)
    return matched and password_hash is not None


@lru_cache(maxsize=1)
def common_passwords():
    # zxcvbn ships the 30,000 most common passwords from leaked password sets.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problems(password, *, email=None, display_name=None):
    """What is wrong with a new password, as messages for the reader (empty when fine)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(_l("Use at least %(count)d characters.", count=MIN_PASSWORD_LENGTH))
    lowered = password.lower()
    if lowered in common_passwords():
        problems.append(_l("This password is too common; choose one that is harder to guess."))
    elif email and lowered == email.lower():
        problems.append(_l("Do not use your e-mail address as your password."))
    return problems
