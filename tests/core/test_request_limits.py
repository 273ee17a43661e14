"""A global request size limit, answered in the reader's language; HSTS in production."""

import pytest

from tests.conftest import PRODUCTION_URL, production_app


@pytest.fixture
def small_limit(app):
    previous = app.config["MAX_CONTENT_LENGTH"]
    app.config["MAX_CONTENT_LENGTH"] = 2 * 2**20
    yield 2 * 2**20
    app.config["MAX_CONTENT_LENGTH"] = previous


def test_the_default_limit_takes_the_register_upload_and_little_more(app):
    from consult.residents.views.imports import MAX_UPLOAD_BYTES

    assert MAX_UPLOAD_BYTES < app.config["MAX_CONTENT_LENGTH"] <= 32 * 2**20


def test_an_anonymous_post_over_the_limit_is_refused_unread(client, db, small_limit):
    body = b"email=" + b"a" * (small_limit + 1)
    response = client.post(
        "/account/sign-in",
        data=body,
        content_type="application/x-www-form-urlencoded",
        headers={"Accept-Language": "zh-CN"},
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "2 MB" in page and "<html" in page and '<html lang="zh-Hans">' in page


def test_a_multipart_upload_over_the_limit_is_refused(client, db, small_limit):
    import io

    from werkzeug.test import EnvironBuilder

    data = {"file": (io.BytesIO(b"x" * (small_limit + 10)), "big.csv")}
    builder = EnvironBuilder(
        path="/account/sign-up", method="POST", data=data, base_url="http://consult.test"
    )
    environ = builder.get_environ()
    try:
        response = client.open(environ)
    finally:
        environ["wsgi.input"].close()  # the unread upload's temporary file
        builder.close()
    assert response.status_code == 413
    assert "larger than this site accepts" in response.get_data(as_text=True)


def test_under_api_the_answer_is_json(client, db, small_limit):
    response = client.get("/api/v1/grids", data=b"x" * (small_limit + 1))
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "413"


def test_a_body_within_the_limit_is_read(client, db, small_limit):
    response = client.post("/account/sign-in", data={"email": "a" * 1000, "password": "x"})
    assert response.status_code == 422


def test_hsts_in_production_only(client, tmp_path):
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    app = production_app(tmp_path)
    response = app.test_client().get("/healthz", base_url=PRODUCTION_URL)
    hsts = response.headers["Strict-Transport-Security"]
    assert hsts.startswith("max-age=") and int(hsts.split("=")[1].split(";")[0]) >= 180 * 86400
