"""Links that leave the site come from PUBLIC_URL; unknown Host headers are refused."""

import re

import pytest

from consult.core.urls import external_url_for
from tests.conftest import production_app


def test_a_reset_request_for_an_unknown_host_is_refused_and_mails_nothing(
    client, create_user, outbox
):
    create_user("resident@example.org")
    response = client.post(
        "/account/forgot-password",
        data={"email": "resident@example.org"},
        headers={"Host": "evil.example", "Accept-Language": "zh-CN"},
    )
    assert response.status_code == 400
    assert "请求有误" in response.get_data(as_text=True)
    assert outbox() == []


def test_the_reset_link_names_the_public_url_whatever_host_was_used(client, create_user, outbox):
    create_user("resident@example.org")
    # 127.0.0.1 is a trusted host in development and testing, but not the public address.
    response = client.post(
        "/account/forgot-password",
        data={"email": "resident@example.org"},
        base_url="http://127.0.0.1:5000",
    )
    assert response.status_code == 302
    [message] = outbox()
    links = re.findall(r"https?://\S+/account/reset-password/\S+", message.get_content())
    assert links and all(link.startswith("http://consult.test/") for link in links)


def test_invitation_letters_name_the_public_url(client, db):
    from consult.accounts.demo import DEMO_PASSWORD
    from consult.cli import seed_demo

    list(seed_demo())
    local = "http://localhost"  # trusted in development and testing, not the public address
    credentials = {"email": "committee@example.org", "password": DEMO_PASSWORD}
    assert client.post("/account/sign-in", data=credentials, base_url=local).status_code == 302
    confirmed = {"days": "5", "confirm": "yes"}
    response = client.post("/register/invitations", data=confirmed, base_url=local)
    html = client.get(response.location, base_url=local).get_data(as_text=True)
    links = re.findall(r"https?://[^\s\"<]+/invitation/[\w.\-]+", html)
    assert links and all(link.startswith("http://consult.test/invitation/") for link in links)


def test_external_links_outside_a_request_use_the_public_url(app):
    with app.app_context():
        link = external_url_for("accounts.reset_password", token="abc")
    assert link == "http://consult.test/account/reset-password/abc"


def test_production_refuses_to_start_without_a_public_url(tmp_path):
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        production_app(tmp_path, PUBLIC_URL=None)
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        production_app(tmp_path, PUBLIC_URL="consult.example.org/path")


def test_production_answers_only_its_public_host(tmp_path):
    app = production_app(tmp_path, PUBLIC_URL="https://consult.example.org/")
    assert app.config["PUBLIC_URL"] == "https://consult.example.org"
    assert app.config["TRUSTED_HOSTS"] == ["consult.example.org"]
    client = app.test_client()
    assert client.get("/healthz", base_url="https://consult.example.org").status_code == 200
    for host in ("localhost", "127.0.0.1", "evil.example", "consult.example.org.evil.example"):
        assert client.get("/", base_url=f"http://{host}").status_code == 400, host


def test_trusted_hosts_can_be_set(tmp_path):
    app = production_app(
        tmp_path,
        TRUSTED_HOSTS=["consult.example.org", "www.consult.example.org"],
    )
    client = app.test_client()
    assert client.get("/healthz", base_url="https://www.consult.example.org").status_code == 200


def test_development_defaults_to_the_make_run_address(monkeypatch):
    import importlib.util

    import consult.config

    monkeypatch.delenv("PUBLIC_URL", raising=False)
    monkeypatch.setenv("PORT", "8000")
    # A separate copy of the module, read with PORT set: reloading consult.config in place
    # would leave the app's CONFIGS and later tests' imports holding different classes.
    spec = importlib.util.spec_from_file_location("config_with_port", consult.config.__file__)
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)
    assert fresh.DevelopmentConfig.PUBLIC_URL == "http://127.0.0.1:8000"
    settings = {"PUBLIC_URL": fresh.DevelopmentConfig.PUBLIC_URL, "TRUSTED_HOSTS": None}
    fresh.resolve_public_settings(settings, "development")
    assert settings["TRUSTED_HOSTS"] == ["127.0.0.1", "localhost"]
