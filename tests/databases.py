"""Fresh, empty databases for the suite: an SQLite file, or a new PostgreSQL database.

CONSULT_TEST_DATABASE_URL names a PostgreSQL server (any database on it); each test
session creates its own database there and drops it afterwards.
"""

import contextlib
import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get("CONSULT_TEST_DATABASE_URL")
KINDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def _postgres_admin_url():
    url = make_url(POSTGRES_URL)
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    return url


@contextlib.contextmanager
def fresh_database(kind, folder):
    """Yield the URL of a new empty database of ``kind``; remove it afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / f'consult-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    admin_url = _postgres_admin_url()
    name = f"consult_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
