"""Password rules: long enough and not on a list of commonly used passwords."""

from functools import lru_cache

from flask_babel import lazy_gettext as _l

MIN_PASSWORD_LENGTH = 10


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
