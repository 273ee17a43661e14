"""On SQLite, a ballot's commit does not wait for the disk (``synchronous=NORMAL``).

SQLite holds its one write lock while a commit is synced to disk (about 2–4 ms here), so
with the default (FULL) casting tops out near 80 ballots a second whatever the hardware
does. In WAL mode, NORMAL keeps the database consistent through any crash; only a power
cut or an operating-system crash can lose the last ballots committed before the next
checkpoint (the app crashing loses nothing). Such a voter's receipt code is then missing
from the published list, which they can see, and their voter record is gone with it, so
nothing is half-written. Only the cast request's connection is changed, and it is set back
when the connection returns to the pool; every other commit stays FULL. PostgreSQL, the
production database, commits every ballot durably. ``POLL_SQLITE_FAST_COMMIT = False``
turns this off.
"""

from flask import current_app, has_request_context, request
from sqlalchemy import event
from sqlalchemy.pool import Pool

CAST_ENDPOINT = "polls.cast"
_installed = []


def _is_sqlite(dbapi_connection):
    return type(dbapi_connection).__module__.startswith("sqlite3")


def _on_checkout(dbapi_connection, record, proxy):
    if not (_is_sqlite(dbapi_connection) and has_request_context()):
        return
    if request.endpoint == CAST_ENDPOINT and current_app.config.get(
        "POLL_SQLITE_FAST_COMMIT", True
    ):
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        record.info["poll_fast_commit"] = True


def _on_checkin(dbapi_connection, record):
    if record.info.pop("poll_fast_commit", False) and dbapi_connection is not None:
        dbapi_connection.execute("PRAGMA synchronous=FULL")


def install():
    """Listen on every pool (once per process)."""
    if not _installed:
        event.listen(Pool, "checkout", _on_checkout)
        event.listen(Pool, "checkin", _on_checkin)
        _installed.append(True)
