"""Two-factor sign-in: enrolment, the code step, recovery codes, the committee's duty."""

import re

import pyotp
import pytest
from sqlalchemy import select

from consult.accounts.models import RecoveryCode, User
from consult.core.models import utcnow
from consult.extensions import limiter
from tests.conftest import PASSWORD, sign_in


def _code(user, offset=0):
    totp = pyotp.TOTP(user.totp_secret)
    return totp.generate_otp(totp.timecode(utcnow()) + offset)


def _enrol(client, db, user):
    """Turn two-factor sign-in on through the pages; returns the recovery codes shown."""
    page = client.get("/account/two-factor/enrol").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in page
    db.session.refresh(user)
    assert user.totp_secret and user.totp_secret in page
    response = client.post("/account/two-factor/enrol", data={"code": _code(user)})
    assert response.status_code == 200
    codes = re.findall(
        r"<code>([a-z0-9]{4}(?:-[a-z0-9]{4}){3})</code>", response.get_data(as_text=True)
    )
    db.session.refresh(user)
    assert user.two_factor_on
    return codes


@pytest.fixture
def enrolled(client, db, create_user):
    user = create_user("member@example.org", role="committee")
    assert sign_in(client, user).status_code == 302
    codes = _enrol(client, db, user)
    client.post("/account/sign-out")
    return user, codes


def test_enrolment_gives_ten_single_use_recovery_codes_kept_hashed(client, db, enrolled):
    user, codes = enrolled
    assert len(codes) == len(set(codes)) == 10
    stored = db.session.scalars(select(RecoveryCode.code_digest).filter_by(user_id=user.id)).all()
    assert len(stored) == 10
    assert not set(codes) & set(stored)
    assert all(code.replace("-", "") not in digest for code in codes for digest in stored)


def test_a_wrong_first_code_does_not_turn_it_on(client, db, create_user):
    user = create_user(role="translator")
    sign_in(client, user)
    client.get("/account/two-factor/enrol")
    response = client.post("/account/two-factor/enrol", data={"code": "000000"})
    assert response.status_code == 422
    assert "This code is not correct" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert not user.two_factor_on


def test_sign_in_asks_for_the_code_after_the_password(client, db, enrolled):
    user, _codes = enrolled
    response = sign_in(client, user)
    assert response.status_code == 302 and response.location.endswith("/account/sign-in/code")
    assert client.get("/account/").status_code == 302  # not signed in yet
    response = client.post("/account/sign-in/code", data={"code": "123456"})
    assert response.status_code == 422
    db.session.refresh(user)
    response = client.post("/account/sign-in/code", data={"code": _code(user, 1)})
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_a_code_works_once(app, client, db, enrolled):
    user, _codes = enrolled
    sign_in(client, user)
    code = _code(user, 1)  # enrolment used the current time step's code
    assert client.post("/account/sign-in/code", data={"code": code}).status_code == 302
    other = app.test_client()
    sign_in(other, user)
    assert other.post("/account/sign-in/code", data={"code": code}).status_code == 422


def test_a_recovery_code_signs_in_once(app, client, db, enrolled):
    user, codes = enrolled
    sign_in(client, user)
    response = client.post("/account/sign-in/code", data={"code": codes[0].upper()})
    assert response.status_code == 302
    assert "You used a recovery code; 9 left." in client.get("/").get_data(as_text=True)
    other = app.test_client()
    sign_in(other, user)
    assert other.post("/account/sign-in/code", data={"code": codes[0]}).status_code == 422


def test_the_code_step_expires(client, db, enrolled, monkeypatch):
    import consult.accounts.views.signing as signing

    user, _codes = enrolled
    sign_in(client, user)
    monkeypatch.setattr(signing, "PENDING_SECONDS", -1)
    response = client.post("/account/sign-in/code", data={"code": _code(user, 1)})
    assert response.status_code == 200
    assert "Your sign-in has expired" in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 302


def test_a_password_reset_does_not_skip_the_code(client, db, enrolled, outbox):
    user, _codes = enrolled
    client.post("/account/forgot-password", data={"email": user.email})
    link = re.search(r"http://consult\.test(/\S+)", outbox()[0].get_content()).group(1)
    new = "plum blossoms in march"
    response = client.post(link, data={"password": new, "confirm": new})
    assert response.location.endswith("/account/sign-in/code")
    assert client.get("/account/").status_code == 302


