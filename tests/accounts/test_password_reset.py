import re
import time

from itsdangerous.timed import TimestampSigner

from tests.conftest import PASSWORD, sign_in

NEW = "plum blossoms in march"


def request_reset(client, email="resident@example.org", **headers):
    return client.post("/account/forgot-password", data={"email": email}, headers=headers)


def reset_link(message):
    body = message.get_content()
    return re.search(r"http://consult\.test(/account/reset-password/\S+)", body).group(1)


def test_reset_by_email_link(client, create_user, outbox):
    create_user("resident@example.org")
    response = request_reset(client)
    assert response.status_code == 302
    [message] = outbox()
    assert message["To"] == "resident@example.org"
    assert message["Subject"] == "Reset your Consult password"
    link = reset_link(message)

    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 302
    client.post("/account/sign-out")
    assert sign_in(client, "resident@example.org", PASSWORD).status_code == 422
    assert sign_in(client, "resident@example.org", NEW).status_code == 302


def test_the_link_works_once(client, create_user, outbox):
    create_user("resident@example.org")
    request_reset(client)
    link = reset_link(outbox()[0])
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302
    client.post("/account/sign-out")
    response = client.post(
        link, data={"password": "someone else's pick", "confirm": "someone else's pick"}
    )
    assert response.status_code == 400
    assert "already been used" in response.get_data(as_text=True)
    assert sign_in(client, "resident@example.org", NEW).status_code == 302


def test_an_expired_link_is_refused(client, create_user, outbox, monkeypatch):
    create_user("resident@example.org")
    two_hours_ago = int(time.time()) - 7200
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: two_hours_ago)
    request_reset(client)
    monkeypatch.undo()
    response = client.get(reset_link(outbox()[0]))
    assert response.status_code == 400
    assert "This reset link has expired." in response.get_data(as_text=True)


def test_a_tampered_link_is_refused(client, create_user, outbox):
    create_user("resident@example.org")
    request_reset(client)
    link = reset_link(outbox()[0])
    response = client.get(link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB"))
    assert response.status_code == 400
    assert "not valid" in response.get_data(as_text=True)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, db, outbox):
    response = request_reset(client, "nobody@example.org")
    assert response.status_code == 302
    assert outbox() == []
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "If an account uses nobody@example.org" in page


def test_weak_new_password_is_refused_and_the_link_still_works(client, create_user, outbox):
    create_user("resident@example.org")
    request_reset(client)
    link = reset_link(outbox()[0])
    response = client.post(link, data={"password": "qwertyuiop", "confirm": "qwertyuiop"})
    assert response.status_code == 422
    assert "too common" in response.get_data(as_text=True)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302


def test_email_is_written_in_the_recipients_language(client, create_user, outbox):
    create_user("wang@example.org", locale="zh_Hans")
    request_reset(client, "wang@example.org", **{"Accept-Language": "en"})
    [message] = outbox()
    assert message["Subject"] == "重置您的 Consult 密码"
    assert "只能使用一次" in message.get_content()
    assert message["Content-Language"] == "zh-Hans"


def test_email_without_profile_language_uses_the_page_language(client, create_user, outbox, db):
    user = create_user("lee@example.org", locale=None)
    assert user.preferred_locale is None
    request_reset(client, "lee@example.org", **{"Accept-Language": "zh-TW"})
    [message] = outbox()
    assert message["Subject"] == "重設您的 Consult 密碼"
