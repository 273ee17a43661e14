"""Cached pages and fragments that every change invalidates, across every app process.

Each kind of data a cache depends on has a *version*: a random token in the table
``data_versions``, replaced in the same transaction as any change to that data. A cached
value is stored in the process under the tokens it was computed with, so a request that reads
the current tokens (one small query) finds only values computed from the data as it is now.

- ``track_changes(key, *models)``: changing, adding or deleting a row of ``models`` through the
  ORM replaces ``key``'s token when the session flushes. ``key`` may be a function of the row
  (``lambda comment: f"thread:{comment.proposal_id}"``) for per-object versions.
- ``bump(*keys)``: replace tokens by hand, for bulk writes that bypass the ORM.
- ``cached(name, keys, parts, compute)``: ``compute()``'s value for ``parts``, cached under the
  current tokens of ``keys``.

Tokens are random, never counters: a transaction that bumps and then rolls back leaves no
token behind that a later commit could repeat. Nothing in the cache is needed for
correctness: each process keeps its own, and a restart empties it.
"""

import secrets
import threading
from collections import OrderedDict
from functools import wraps

from flask import g, has_app_context
from sqlalchemy import String, event, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from consult.extensions import db

MAX_ENTRIES = 512
_TRACKED = []  # (model, key or key function)


class DataVersion(db.Model):
    __tablename__ = "data_versions"
    __table_args__ = {"info": {"bookkeeping": True}}

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    token: Mapped[str] = mapped_column(String(32))


def track_changes(key, *models):
    """Replace ``key``'s token whenever a row of ``models`` changes through the ORM."""
    for model in models:
        _TRACKED.append((model, key))


def _keys_for(instance):
    for model, key in _TRACKED:
        if isinstance(instance, model):
            yield key(instance) if callable(key) else key


@event.listens_for(Session, "before_flush")
def _bump_changed(session, flush_context, instances):
    if not _TRACKED:
        return
    keys = set()
    for instance in (*session.new, *session.deleted):
        keys.update(_keys_for(instance))
    for instance in session.dirty:
        if session.is_modified(instance, include_collections=False):
            keys.update(_keys_for(instance))
    if keys:
        _write_tokens(session.connection(), keys)


def _write_tokens(connection, keys):
    insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    # One row at a time, in key order: two writers never wait for each other crosswise.
    for key in sorted(keys):
        statement = insert(DataVersion.__table__).values(key=key, token=secrets.token_hex(16))
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["key"], set_={"token": statement.excluded.token}
            )
        )
    if has_app_context():
        g.pop("data_versions", None)


def bump(*keys):
    """Invalidate everything cached under ``keys`` (for writes the ORM does not see)."""
    _write_tokens(db.session.connection(), set(keys))


_READ_WITH_EVERY_PAGE = set()


def read_with_every_page(*keys):
    """Versions a part of every page depends on (the footer's contact details): read in the
    same query as the first token a request reads, so they cost no query of their own."""
    _READ_WITH_EVERY_PAGE.update(keys)


def read_with_this_request(*keys):
    """Versions this request will read later (a page's comment thread, known from its URL):
    read in the same query as the first token the request reads."""
    g.setdefault("data_versions_wanted", set()).update(keys)


def current_tokens(keys):
    """The tokens of ``keys`` now (read once per request and kept in ``g``)."""
    known = g.setdefault("data_versions", {})
    missing = [key for key in keys if key not in known]
    if missing:
        extra = _READ_WITH_EVERY_PAGE | g.get("data_versions_wanted", set())
        missing += [key for key in extra if key not in known and key not in missing]
    if missing:
        rows = db.session.execute(
            select(DataVersion.key, DataVersion.token).where(DataVersion.key.in_(missing))
        )
        found = dict(rows.all())
        for key in missing:
            known[key] = found.get(key, "")
    return tuple(known[key] for key in keys)


class _ProcessCache:
    """A small least-recently-used store, safe to share between a process's threads."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


_store = _ProcessCache(MAX_ENTRIES)


def cached(name, keys, parts, compute):
    """``compute()`` for ``(name, parts)``, cached while the tokens of ``keys`` stay the same.

    ``parts`` must be hashable and hold everything the value depends on besides the
    versioned data (filters, page number, the reader's language ...).
    """
    cache_key = (name, current_tokens(keys), parts)
    value = _store.get(cache_key)
    if value is None:
        value = compute()
        _store.put(cache_key, value)
    return value


def clear_process_cache():
    _store.clear()


_CSRF_MARK = "\x00csrf\x00"  # never in rendered HTML (forms refuse NUL): where the token goes


def whole_page_for_visitors(name, parts=lambda: ()):
    """A view decorator: a signed-out reader's whole page, cached under every data version
    the page read while it was drawn, and served again while none of them changes.

    The cached copy holds a mark where the visitor's CSRF token was (the language switcher);
    each visitor gets their own. Pages with a flash message and every signed-in reader are
    drawn as usual. ``parts()`` adds what the page depends on besides its address, language
    and versioned data (the community's date for states that follow it). Put it below
    ``@load``/``@permit`` so that permission is checked on every request.
    """
    from flask import request, session
    from flask_login import current_user
    from flask_wtf.csrf import generate_csrf

    from consult.i18n import current_locale_name

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if current_user.is_authenticated or request.method != "GET" or "_flashes" in session:
                return view(*args, **kwargs)
            key = ("visitor-page", name, request.full_path, current_locale_name(), parts())
            token = generate_csrf()
            entry = _store.get(key)
            if entry is not None and current_tokens(entry[0]) == entry[1]:
                return entry[2].replace(_CSRF_MARK, token)
            page = view(*args, **kwargs)
            if isinstance(page, str):
                read = tuple(sorted(g.get("data_versions", {})))
                _store.put(key, (read, current_tokens(read), page.replace(token, _CSRF_MARK)))
            return page

        return wrapped

    return decorate