@pytest.fixture
def tight_code_limit(app):
    saved = app.config["TWO_FACTOR_RATE_LIMIT"]
    app.config["TWO_FACTOR_RATE_LIMIT"] = "3 per minute"
    limiter.reset()
    yield
    app.config["TWO_FACTOR_RATE_LIMIT"] = saved
    limiter.reset()


def test_code_attempts_are_rate_limited_per_account(app, client, db, enrolled, tight_code_limit):
    user, _codes = enrolled
    sign_in(client, user)
    for _ in range(3):
        assert client.post("/account/sign-in/code", data={"code": "000000"}).status_code == 422
    response = client.post("/account/sign-in/code", data={"code": _code(user, 1)})
    assert response.status_code == 429
    # Another address guessing for the same account shares the account's limit.
    elsewhere = app.test_client()
    sign_in(elsewhere, user)
    response = elsewhere.post(
        "/account/sign-in/code", data={"code": "000000"}, environ_base={"REMOTE_ADDR": "10.9.8.7"}
    )
    assert response.status_code == 429


def test_enrolment_signs_out_other_devices(app, client, db, create_user):
    user = create_user(role="resident")
    laptop = app.test_client()
    sign_in(laptop, user)
    sign_in(client, user)
    _enrol(client, db, user)
    assert laptop.get("/account/").status_code == 302
    assert client.get("/account/").status_code == 200


def test_turning_it_off_needs_a_code_or_the_password(client, db, enrolled):
    user, _codes = enrolled
    sign_in(client, user)
    client.post("/account/sign-in/code", data={"code": _code(user, 1)})
    client.post("/account/two-factor/off", data={})
    client.post("/account/two-factor/off", data={"password": "not the password"})
    db.session.refresh(user)
    assert user.two_factor_on
    client.post("/account/two-factor/off", data={"password": PASSWORD})
    db.session.refresh(user)
    assert not user.two_factor_on and user.totp_secret is None
    assert db.session.scalars(select(RecoveryCode).filter_by(user_id=user.id)).first() is None


def test_new_recovery_codes_replace_the_old_ones(client, db, enrolled):
    user, old = enrolled
    sign_in(client, user)
    client.post("/account/sign-in/code", data={"code": old[0]})
    db.session.refresh(user)
    response = client.post("/account/two-factor/recovery-codes", data={"code": _code(user, 1)})
    new = re.findall(r"<code>([a-z0-9-]{19})</code>", response.get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)


@pytest.fixture
def required(app):
    app.config["REQUIRE_COMMITTEE_2FA"] = True
    yield
    app.config["REQUIRE_COMMITTEE_2FA"] = False


def test_committee_pages_need_two_factor_when_required(client, db, create_user, required):
    user = create_user("member@example.org", role="committee")
    response = sign_in(client, user)
    assert response.location.endswith("/account/two-factor/enrol")
    for path in ("/register", "/register/import"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.location.endswith("/account/two-factor/enrol")
    home = client.get("/").get_data(as_text=True)
    assert "Resident register" not in home  # the committee's links wait too
    assert client.get("/account/").status_code == 200
    _enrol(client, db, user)
    assert client.get("/register").status_code == 200


def test_other_roles_are_not_asked(client, db, signed_in, required):
    signed_in("translator")
    assert client.get("/register").status_code == 403
    assert client.get("/account/").status_code == 200


def test_the_setting_is_on_in_production_only():
    from consult.config import DevelopmentConfig, ProductionConfig, TestingConfig

    assert ProductionConfig.REQUIRE_COMMITTEE_2FA is True
    assert DevelopmentConfig.REQUIRE_COMMITTEE_2FA is False
    assert TestingConfig.REQUIRE_COMMITTEE_2FA is False


def test_the_operator_can_turn_it_off_for_a_lost_phone(app, db, enrolled):
    user, _codes = enrolled
    result = app.test_cli_runner().invoke(args=["users", "reset-2fa", user.email])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert not db.session.get(User, user.id).two_factor_on
