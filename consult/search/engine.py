"""Site search: keeping the index current and asking it, the same on SQLite and PostgreSQL.

Everything that depends on the database is here. :func:`search` answers ranked
``(kind, object_id)`` hits for a query; :func:`matching` gives the same matches as a
subquery that a domain joins with its own filters (the proposals listing, the API).
Domains never call this module: they send ``content_changed`` (consult.core.searching), and
the receiver below re-reads the item through its ``SearchSource.document`` and writes its
row in the same transaction.
"""

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app, has_app_context
from sqlalchemy import Float, Integer, String, bindparam, delete, func, literal, select, text
from sqlalchemy.dialects.postgresql import ARRAY

from consult.core.domain import SearchSource
from consult.core.searching import content_changed_signal, read_query
from consult.domains import each_part
from consult.extensions import db
from consult.search.models import SearchEntry
from consult.text.search_tokens import document_tokens, fts5_match, tsquery

#: most hits a query ranks (a reader refines a query rather than reading past this)
MAX_HITS = 1000


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    rank: float  # lower is better


def setup(app):
    """The app has site search: listings may combine it with their filters."""
    import consult.search.engine as engine

    app.extensions["consult.search"] = engine


def sources():
    """{kind: SearchSource} of every domain of the running app that offers content."""
    found = current_app.extensions.get("consult.search.sources")
    if found is None:
        found = {}
        for _domain, part in each_part("search"):
            items = part() if callable(part) and not isinstance(part, SearchSource) else part
            for source in [items] if isinstance(items, SearchSource) else items:
                found[source.kind] = source
        current_app.extensions["consult.search.sources"] = found
    return found


def tokens_of(document):
    """The index terms of a SearchDocument; its title (first text) counts twice."""
    texts = tuple(document.texts)
    title = document_tokens(texts[0]) if texts else ""
    return f"{title} {document_tokens(*texts)}".strip()


# Keeping the index current ------------------------------------------------------------------


def _entry(kind, object_id):
    return db.session.scalars(select(SearchEntry).filter_by(kind=kind, object_id=object_id)).first()


def reindex(kind, object_id):
    """Read item ``object_id`` of ``kind`` again through its source and write its row (or
    drop it when the source no longer gives a document). Changes the session only."""
    source = sources().get(kind)
    if source is None:
        return
    document = source.document(object_id)
    entry = _entry(kind, object_id)
    if document is None:
        if entry is not None:
            db.session.delete(entry)
        return
    tokens = tokens_of(document)
    if entry is None:
        db.session.add(SearchEntry(kind=kind, object_id=object_id, tokens=tokens))
    elif entry.tokens != tokens:
        entry.tokens = tokens


@content_changed_signal.connect
def _on_content_changed(kind, object_id=None, **_extra):
    if has_app_context() and "consult.search" in current_app.extensions:
        reindex(kind, object_id)


def rebuild(kinds=None, batch=500):
    """Index every item of every source again (or of ``kinds``), from scratch.

    Returns ``{kind: count}`` and the seconds taken; changes the session only (the caller
    commits). Rows are written in batches, so memory stays flat however many items.
    """
    started = time.perf_counter()
    counts = {}
    for kind, source in sources().items():
        if kinds and kind not in kinds:
            continue
        db.session.execute(delete(SearchEntry).where(SearchEntry.kind == kind))
        rows = []
        counts[kind] = 0
        for document in source.documents():
            rows.append({"kind": kind, "object_id": document.object_id, "tokens": tokens_of(document)})  # fmt: skip
            if len(rows) >= batch:
                db.session.execute(SearchEntry.__table__.insert(), rows)
                counts[kind] += len(rows)
                rows = []
        if rows:
            db.session.execute(SearchEntry.__table__.insert(), rows)
            counts[kind] += len(rows)
    if db.engine.dialect.name == "sqlite" and kinds is None:
        # The triggers kept it current; merging its segments makes the first queries fast.
        db.session.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))
    return counts, time.perf_counter() - started


# Asking the index ---------------------------------------------------------------------------
#
# SQLite: FTS5 answers the MATCH from its own index and ranks with bm25 from it too.
#
# PostgreSQL: the GIN index finds the rows in a few milliseconds, but the planner does not
# count what reading each row's tsvector costs (it is TOASTed: about 5 µs a row), so it
# prefers reading the whole table (50 ms for 10,000 items) to the index: the engine's
# queries run with sequential scans off. ts_rank reads every match's vector as well, so a
# query matching more than RANKED items (a word in nearly everything) is not ranked:
# newest first.

RANKED = 2000

