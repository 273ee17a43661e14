import re

import pytest

from consult.extensions import limiter


def test_security_headers_on_every_response(client):
    for path in ("/", "/account/sign-in", "/healthz", "/no-such-page", "/static/css/consult.css"):
        with client.get(path) as response:
            headers = response.headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_and_no_external_assets(client):
    page = client.get("/account/sign-up").get_data(as_text=True)
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_session_cookie_is_httponly_and_lax(client):
    response = client.get("/account/sign-in")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.fixture
def csrf_on(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def test_a_form_without_its_csrf_token_is_refused(client, create_user, csrf_on):
    create_user("resident@example.org")
    response = client.post(
        "/account/sign-in",
        data={"email": "resident@example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 400
    assert "The form has expired" in response.get_data(as_text=True)
    assert "Hello" not in client.get("/").get_data(as_text=True)


def test_a_form_with_its_csrf_token_is_accepted(client, create_user, csrf_on):
    create_user("resident@example.org")
    page = client.get("/account/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/account/sign-in",
        data={
            "email": "resident@example.org",
            "password": "correct horse battery staple",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302


def test_language_switch_and_sign_out_need_the_token_too(app, client, signed_in, csrf_on):
    app.config["WTF_CSRF_ENABLED"] = False
    signed_in()
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/language", data={"locale": "zh_Hans"}).status_code == 400
    assert client.post("/account/sign-out").status_code == 400
    assert "Hello" in client.get("/").get_data(as_text=True)


@pytest.fixture
def tight_limits(app):
    saved = {key: app.config[key] for key in ("SIGN_IN_RATE_LIMIT", "SIGN_UP_RATE_LIMIT")}
    app.config.update(SIGN_IN_RATE_LIMIT="3 per minute", SIGN_UP_RATE_LIMIT="2 per minute")
    limiter.reset()
    yield
    app.config.update(saved)
    limiter.reset()


def test_sign_in_is_rate_limited(client, create_user, tight_limits):
    create_user("resident@example.org")
    for _ in range(3):
        response = client.post(
            "/account/sign-in", data={"email": "resident@example.org", "password": "guess-guess"}
        )
        assert response.status_code == 422
    response = client.post(
        "/account/sign-in",
        data={"email": "resident@example.org", "password": "correct horse battery staple"},
        headers={"Accept-Language": "zh-CN"},
    )
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "尝试次数过多" in html
    assert re.search(r"请等待 ?\d+ ?(秒钟|秒|分钟)", html), html  # how long, from the limit
    assert "Retry-After" in response.headers
    # Reading the page is not limited, only attempts.
    assert client.get("/account/sign-in").status_code == 200


SIGN_UP = {
    "display_name": "Olu",
    "password": "osmanthus in autumn",
    "confirm": "osmanthus in autumn",
    "preferred_locale": "en",
    "privacy_consent": "y",
}


def test_failed_sign_ups_do_not_lock_out_a_person_correcting_typos(client, db, tight_limits):
    for attempt in range(6):  # more than the 2 accounts a minute the limit allows
        response = client.post(
            "/account/sign-up",
            data={**SIGN_UP, "email": f"olu{attempt}@example", "confirm": "typo"},
        )
        assert response.status_code == 422
    response = client.post("/account/sign-up", data={**SIGN_UP, "email": "olu@example.org"})
    assert response.status_code == 302


def test_account_floods_are_stopped_and_the_form_is_kept(client, db, tight_limits):
    for number in range(2):
        response = client.post("/account/sign-up", data={**SIGN_UP, "email": f"bot{number}@example.org"})  # fmt: skip
        assert response.status_code == 302
        client.post("/account/sign-out")
    response = client.post(
        "/account/sign-up",
        data={**SIGN_UP, "email": "bot9@example.org", "display_name": "Bot Nine"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Too many accounts have been made from your network." in html
    assert re.search(r"Please wait (\d+ seconds|1 minute) and try again", html), html
    assert 'value="bot9@example.org"' in html and 'value="Bot Nine"' in html
    assert SIGN_UP["password"] not in html
    assert 0 < int(response.headers["Retry-After"]) <= 60


def test_every_sign_up_attempt_is_counted_by_a_looser_limit(app, client, db, tight_limits):
    app.config["SIGN_UP_ATTEMPT_RATE_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            assert (
                client.post("/account/sign-up", data={"email": "x@example.org"}).status_code == 422
            )
        response = client.post("/account/sign-up", data={"email": "x@example.org"})
        assert response.status_code == 429
        html = response.get_data(as_text=True)
        assert "Too many attempts from your network." in html
        assert 'value="x@example.org"' in html
    finally:
        app.config["SIGN_UP_ATTEMPT_RATE_LIMIT"] = "1000 per minute"
