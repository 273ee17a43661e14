"""Passwords are hashed with scrypt at full cost everywhere but in the test suite."""

from consult.accounts.models import User
from consult.accounts.passwords import hash_password, password_matches
from consult.config import DevelopmentConfig
from tests.conftest import production_app


def test_development_and_production_hash_at_full_scrypt_cost(tmp_path):
    assert DevelopmentConfig.PASSWORD_HASH_METHOD == "scrypt:32768:8:1"
    app = production_app(tmp_path)
    with app.app_context():
        stored = hash_password("a long enough passphrase")
        assert stored.startswith("scrypt:32768:8:1$")
        assert password_matches(stored, "a long enough passphrase")
        assert not password_matches(stored, "a long enough passphrasE")


def test_an_account_made_at_the_old_cost_still_signs_in(client, create_user, db):
    # Lowering or raising the configured cost must not lock out existing accounts: the
    # method and parameters are stored in each hash.
    from werkzeug.security import generate_password_hash

    from tests.conftest import PASSWORD, sign_in

    user = create_user("old@example.org")
    user.password_hash = generate_password_hash(PASSWORD, method="scrypt:32768:8:1")
    db.session.commit()
    assert sign_in(client, user).status_code == 302
    assert db.session.get(User, user.id).password_hash.startswith("scrypt:")