_SQLITE = (
    "SELECT search_index.kind AS kind, search_index.object_id AS object_id,"
    " {rank} AS rank"
    # CROSS JOIN keeps this order: the matches first, then their rows (SQLite would
    # otherwise read every row of a kind and run the MATCH once per row).
    " FROM search_fts CROSS JOIN search_index ON search_index.id = search_fts.rowid"
    " WHERE search_fts MATCH :match"
)
_POSTGRES = (
    "SELECT search_index.kind AS kind, search_index.object_id AS object_id, {rank} AS rank"
    " FROM search_index WHERE search_index.tsv @@ to_tsquery('simple', :match)"
)
_TS_RANK = "-ts_rank(search_index.tsv, to_tsquery('simple', :match))"


def _postgres():
    return db.session.get_bind().dialect.name == "postgresql"


def _matches(terms, kinds=None, ranked=True):
    """A textual SELECT of (kind, object_id, rank) for the items holding every term."""
    postgres = _postgres()
    rank = (_TS_RANK if postgres else "bm25(search_fts)") if ranked else "0.0"
    sql = (_POSTGRES if postgres else _SQLITE).format(rank=rank)
    params = [bindparam("match", tsquery(terms) if postgres else fts5_match(terms))]
    if kinds and postgres:
        # Kept outside (OFFSET 0), so that the planner never reads a kind's rows along
        # the (kind, object_id) index and tests each one's vector.
        sql = f"SELECT * FROM ({sql} OFFSET 0) AS matched WHERE matched.kind IN :kinds"
    elif kinds:
        sql += " AND search_index.kind IN :kinds"
    if kinds:
        params.append(bindparam("kinds", list(kinds), expanding=True))
    return text(sql).bindparams(*params).columns(kind=String, object_id=Integer, rank=Float)


@contextmanager
def _along_the_index():
    """PostgreSQL: no sequential scan while the engine asks (see above)."""
    if not _postgres():
        yield
        return
    previous = db.session.execute(
        text("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
    ).first()[0]
    try:
        yield
    finally:
        db.session.execute(
            text("SELECT set_config('enable_seqscan', :value, true)"), {"value": previous}
        )


def _worth_ranking(terms, kinds):
    """Always on SQLite; on PostgreSQL while there are at most RANKED matches."""
    if not _postgres():
        return True
    few = select(literal(1)).select_from(_matches(terms, kinds, ranked=False).subquery())
    count = db.session.scalar(select(func.count()).select_from(few.limit(RANKED + 1).subquery()))
    return count <= RANKED


def _terms(query):
    if isinstance(query, list | tuple):
        return list(query)
    return read_query(query)[1]


def search(query, kinds=None, limit=20, offset=0):
    """Ranked hits for ``query`` (what a reader typed, or terms from ``read_query``) among
    ``kinds`` (all by default): a list of :class:`Hit`, best first; empty when the query
    has no terms."""
    terms = _terms(query)
    if not terms or limit <= 0:
        return []
    with _along_the_index():
        found = _matches(terms, kinds, ranked=_worth_ranking(terms, kinds)).subquery()
        stmt = (
            select(found.c.kind, found.c.object_id, found.c.rank)
            .order_by(found.c.rank, found.c.kind, found.c.object_id.desc())
            .limit(limit)
            .offset(offset)
        )
        rows = db.session.execute(stmt).all()
    return [Hit(kind, object_id, rank) for kind, object_id, rank in rows]


def matching(kind, query, ranked=True):
    """The items of ``kind`` matching ``query`` as a subquery (object_id, rank), for a
    domain's own filters; None when the query has no terms. ``ranked=False`` when the
    caller keeps its own order (every rank is then 0, and finding them is cheaper).

    The matches are found first, and the subquery is made of them (two arrays on
    PostgreSQL, a JSON list on SQLite): a domain's query is then planned around a known
    set, never running the full-text match once per row of its table.
    """
    terms = _terms(query)
    if not terms:
        return None
    with _along_the_index():
        ranked = ranked and _worth_ranking(terms, [kind])
        found = _matches(terms, [kind], ranked=ranked).subquery()
        rows = db.session.execute(select(found.c.object_id, found.c.rank)).all()
    if not _postgres():
        pairs = text(
            "SELECT CAST(json_extract(value, '$[0]') AS INTEGER) AS object_id,"
            " json_extract(value, '$[1]') AS rank FROM json_each(:pairs)"
            # A LIMIT keeps it a subquery of its own: materialized once, with an index
            # SQLite makes for the join (a table-valued function cannot have one).
            " LIMIT -1"
        ).bindparams(pairs=json.dumps([[object_id, rank] for object_id, rank in rows]))
        return pairs.columns(object_id=Integer, rank=Float).subquery()
    ids = bindparam("ids", [row[0] for row in rows], type_=ARRAY(Integer))
    ranks = bindparam("ranks", [row[1] for row in rows], type_=ARRAY(Float))
    pairs = func.unnest(ids, ranks).table_valued("object_id", "rank").render_derived("found")
    return select(pairs.c.object_id, pairs.c.rank).subquery()
