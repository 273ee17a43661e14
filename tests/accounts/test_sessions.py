"""Sign in, sign out, change password (which ends other sessions), roles."""

import pytest

from tests.conftest import PASSWORD, sign_in


def test_sign_in_and_out(client, create_user):
    user = create_user("resident@example.org", name="Li Lei")
    response = sign_in(client, "RESIDENT@example.org ")
    assert response.status_code == 302
    assert "Hello, Li Lei" in client.get("/").get_data(as_text=True)
    response = client.post("/account/sign-out")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Hello, Li Lei" not in page
    assert "Sign in" in page
    assert user.id


def test_wrong_password_keeps_the_email_and_says_why(client, create_user):
    create_user("resident@example.org")
    response = sign_in(client, "resident@example.org", "not the password")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The e-mail address or password is not correct." in page
    assert 'value="resident@example.org"' in page
    assert "not the password" not in page


def test_unknown_email_gets_the_same_message(client, db):
    response = sign_in(client, "nobody@example.org", "whatever-password")
    assert response.status_code == 422
    assert "The e-mail address or password is not correct." in response.get_data(as_text=True)


def test_next_parameter_only_follows_local_paths(client, create_user):
    create_user("resident@example.org")
    response = client.post(
        "/account/sign-in?next=/account/password",
        data={"email": "resident@example.org", "password": PASSWORD},
    )
    assert response.headers["Location"].endswith("/account/password")
    client.post("/account/sign-out")
    response = client.post(
        "/account/sign-in?next=https://evil.example/",
        data={"email": "resident@example.org", "password": PASSWORD},
    )
    assert "evil.example" not in response.headers["Location"]


def test_account_pages_need_sign_in(client, db):
    for path in ("/account/", "/account/password"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/account/sign-in" in response.headers["Location"]


def test_change_password_signs_out_other_sessions(app, client, create_user, db):
    create_user("resident@example.org")
    other_device = app.test_client()
    sign_in(client, "resident@example.org")
    sign_in(other_device, "resident@example.org")
    assert other_device.get("/account/").status_code == 200

    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "a brand new passphrase",
            "confirm": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    # This device stays signed in; the other one is sent to the sign-in page.
    assert client.get("/account/").status_code == 200
    assert other_device.get("/account/").status_code == 302
    client.post("/account/sign-out")
    assert sign_in(client, "resident@example.org", PASSWORD).status_code == 422
    assert sign_in(client, "resident@example.org", "a brand new passphrase").status_code == 302


def test_change_password_with_wrong_current_password(client, signed_in):
    signed_in()
    response = client.post(
        "/account/password",
        data={
            "current_password": "wrong one!",
            "password": "another passphrase",
            "confirm": "another passphrase",
        },
    )
    assert response.status_code == 422
    assert "Your current password is not correct." in response.get_data(as_text=True)


def test_remember_cookie_dies_with_a_password_change(app, client, create_user):
    create_user("resident@example.org")
    sign_in(client, "resident@example.org", remember="y")
    assert client.get_cookie("remember_token", domain="consult.test") is not None
    stolen = client.get_cookie("remember_token", domain="consult.test").value
    client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "lotus pond at dawn",
            "confirm": "lotus pond at dawn",
        },
    )
    thief = app.test_client()
    thief.set_cookie("remember_token", stolen, domain="consult.test")
    assert thief.get("/account/").status_code == 302


def test_profile_saves_name_and_language(client, db, signed_in):
    user = signed_in()
    response = client.post(
        "/account/", data={"display_name": "Zhang Wei", "preferred_locale": "zh_Hant"}
    )
    assert response.status_code == 302
    page = client.get("/account/").get_data(as_text=True)
    assert '<html lang="zh-Hant">' in page
    assert 'value="Zhang Wei"' in page
    db.session.refresh(user)
    assert user.preferred_locale == "zh_Hant"


@pytest.mark.parametrize(
    ("role", "text"),
    [
        ("resident", "signed in as a resident"),
        ("translator", "signed in as a translator"),
        ("committee", "signed in as a committee member"),
    ],
)
def test_roles_are_shown(client, signed_in, role, text):
    signed_in(role=role)
    assert text in client.get("/").get_data(as_text=True)


def test_roles_are_enforced(app, db):
    from consult.core.permissions import can_translate, is_committee

    class Anonymous:
        is_authenticated = False

    class Member:
        is_authenticated = True

        def __init__(self, role):
            self.role = role

    assert is_committee(Member("committee"))
    assert not is_committee(Member("translator"))
    assert not is_committee(Anonymous())
    assert can_translate(Member("translator")) and can_translate(Member("committee"))
    assert not can_translate(Member("resident"))


def test_database_refuses_an_unknown_role(db):
    """The CHECK constraint built from the Role enum, asked directly in SQL."""
    import sqlalchemy.exc
    from sqlalchemy import text

    insert = text(
        "INSERT INTO users (email, display_name, password_hash, role, active,"
        " created_at, updated_at) VALUES ('x@example.org', 'X', 'x', :role, :yes,"
        " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    )
    with pytest.raises(sqlalchemy.exc.IntegrityError), db.session.begin_nested():
        db.session.execute(insert, {"role": "mayor", "yes": True})
    db.session.execute(insert, {"role": "committee", "yes": True})


def test_pages_do_not_touch_the_remember_cookie_of_a_visitor(client, db):
    for path in ("/", "/account/sign-in", "/"):
        cookies = client.get(path).headers.getlist("Set-Cookie")
        assert not any(cookie.startswith("remember_token=") for cookie in cookies), path


def test_a_phone_changing_networks_stays_signed_in(client, create_user):
    create_user("resident@example.org", name="Li Lei")
    client.post(
        "/account/sign-in",
        data={"email": "resident@example.org", "password": PASSWORD, "remember": "y"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    page = client.get("/", environ_base={"REMOTE_ADDR": "172.16.5.9"}).get_data(as_text=True)
    assert "Hello, Li Lei" in page
