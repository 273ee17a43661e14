"""residents: names per content language, order, how an import was read

Revision ID: f4a284ae3977
Revises: abcc14b6ba09
Create Date: 2026-12-01 04:49:39.332406

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4a284ae3977'
down_revision = 'abcc14b6ba09'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=True))

    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('position', sa.Integer(), nullable=True))

    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('encoding', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.drop_column('encoding')

    with op.batch_alter_table('grids', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('names')

    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('names')
