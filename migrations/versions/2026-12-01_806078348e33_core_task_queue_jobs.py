"""core: task queue jobs

Revision ID: 806078348e33
Revises: 4da43662bd77
Create Date: 2026-12-01 04:43:38.587600

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '806078348e33'
down_revision = '4da43662bd77'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('periodic_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('worker', sa.String(length=120), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_periodic_runs')),
    sa.UniqueConstraint('name', 'period', name='uq_periodic_runs_name_period')
    )
    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=80), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('worker', sa.String(length=120), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_jobs_status')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_jobs_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs'))
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jobs_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_status'), ['status'], unique=False)

    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('job_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_register_import_jobs_job_id_jobs'), 'jobs', ['job_id'], ['id'])


def downgrade():
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_register_import_jobs_job_id_jobs'), type_='foreignkey')
        batch_op.drop_column('job_id')

    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jobs_status'))
        batch_op.drop_index(batch_op.f('ix_jobs_kind'))

    op.drop_table('jobs')
    op.drop_table('periodic_runs')
