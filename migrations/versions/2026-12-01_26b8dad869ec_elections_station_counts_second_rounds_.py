"""elections: station counts, second rounds, countersignatures, declarations

Revision ID: 26b8dad869ec
Revises: d7d0774f1030
Create Date: 2026-12-01 06:02:50.440021

"""
from alembic import op
import sqlalchemy as sa


# The election's states before and after election day (ElectionStatus).
BEFORE = "status IN ('preparing', 'cancelled')"
AFTER = "status IN ('preparing', 'counting', 'second_round', 'declared', 'cancelled')"

# revision identifiers, used by Alembic.
revision = '26b8dad869ec'
down_revision = 'd7d0774f1030'
branch_labels = None
depends_on = None


def _sqlite_foreign_keys(on):
    """PRAGMA foreign_keys is a no-op inside a transaction: end the migration's transaction,
    switch, and begin the next one (as Alembic's autocommit_block does; ours cannot, since
    consult/extensions.py begins every SQLite transaction itself)."""
    raw = op.get_bind().connection.dbapi_connection
    raw.execute('COMMIT')
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    raw.execute('BEGIN IMMEDIATE')


def _status_check(condition):
    """SQLite rebuilds the table to change a CHECK constraint: with foreign keys on, dropping
    the old table would delete every row that cascades from it (texts, voters, helpers ...),
    so they are off while it is rebuilt."""
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        _sqlite_foreign_keys(False)
    with op.batch_alter_table('elections', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_elections_status'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_elections_status'), condition)
    if sqlite:
        _sqlite_foreign_keys(True)


def upgrade():
    _status_check(AFTER)
    op.create_table('election_declarations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.Column('declared_by_id', sa.Integer(), nullable=True),
    sa.Column('results', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['declared_by_id'], ['users.id'], name=op.f('fk_election_declarations_declared_by_id_users')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_declarations_election_id_elections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_declarations')),
    sa.UniqueConstraint('election_id', name=op.f('uq_election_declarations_election_id'))
    )
    op.create_table('election_second_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('scheduled_at', sa.DateTime(), nullable=False),
    sa.Column('scheduled_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contest_id'], ['election_contests.id'], name=op.f('fk_election_second_rounds_contest_id_election_contests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scheduled_by_id'], ['users.id'], name=op.f('fk_election_second_rounds_scheduled_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_second_rounds')),
    sa.UniqueConstraint('contest_id', name=op.f('uq_election_second_rounds_contest_id'))
    )
    op.create_table('election_station_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('voters_signed', sa.Integer(), nullable=False),
    sa.Column('ballots_cast', sa.Integer(), nullable=False),
    sa.Column('invalid', sa.Integer(), nullable=False),
    sa.Column('blank', sa.Integer(), nullable=False),
    sa.Column('votes', sa.Text(), nullable=False),
    sa.Column('write_ins', sa.Text(), nullable=False),
    sa.Column('against', sa.Text(), nullable=False),
    sa.Column('abstain', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contest_id'], ['election_contests.id'], name=op.f('fk_election_station_counts_contest_id_election_contests')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_station_counts_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_election_station_counts_entered_by_id_users')),
    sa.ForeignKeyConstraint(['station_id'], ['election_stations.id'], name=op.f('fk_election_station_counts_station_id_election_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_station_counts')),
    sa.UniqueConstraint('contest_id', 'station_id', 'round', 'version', name=op.f('uq_election_station_counts_contest_id'))
    )
    with op.batch_alter_table('election_station_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_station_counts_contest_id'), ['contest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_station_counts_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_station_counts_station_id'), ['station_id'], unique=False)

    op.create_table('election_count_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=14), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('entries', sa.Text(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('countersigned', 'objection')", name=op.f('ck_election_count_reviews_kind')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_election_count_reviews_answered_by_id_users')),
    sa.ForeignKeyConstraint(['assignment_id'], ['election_helper_assignments.id'], name=op.f('fk_election_count_reviews_assignment_id_election_helper_assignments')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_count_reviews_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['station_id'], ['election_stations.id'], name=op.f('fk_election_count_reviews_station_id_election_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_count_reviews'))
    )
    with op.batch_alter_table('election_count_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_count_reviews_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_count_reviews_station_id'), ['station_id'], unique=False)


def downgrade():
    with op.batch_alter_table('election_count_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_count_reviews_station_id'))
        batch_op.drop_index(batch_op.f('ix_election_count_reviews_election_id'))

    op.drop_table('election_count_reviews')
    with op.batch_alter_table('election_station_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_station_counts_station_id'))
        batch_op.drop_index(batch_op.f('ix_election_station_counts_election_id'))
        batch_op.drop_index(batch_op.f('ix_election_station_counts_contest_id'))

    op.drop_table('election_station_counts')
    op.drop_table('election_second_rounds')
    op.drop_table('election_declarations')
    op.execute("UPDATE elections SET status = 'preparing' WHERE status IN ('counting', 'second_round', 'declared')")
    _status_check(BEFORE)
