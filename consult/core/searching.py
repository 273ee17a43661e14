"""The search hook's one signal, and what other domains may ask of site search.

A domain says which item changed, site search (if installed) re-reads it through the
domain's ``SearchSource.document`` in the same transaction. Domains call this and never
import the search package: a listing that combines its filters with a query asks
:func:`matching` here, which answers None when the app has no site search.
"""

from blinker import Namespace
from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.extensions import db
from consult.text.search_tokens import query_terms

_signals = Namespace()

#: sent with the item's kind as sender and ``object_id``; receivers change the session only
content_changed_signal = _signals.signal("consult.content-changed")

#: the longest query read (characters); a longer one is refused with a message
MAX_QUERY_LENGTH = 200


def content_changed(kind, object_id):
    """Call after creating, editing, translating or deleting a searchable item (before commit)."""
    content_changed_signal.send(kind, object_id=object_id)


def documents_in_batches(id_query, load, make_document, batch=500):
    """A ``SearchSource.documents`` for a rebuild: the items whose ids ``id_query`` (a select
    of one id column, with the domain's filters) finds, in id order, ``load(ids)`` reading
    ``batch`` of them at a time, so that a rebuild never holds every item in memory."""
    column = id_query.selected_columns[0]
    last = 0
    while True:
        ids = db.session.scalars(id_query.where(column > last).order_by(column).limit(batch)).all()
        if not ids:
            return
        for item in sorted(load(ids), key=lambda item: item.id):
            yield make_document(item)
        last = ids[-1]


def read_query(text):
    """``(query, terms, problem)`` for what a reader typed: the query trimmed, the terms an
    item must all hold, and a translated message when nothing can be searched (empty, only
    punctuation, too long, a NUL character); ``problem`` is None otherwise."""
    query = " ".join((text or "").split())
    if not query:
        return "", [], _l("Type a word to search for.")
    if "\x00" in query:
        return query.replace("\x00", ""), [], _l("The search holds a character that cannot be searched for.")  # fmt: skip
    if len(query) > MAX_QUERY_LENGTH:
        return query[:MAX_QUERY_LENGTH], [], _l("Use at most %(max)d characters.", max=MAX_QUERY_LENGTH)  # fmt: skip
    terms = query_terms(query)
    if not terms:
        return query, [], _l("Type at least one letter, digit or Chinese character.")
    return query, terms, None


def matching(kind, terms, ranked=True):
    """A subquery of the items of ``kind`` holding every term, with columns ``object_id``
    and ``rank`` (ascending: best first; all 0 with ``ranked=False``, for a caller that
    keeps its own order), to join with a domain's own filters; None when the app has no
    site search."""
    engine = current_app.extensions.get("consult.search")
    return engine.matching(kind, terms, ranked=ranked) if engine is not None else None
