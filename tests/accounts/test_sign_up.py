from consult.accounts.models import User

GOOD = {
    "email": "new.neighbour@example.org",
    "display_name": "New Neighbour",
    "password": "lanterns by the river",
    "confirm": "lanterns by the river",
    "preferred_locale": "en",
    "privacy_consent": "y",
}


def count_users(db):
    return db.session.scalar(db.select(db.func.count(User.id)))


def test_sign_up_creates_a_signed_in_resident(client, db):
    response = client.post("/account/sign-up", data=GOOD)
    assert response.status_code == 302
    user = db.session.execute(db.select(User).filter_by(email=GOOD["email"])).scalar_one()
    assert user.role == "resident"
    assert user.password_hash.startswith("scrypt:")
    assert GOOD["password"] not in user.password_hash
    page = client.get("/").get_data(as_text=True)
    assert "Hello, New Neighbour" in page
    assert "signed in as a resident" in page


def test_sign_up_stores_the_preferred_language_and_uses_it(client, db):
    response = client.post("/account/sign-up", data={**GOOD, "preferred_locale": "zh_Hant"})
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="zh-Hant">' in page


def test_email_is_case_insensitive_and_taken_email_is_refused(client, db, create_user):
    create_user("Taken@Example.org")
    before = count_users(db)
    response = client.post("/account/sign-up", data={**GOOD, "email": "taken@example.ORG"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "already exists" in page
    assert count_users(db) == before
    # What was typed is kept, except the passwords.
    assert 'value="taken@example.ORG"' in page
    assert 'value="New Neighbour"' in page
    assert GOOD["password"] not in page


def test_short_password_is_refused(client, db):
    response = client.post(
        "/account/sign-up", data={**GOOD, "password": "short1", "confirm": "short1"}
    )
    assert response.status_code == 422
    assert "at least 10 characters" in response.get_data(as_text=True)
    assert count_users(db) == 0


def test_common_password_is_refused(client, db):
    data = {**GOOD, "password": "1234567890", "confirm": "1234567890"}
    response = client.post("/account/sign-up", data=data)
    assert response.status_code == 422
    assert "too common" in response.get_data(as_text=True)
    assert count_users(db) == 0


def test_mismatched_confirmation_is_refused(client, db):
    response = client.post("/account/sign-up", data={**GOOD, "confirm": "something else entirely"})
    assert response.status_code == 422
    assert "do not match" in response.get_data(as_text=True)
    assert count_users(db) == 0


def test_errors_are_in_the_readers_language(client, db):
    client.set_cookie("consult_lang", "zh_Hans", domain="consult.test")
    response = client.post(
        "/account/sign-up", data={**GOOD, "password": "short1", "confirm": "short1"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "至少 10 个字符" in page
    assert 'value="New Neighbour"' in page


def test_invalid_email_is_refused(client, db):
    response = client.post("/account/sign-up", data={**GOOD, "email": "not-an-address"})
    assert response.status_code == 422
    assert "valid e-mail address" in response.get_data(as_text=True)
    assert count_users(db) == 0
