import pytest
from flask import abort

from consult import create_app
from consult.extensions import db as _db
from tests.conftest import PRODUCTION_URL, production_app


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_health_check_answers_503_when_the_database_is_unreachable(tmp_path):
    app = create_app(
        "testing",
        overrides={"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3"},
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "error"}


def test_404_page_in_the_readers_language(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "找不到页面" in page and '<html lang="zh-Hans">' in page
    response = client.get("/no-such-page", headers={"Accept-Language": "zh-HK"})
    assert "找不到頁面" in response.get_data(as_text=True)


@pytest.fixture
def failing_app(tmp_path):
    """An app with routes that fail in each way, and exceptions not propagated (as live)."""
    app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db"})
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaboom")

    @app.get("/forbidden")
    def forbidden():
        abort(403)

    @app.get("/bad")
    def bad():
        abort(400)

    return app


@pytest.mark.parametrize(
    ("path", "code", "english", "chinese"),
    [
        ("/boom", 500, "Something went wrong", "出错了"),
        ("/forbidden", 403, "You do not have permission", "您没有权限"),
        ("/bad", 400, "Bad request", "请求有误"),
    ],
)
def test_error_pages(failing_app, path, code, english, chinese):
    client = failing_app.test_client()
    response = client.get(path)
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert english in page and "kaboom" not in page
    response = client.get(path, headers={"Accept-Language": "zh-CN"})
    assert chinese in response.get_data(as_text=True)


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    from consult.config import ProductionConfig

    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_cookies_are_secure(tmp_path):
    app = production_app(tmp_path)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    with app.app_context():  # a real, empty database: the home page as a visitor sees it
        _db.create_all()
    client = app.test_client()
    response = client.get("/", base_url=PRODUCTION_URL, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    cookie = response.headers.get("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_development_keeps_a_generated_secret_key(tmp_path, monkeypatch):
    from consult.config import development_secret_key

    first = development_secret_key(tmp_path)
    assert len(first) >= 64
    assert development_secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"
