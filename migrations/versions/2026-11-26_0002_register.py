"""register

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 13:50:25.532511

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('grids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grids')),
    sa.UniqueConstraint('name', name=op.f('uq_grids_name'))
    )
    op.create_table('buildings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_buildings_grid_id_grids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buildings')),
    sa.UniqueConstraint('name', name=op.f('uq_buildings_name'))
    )
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_buildings_grid_id'), ['grid_id'], unique=False)

    op.create_table('register_import_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('processed', sa.Integer(), nullable=False),
    sa.Column('counts', sa.Text(), nullable=True),
    sa.Column('errors', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'checking', 'saving', 'done', 'failed')", name=op.f('ck_register_import_jobs_status')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_register_import_jobs_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_import_jobs'))
    )
    op.create_table('households',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('building_id', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=True),
    sa.Column('room', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_households_building_id_buildings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households')),
    sa.UniqueConstraint('code', name=op.f('uq_households_code'))
    )
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_households_building_id'), ['building_id'], unique=False)

    op.create_table('residents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('latin_name', sa.String(length=120), nullable=True),
    sa.Column('name_key', sa.String(length=250), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('nationality', sa.String(length=2), nullable=True),
    sa.Column('languages', sa.String(length=100), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('verified_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("gender IN ('F', 'M', 'X')", name=op.f('ck_residents_gender')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_residents_household_id_households')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_residents_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residents')),
    sa.UniqueConstraint('household_id', 'full_name', 'birth_date', name='uq_residents_person'),
    sa.UniqueConstraint('user_id', name=op.f('uq_residents_user_id'))
    )
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_residents_nationality'), ['nationality'], unique=False)

    op.create_table('invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch', sa.String(length=32), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('used_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(household_id IS NULL) <> (resident_id IS NULL)', name=op.f('ck_invitations_household_or_resident')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_invitations_created_by_id_users')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_invitations_household_id_households')),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_invitations_resident_id_residents')),
    sa.ForeignKeyConstraint(['used_by_id'], ['users.id'], name=op.f('fk_invitations_used_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations'))
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitations_batch'), ['batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_resident_id'), ['resident_id'], unique=False)

    op.create_table('verification_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.CheckConstraint("action IN ('verify', 'revoke')", name=op.f('ck_verification_events_action')),
    sa.CheckConstraint("method IN ('invitation', 'committee')", name=op.f('ck_verification_events_method')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_verification_events_actor_id_users')),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitations.id'], name=op.f('fk_verification_events_invitation_id_invitations')),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_verification_events_resident_id_residents')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_verification_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_events'))
    )
    with op.batch_alter_table('verification_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_events_resident_id'), ['resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verification_events_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('verification_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_events_user_id'))
        batch_op.drop_index(batch_op.f('ix_verification_events_resident_id'))

    op.drop_table('verification_events')
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_resident_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_household_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_batch'))

    op.drop_table('invitations')
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_residents_nationality'))

    op.drop_table('residents')
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_households_building_id'))

    op.drop_table('households')
    op.drop_table('register_import_jobs')
    with op.batch_alter_table('buildings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_buildings_grid_id'))

    op.drop_table('buildings')
    op.drop_table('grids')
