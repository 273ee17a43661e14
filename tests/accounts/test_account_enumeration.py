"""Signing in does the same password-hash work whether or not the address has an account."""

import pytest

import consult.accounts.passwords as passwords
from tests.conftest import sign_in


@pytest.fixture
def hash_checks(monkeypatch):
    """The hashes checked by each sign-in attempt, in order."""
    checked = []
    real = passwords.check_password_hash

    def recording(password_hash, password):
        checked.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(passwords, "check_password_hash", recording)
    return checked


def _cost(password_hash):
    # "scrypt:32768:8:1$salt$hash": method and parameters decide the time taken.
    return password_hash.split("$")[0]


def test_an_unknown_address_costs_one_scrypt_check_like_a_known_one(
    client, create_user, db, hash_checks
):
    user = create_user("known@example.org")
    assert sign_in(client, "known@example.org", "wrong password!").status_code == 422
    assert sign_in(client, "nobody@example.org", "wrong password!").status_code == 422
    known, unknown = hash_checks
    assert known == user.password_hash
    assert unknown != user.password_hash
    assert _cost(unknown) == _cost(known) and _cost(known).startswith("scrypt:")


def test_a_deactivated_account_costs_the_same_check(client, create_user, db, hash_checks):
    user = create_user("gone@example.org")
    user.active = False
    db.session.commit()
    assert sign_in(client, "gone@example.org").status_code == 422
    assert hash_checks == [user.password_hash]


def test_the_dummy_hash_matches_no_password(app):
    with app.app_context():
        assert passwords.password_matches(None, "") is False
        assert passwords.password_matches(None, "anything at all") is False
