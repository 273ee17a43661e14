"""data rights: account deletion requests, moved-out residents, retention, full imports

A full register import may wait for the committee's confirmation (status "confirming") or
be cancelled: the status's CHECK constraint gains both values.

Revision ID: 15321829531a
Revises: 26b8dad869ec
Create Date: 2026-12-01 06:07:03.428673

"""
from alembic import op
import sqlalchemy as sa

OLD_STATUSES = ("queued", "checking", "saving", "done", "failed")
NEW_STATUSES = (*OLD_STATUSES, "confirming", "cancelled")


def _status_check(statuses):
    return "status IN (" + ", ".join(f"'{status}'" for status in statuses) + ")"


# revision identifiers, used by Alembic.
revision = '15321829531a'
down_revision = '26b8dad869ec'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('account_deletion_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.Column('notice_email', sa.String(length=254), nullable=True),
    sa.Column('notice_locale', sa.String(length=10), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'done', 'refused', 'withdrawn')", name=op.f('ck_account_deletion_requests_status')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_account_deletion_requests_decided_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_deletion_requests_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_deletion_requests'))
    )
    with op.batch_alter_table('account_deletion_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_deletion_requests_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_deletion_requests_user_id'), ['user_id'], unique=False)

    op.create_table('register_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('moved_out_retention_months', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_register_settings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_settings'))
    )
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('full', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('moved_out_ids', sa.Text(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_register_import_jobs_status'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_register_import_jobs_status'), _status_check(NEW_STATUSES))
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.alter_column('full', server_default=None)

    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('moved_out_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('moved_out_reason', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('moved_out_import_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_residents_moved_out_on'), ['moved_out_on'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_residents_moved_out_import_id_register_import_jobs'), 'register_import_jobs', ['moved_out_import_id'], ['id'])

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')

    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_residents_moved_out_import_id_register_import_jobs'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_residents_moved_out_on'))
        batch_op.drop_column('purged_at')
        batch_op.drop_column('moved_out_import_id')
        batch_op.drop_column('moved_out_reason')
        batch_op.drop_column('moved_out_on')

    jobs = sa.table('register_import_jobs', sa.column('status', sa.String))
    op.execute(jobs.update().where(jobs.c.status.in_(('confirming', 'cancelled'))).values(status='failed'))
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_register_import_jobs_status'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_register_import_jobs_status'), _status_check(OLD_STATUSES))
        batch_op.drop_column('moved_out_ids')
        batch_op.drop_column('full')

    op.drop_table('register_settings')
    with op.batch_alter_table('account_deletion_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_deletion_requests_user_id'))
        batch_op.drop_index(batch_op.f('ix_account_deletion_requests_status'))

    op.drop_table('account_deletion_requests')
