"""polls: polls, options, voter lists, voters, ballots, paper batches, results

Revision ID: 436bb5d0366c
Revises: 15321829531a
Create Date: 2026-12-01 05:11:52.266011

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '436bb5d0366c'
down_revision = '15321829531a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('polls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question', sa.JSON(), nullable=False),
    sa.Column('description', sa.JSON(), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('max_marks', sa.Integer(), nullable=True),
    sa.Column('score_max', sa.Integer(), nullable=True),
    sa.Column('quorum_percent', sa.Integer(), nullable=True),
    sa.Column('meeting', sa.String(length=12), nullable=False),
    sa.Column('base', sa.String(length=10), nullable=False),
    sa.Column('adults_only', sa.Boolean(), nullable=False),
    sa.Column('per_household', sa.Boolean(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('opens_at', sa.DateTime(), nullable=False),
    sa.Column('closes_at', sa.DateTime(), nullable=False),
    sa.Column('results_shown', sa.String(length=14), nullable=False),
    sa.Column('subject_type', sa.String(length=40), nullable=True),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=True),
    sa.Column('electorate_size', sa.Integer(), nullable=True),
    sa.Column('close_reason', sa.Text(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('shuffled_at', sa.DateTime(), nullable=True),
    sa.Column('closing_sha256', sa.String(length=64), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('closing_job_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("base IN ('verified', 'register')", name=op.f('ck_polls_base')),
    sa.CheckConstraint("meeting IN ('none', 'adults', 'households')", name=op.f('ck_polls_meeting')),
    sa.CheckConstraint("method IN ('plurality', 'approval', 'block', 'yes_no', 'irv', 'stv', 'schulze', 'borda', 'score')", name=op.f('ck_polls_method')),
    sa.CheckConstraint("results_shown IN ('after_closing', 'live')", name=op.f('ck_polls_results_shown')),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_polls_building_id_buildings')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_polls_created_by_id_users')),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_polls_grid_id_grids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_polls'))
    )
    with op.batch_alter_table('polls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_polls_closes_at'), ['closes_at'], unique=False)

    op.create_table('poll_ballots',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('receipt', sa.String(length=14), nullable=False),
    sa.Column('choices', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_ballots_poll_id_polls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_ballots')),
    sa.UniqueConstraint('poll_id', 'receipt', name='uq_poll_ballots_receipt')
    )
    op.create_table('poll_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('text', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_options_poll_id_polls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_options')),
    sa.UniqueConstraint('poll_id', 'name', name='uq_poll_options_name'),
    sa.UniqueConstraint('poll_id', 'position', name='uq_poll_options_position')
    )
    op.create_table('poll_paper_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('ballots', sa.Integer(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=False),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_poll_paper_batches_entered_by_id_users')),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_paper_batches_poll_id_polls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_paper_batches'))
    )
    with op.batch_alter_table('poll_paper_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poll_paper_batches_poll_id'), ['poll_id'], unique=False)

    op.create_table('poll_results',
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('ballots', sa.Integer(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('explanations', sa.JSON(), nullable=False),
    sa.Column('ballot_list', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('counted_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_results_poll_id_polls')),
    sa.PrimaryKeyConstraint('poll_id', name=op.f('pk_poll_results'))
    )
    op.create_table('poll_electorate',
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('building_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_electorate_poll_id_polls')),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_poll_electorate_resident_id_residents')),
    sa.PrimaryKeyConstraint('poll_id', 'resident_id', name=op.f('pk_poll_electorate'))
    )
    op.create_table('poll_voters',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('household_slot', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=6), nullable=False),
    sa.Column('ticked_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("channel IN ('online', 'paper')", name=op.f('ck_poll_voters_channel')),
    sa.ForeignKeyConstraint(['poll_id'], ['polls.id'], name=op.f('fk_poll_voters_poll_id_polls')),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_poll_voters_resident_id_residents')),
    sa.ForeignKeyConstraint(['ticked_by_id'], ['users.id'], name=op.f('fk_poll_voters_ticked_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poll_voters')),
    sa.UniqueConstraint('poll_id', 'household_slot', name='uq_poll_voters_household'),
    sa.UniqueConstraint('poll_id', 'resident_id', name='uq_poll_voters_resident')
    )


def downgrade():
    op.drop_table('poll_voters')
    op.drop_table('poll_electorate')
    op.drop_table('poll_results')
    with op.batch_alter_table('poll_paper_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poll_paper_batches_poll_id'))

    op.drop_table('poll_paper_batches')
    op.drop_table('poll_options')
    op.drop_table('poll_ballots')
    with op.batch_alter_table('polls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_polls_closes_at'))

    op.drop_table('polls')
