"""Production keeps rate-limit counters in Redis (RATELIMIT_STORAGE_URI), shared by workers."""

import os

import pytest
import redis

from consult import create_app
from consult.extensions import db, limiter

REDIS_URL = os.environ.get("CONSULT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_or_skip():
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; .ci/run starts it")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return connection


@pytest.fixture
def redis_limited_app(tmp_path):
    connection = redis_or_skip()
    app = create_app(
        "testing",
        overrides={
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/redis.db",
            "RATELIMIT_STORAGE_URI": REDIS_URL,
            "SIGN_IN_RATE_LIMIT": "2 per minute",
        },
    )
    with app.app_context():
        db.create_all()
    limiter.reset()
    yield app, connection
    limiter.reset()
    connection.close()
    # The limiter is one object shared by every app: point it back at memory.
    create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/m.db"})


def test_sign_in_attempts_are_counted_in_redis(redis_limited_app):
    app, connection = redis_limited_app
    data = {"email": "someone@example.org", "password": "not-the-password"}
    first_worker, second_worker = app.test_client(), app.test_client()
    assert first_worker.post("/account/sign-in", data=data).status_code == 422
    assert second_worker.post("/account/sign-in", data=data).status_code == 422
    assert first_worker.post("/account/sign-in", data=data).status_code == 429
    assert any(key.startswith(b"LIMITS") for key in connection.keys("*"))
