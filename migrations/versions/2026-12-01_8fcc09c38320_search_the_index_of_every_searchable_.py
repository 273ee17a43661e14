"""search: the index of every searchable item

SQLite indexes its tokens with an FTS5 table kept current by triggers, PostgreSQL with a
generated tsvector column and a GIN index (as consult/search/models.py makes them for
create_all). After upgrading a database with content, run `flask search rebuild`.

Revision ID: 8fcc09c38320
Revises: a5cf618f01ab
Create Date: 2026-12-01 10:06:04.233960

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8fcc09c38320'
down_revision = 'a5cf618f01ab'
branch_labels = None
depends_on = None


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


def _execute(statements):
    for statement in statements:
        op.execute(statement)


def upgrade():
    op.create_table('search_index',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('tokens', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_index')),
    sa.UniqueConstraint('kind', 'object_id', name='uq_search_index_item')
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _execute(SQLITE_CREATE)
    elif dialect == "postgresql":
        _execute(POSTGRES_CREATE)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        _execute(SQLITE_DROP)
    op.drop_table('search_index')
