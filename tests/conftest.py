"""Fixtures: an app per database kind, a transaction per test, and small create_* helpers.

Every test that uses ``app`` runs once on SQLite and, when CONSULT_TEST_DATABASE_URL is
set, once more on PostgreSQL.
"""

import email
import email.policy
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from flask_sqlalchemy.session import Session as FlaskSession

from consult import create_app
from consult.extensions import db as _db
from tests.databases import KINDS, fresh_database

PASSWORD = "correct horse battery staple"
PRODUCTION_URL = "https://consult.example.org"


def production_app(tmp_path, **overrides):
    """An app with the production configuration on an SQLite file in ``tmp_path``, given the
    secret key and public address production refuses to start without (as overrides, never
    by patching the config classes, which other tests import)."""
    return create_app(
        "production",
        overrides={
            "SECRET_KEY": "x" * 40,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.db",
            "PUBLIC_URL": PRODUCTION_URL,
            **overrides,
        },
    )


@pytest.fixture(scope="session", params=KINDS)
def database_url(request, tmp_path_factory):
    with fresh_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        "testing",
        overrides={
            "SQLALCHEMY_DATABASE_URI": database_url,
            "MAIL_OUTBOX": str(tmp_path_factory.mktemp("outbox")),
            # The host of TestingConfig.PUBLIC_URL, so that links and requests agree.
            "UPLOAD_DIR": str(tmp_path_factory.mktemp("uploads")),
            "SERVER_NAME": "consult.test",
        },
    )
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.drop_all()
        _db.engine.dispose()


class _ConnectionBoundSession(FlaskSession):
    """Flask-SQLAlchemy picks its engine per model; in tests everything uses one connection."""

    def get_bind(self, *args, **kwargs):
        return self.bind


@pytest.fixture
def db(app):
    """A transaction rolled back after the test; commits inside become savepoints."""
    with app.app_context():
        connection = _db.engine.connect()
        transaction = connection.begin()
        original = _db.session
        _db.session = _db._make_scoped_session(
            {
                "class_": _ConnectionBoundSession,
                "bind": connection,
                "join_transaction_mode": "create_savepoint",
            }
        )
        try:
            yield _db
        finally:
            _db.session.remove()
            _db.session = original
            transaction.rollback()
            connection.close()


class FreshContextClient(FlaskClient):
    """Each request gets its own app context (and so its own ``g``), as in production.

    Without this, requests made while the test holds an app context would share ``g``,
    and with it Flask-Login's cached user.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app, db):
    app.test_client_class = FreshContextClient
    return app.test_client()


@pytest.fixture
def outbox(app, tmp_path):
    """The e-mails sent during the test, parsed, oldest first."""
    folder = tmp_path / "outbox"
    previous = app.config["MAIL_OUTBOX"]
    app.config["MAIL_OUTBOX"] = str(folder)

    def messages():
        if not folder.exists():
            return []
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(folder.glob("*.eml"))
        ]

    yield messages
    app.config["MAIL_OUTBOX"] = previous


@pytest.fixture
def create_user(db):
    from consult.accounts.services import create_user as create

    counter = iter(range(1, 100_000))

    def make(email=None, *, role="resident", password=PASSWORD, name=None, locale="en"):
        number = next(counter)
        user = create(
            email or f"user{number}@example.org",
            name or f"User {number}",
            password,
            role=role,
            locale=locale,
        )
        db.session.commit()
        return user

    return make


def sign_in(client, user_or_email, password=PASSWORD, **extra):
    email_address = getattr(user_or_email, "email", user_or_email)
    return client.post(
        "/account/sign-in", data={"email": email_address, "password": password, **extra}
    )


@pytest.fixture
def signed_in(client, create_user):
    """A client signed in with a new account of the given role."""

    def make(role="resident", **kwargs):
        user = create_user(role=role, **kwargs)
        response = sign_in(client, user)
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return make


PROJECT_ROOT = Path(__file__).resolve().parent.parent
