"""Shared set-up of the poll benchmarks: a database, a register of voters with accounts,
an open poll, and voters' sessions made directly (no password sign-in).

Sessions: ``voter_cookie(app, user)`` signs in through Flask-Login inside a request context
that looks like the benchmark's client (127.0.0.1 and its User-Agent, for the "strong"
session protection) and serialises the session cookie with the app's own signing, CSRF
token included. This is the benchmark-only way the README describes; it needs the app's
SECRET_KEY, which only the server's operator has.
"""

import contextlib
import os
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from consult import create_app
from consult.accounts.models import User
from consult.core.models import utcnow
from consult.extensions import db
from consult.residents import importer
from consult.residents.csvformat import COLUMNS, export_csv
from consult.residents.models import Resident

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRET_KEY = "benchmark-secret-key"  # what benchmarks/load.Server gives gunicorn
USER_AGENT = "consult-benchmark"
POSTGRES = os.environ.get(
    "CONSULT_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
OPTIONS = ["Garden", "Library", "Gym", "Kitchen", "Playground"]


@contextlib.contextmanager
def database(kind, folder):
    """A fresh database URL of ``kind`` (sqlite or postgresql), dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'polls.sqlite3'}"
        return
    admin = create_engine(make_url(POSTGRES), isolation_level="AUTOCOMMIT")
    name = f"consult_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def make_app(url, folder):
    return create_app(
        "development",
        overrides={
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": SECRET_KEY,
            "QUEUE_MODE": "inline",
            "MAIL_OUTBOX": str(folder / "outbox"),
        },
    )


def migrate(app):
    from flask_migrate import upgrade

    with app.app_context():
        upgrade(directory=str(PROJECT_ROOT / "migrations"))


def register_voters(count):
    """``count`` residents, one household each (8 buildings in 2 grids), with accounts."""
    rows = []
    for n in range(count):
        values = {column: "" for column in COLUMNS}
        values.update(household_code=f"H{n:06d}", building=f"B{n % 8}", grid=f"Grid {n % 2}",
                      full_name=f"Voter {n:06d}", birth_date="1985-05-05")  # fmt: skip
        rows.append(tuple(values[column] for column in COLUMNS))
    checked, counts = importer.import_register(export_csv(rows))
    assert counts is not None, checked.problems[:3]
    now = utcnow()
    db.session.execute(
        insert(User),
        [{"email": f"voter{n}@example.org", "stored_name": f"Voter {n:06d}", "role": "resident",
          "password_hash": "!", "active": True, "created_at": now, "updated_at": now}
         for n in range(count)],
    )  # fmt: skip
    db.session.execute(
        text(
            "UPDATE residents SET user_id = users.id FROM users "
            "WHERE users.display_name = residents.full_name"
        )
    )
    committee = User(email="committee@example.org", display_name="Committee", role="committee",
                     password_hash="!")  # fmt: skip
    db.session.add(committee)
    db.session.commit()
    return committee


def open_poll(committee, method="irv", **values):
    from consult.polls import services

    now = utcnow()
    poll = services.create_poll(
        committee, question={"zh": "基准", "en": "Benchmark"}, method=method,
        options=[{"zh": f"选项{n}", "en": name} for n, name in enumerate(OPTIONS)],
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=1), **values,
    )  # fmt: skip
    services.open_poll(committee, poll)
    db.session.commit()
    return poll


def voter_cookie(app, user):
    """(Cookie header, CSRF token) of a session signed in as ``user``."""
    from flask import session
    from flask_login import login_user
    from flask_wtf.csrf import generate_csrf

    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": USER_AGENT}
    # A fresh app context: Flask-WTF and Flask-Login keep the last token and user in ``g``.
    with app.app_context(), app.test_request_context("/", environ_base=environ):
        try:  # sign-in sessions kept in the database, where the app has them
            from consult.accounts.sessions import begin_session
        except ImportError:
            login_user(user)
        else:
            begin_session(db.session.merge(user))
        token = generate_csrf()
        value = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    return f"{app.config.get('SESSION_COOKIE_NAME', 'session')}={value}", token


def voters_of(poll):
    return db.session.scalars(
        select(User).join(Resident, Resident.user_id == User.id).order_by(User.id)
    ).all()
