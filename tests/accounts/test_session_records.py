"""Signing out ends the session on the server: replayed cookies open nothing."""

from datetime import timedelta

from sqlalchemy import select

from consult.accounts.models import UserSession
from consult.core.models import utcnow
from tests.conftest import sign_in

COOKIE_DOMAIN = "consult.test"


def _cookies(client):
    names = ("session", "remember_token")
    return {name: c.value for name in names if (c := client.get_cookie(name, domain=COOKIE_DOMAIN))}


def _replay(app, cookies):
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value, domain=COOKIE_DOMAIN)
    return thief.get("/account/")


def test_a_session_cookie_taken_before_sign_out_opens_nothing(app, client, create_user):
    create_user("resident@example.org")
    sign_in(client, "resident@example.org")
    stolen = _cookies(client)
    assert "session" in stolen
    assert _replay(app, stolen).status_code == 200  # the copy works while signed in
    client.post("/account/sign-out")
    assert _replay(app, stolen).status_code == 302
    assert _replay(app, {"session": stolen["session"]}).status_code == 302


def test_a_remember_cookie_taken_before_sign_out_opens_nothing(app, client, create_user):
    create_user("resident@example.org")
    sign_in(client, "resident@example.org", remember="y")
    stolen = _cookies(client)
    assert "remember_token" in stolen
    only_remember = {"remember_token": stolen["remember_token"]}
    assert _replay(app, only_remember).status_code == 200
    client.post("/account/sign-out")
    assert _replay(app, only_remember).status_code == 302


def test_signing_out_one_device_leaves_the_others_signed_in(app, client, create_user):
    create_user("resident@example.org")
    phone = app.test_client()
    sign_in(client, "resident@example.org")
    sign_in(phone, "resident@example.org")
    client.post("/account/sign-out")
    assert phone.get("/account/").status_code == 200


def test_the_profile_lists_sessions_and_signs_out_the_others(app, client, create_user, db):
    user = create_user("resident@example.org")
    phone = app.test_client()
    sign_in(phone, "resident@example.org", remember="y")
    sign_in(client, "resident@example.org")
    page = client.get("/account/").get_data(as_text=True)
    assert "Where you are signed in" in page
    assert page.count("signed in ") >= 2 and "(this device)" in page
    assert "kept signed in" in page
    response = client.post("/account/sessions/sign-out-others")
    assert response.status_code == 302
    assert "Other devices signed out: 1." in client.get("/account/").get_data(as_text=True)
    assert phone.get("/account/").status_code == 302
    assert client.get("/account/").status_code == 200
    rows = db.session.scalars(select(UserSession).filter_by(user_id=user.id)).all()
    assert len(rows) == 1


def test_the_database_keeps_no_usable_token(client, create_user, db):
    user = create_user("resident@example.org")
    sign_in(client, "resident@example.org")
    [row] = db.session.scalars(select(UserSession).filter_by(user_id=user.id)).all()
    from flask.sessions import SecureCookieSessionInterface

    interface = SecureCookieSessionInterface()
    serializer = interface.get_signing_serializer(client.application)
    token = serializer.loads(client.get_cookie("session", domain=COOKIE_DOMAIN).value)["_user_id"]
    assert row.token_digest != token and len(row.token_digest) == 64
    assert token not in row.token_digest


def test_a_session_ends_at_its_expiry(app, client, create_user, db):
    user = create_user("resident@example.org")
    sign_in(client, "resident@example.org")
    row = db.session.scalars(select(UserSession).filter_by(user_id=user.id)).one()
    lifetime = row.expires_at - row.created_at
    assert lifetime == app.config["SESSION_LIFETIME"]
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/account/").status_code == 302


def test_remember_me_sessions_last_the_remember_duration(app, client, create_user, db):
    user = create_user("resident@example.org")
    sign_in(client, "resident@example.org", remember="y")
    row = db.session.scalars(select(UserSession).filter_by(user_id=user.id)).one()
    assert row.expires_at - row.created_at == app.config["REMEMBER_COOKIE_DURATION"]


def test_a_password_reset_signs_out_everywhere(app, client, create_user, db, outbox):
    import re

    create_user("resident@example.org")
    laptop = app.test_client()
    sign_in(laptop, "resident@example.org")
    client.post("/account/forgot-password", data={"email": "resident@example.org"})
    link = re.search(r"http://consult\.test(/\S+)", outbox()[0].get_content()).group(1)
    new = "plum blossoms in march"
    assert client.post(link, data={"password": new, "confirm": new}).status_code == 302
    assert laptop.get("/account/").status_code == 302
    assert client.get("/account/").status_code == 200


def test_deactivating_an_account_ends_its_sessions(client, create_user, db):
    user = create_user("resident@example.org")
    sign_in(client, "resident@example.org")
    user.active = False
    db.session.commit()
    assert client.get("/account/").status_code == 302


def test_sign_out_ends_the_session_in_every_app_process(tmp_path):
    """Two apps on one database stand for two gunicorn workers: no state in memory."""
    from consult import create_app
    from consult.accounts.services import create_user
    from consult.extensions import db as _db
    from tests.conftest import PASSWORD

    url = f"sqlite:///{tmp_path}/shared.sqlite3"
    workers = [
        create_app(
            "testing", overrides={"SQLALCHEMY_DATABASE_URI": url, "SERVER_NAME": "consult.test"}
        )
        for _ in range(2)
    ]
    with workers[0].app_context():
        _db.create_all()
        create_user("resident@example.org", "Resident", PASSWORD)
        _db.session.commit()
    first, second = (app.test_client() for app in workers)
    sign_in(first, "resident@example.org")
    cookies = _cookies(first)
    for name, value in cookies.items():
        second.set_cookie(name, value, domain=COOKIE_DOMAIN)
    assert second.get("/account/").status_code == 200
    first.post("/account/sign-out")
    assert second.get("/account/").status_code == 302
    for app in workers:
        with app.app_context():
            _db.engine.dispose()
