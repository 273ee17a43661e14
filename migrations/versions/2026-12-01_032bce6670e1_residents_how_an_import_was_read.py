"""residents: how an import was read

Revision ID: 032bce6670e1
Revises: abcc14b6ba09
Create Date: 2026-12-01 04:46:46.225072

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '032bce6670e1'
down_revision = 'abcc14b6ba09'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('encoding', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('register_import_jobs', schema=None) as batch_op:
        batch_op.drop_column('encoding')
