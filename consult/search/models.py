"""The search index: one row of tokens per searchable item, whatever its kind.

``tokens`` holds what :func:`consult.text.search_tokens.document_tokens` made of the item's
texts (every language). Each database indexes that column its own way, with objects the
models cannot describe, made here for ``create_all`` and by the migration:

- SQLite: an FTS5 table ``search_fts`` over ``search_index.tokens`` (external content,
  kept current by triggers), ranked with ``bm25``;
- PostgreSQL: a stored generated column ``tsv = to_tsvector('simple', tokens)`` with a GIN
  index, ranked with ``ts_rank``.
"""

from sqlalchemy import DDL, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from consult.core.models import db, unmanaged

FTS_TABLE = "search_fts"
FTS_SHADOW = ("data", "idx", "docsize", "config")

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "tokens, content='search_index', content_rowid='id')",
    "CREATE TRIGGER search_index_ai AFTER INSERT ON search_index BEGIN"
    " INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_index_ad AFTER DELETE ON search_index BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_index_au AFTER UPDATE OF tokens ON search_index BEGIN"
    " INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens);"
    " INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_index_au",
    "DROP TRIGGER IF EXISTS search_index_ad",
    "DROP TRIGGER IF EXISTS search_index_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_CREATE = [
    "ALTER TABLE search_index ADD COLUMN tsv tsvector"
    " GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED",
    "CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS ix_search_index_tsv",
    "ALTER TABLE search_index DROP COLUMN IF EXISTS tsv",
]

unmanaged(
    FTS_TABLE,
    *(f"{FTS_TABLE}_{shadow}" for shadow in FTS_SHADOW),
    "search_index.tsv",
    "ix_search_index_tsv",
)


class SearchEntry(db.Model):
    """One searchable item's index terms (kind and id as the owning domain names them)."""

    __tablename__ = "search_index"
    __table_args__ = (UniqueConstraint("kind", "object_id", name="uq_search_index_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[int] = mapped_column()
    tokens: Mapped[str] = mapped_column(Text, default="")


def _ddl(statements, dialect):
    for statement in statements:
        yield DDL(statement).execute_if(dialect=dialect)


for _statement in _ddl(SQLITE_CREATE, "sqlite"):
    event.listen(SearchEntry.__table__, "after_create", _statement)
for _statement in _ddl(POSTGRES_CREATE, "postgresql"):
    event.listen(SearchEntry.__table__, "after_create", _statement)
for _statement in _ddl(SQLITE_DROP, "sqlite"):
    event.listen(SearchEntry.__table__, "before_drop", _statement)
