"""core: data versions for cached pages

Revision ID: abcc14b6ba09
Revises: 0002
Create Date: 2026-12-01 04:27:16.178578

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'abcc14b6ba09'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('data_versions',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_data_versions'))
    )


def downgrade():
    op.drop_table('data_versions')
