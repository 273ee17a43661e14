"""residents: names per content language, order, short codes, revoked letters, how an import was read

Revision ID: 241117aacbc9
Revises: 58fec2fa3233
Create Date: 2026-12-01 04:54:09.588737

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '241117aacbc9'
down_revision = '58fec2fa3233'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=True))

    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=True))

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code_nonce', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('code_digest', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoked_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revoked_because', sa.String(length=10), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_invitations_code_digest'), ['code_digest'])
        batch_op.create_foreign_key(batch_op.f('fk_invitations_revoked_by_id_users'), 'users', ['revoked_by_id'], ['id'])
        batch_op.create_check_constraint(batch_op.f('ck_invitations_revoked_because'), "revoked_because IN ('replaced', 'revoked')")

    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('encoding', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.drop_column('encoding')

    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_invitations_revoked_because'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_invitations_revoked_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_invitations_code_digest'), type_='unique')
        batch_op.drop_column('revoked_because')
        batch_op.drop_column('revoked_by_id')
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('code_digest')
        batch_op.drop_column('code_nonce')

    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('names')

    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('names')
