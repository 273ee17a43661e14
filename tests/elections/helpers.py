"""Signing up helpers in tests."""

from consult.elections.services import signup

PERSON = {
    "role": "observer",
    "full_name": "Анна Петрова",
    "latin_name": "Anna Petrova",
    "nationality": "RU",
    "languages": "ru;en",
    "email": "anna.petrova@example.org",
    "accept_conduct": True,
}


def apply(election, shifts, **changes):
    values = {**PERSON, **changes}
    return signup.sign_up(election, values, [s.id for s in shifts], locale=changes.pop("locale", "en"))  # fmt: skip


def all_shifts(election):
    return signup.election_shifts(election)
