"""notices: notices, categories, subscriptions and confirmations

Revision ID: a5cf618f01ab
Revises: 8a5c542bc401
Create Date: 2026-12-01 10:08:11.164216

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a5cf618f01ab'
down_revision = '8a5c542bc401'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notice_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_categories')),
    sa.UniqueConstraint('slug', name=op.f('uq_notice_categories_slug'))
    )
    op.create_table('notice_subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('category', 'community', 'grid', 'building')", name=op.f('ck_notice_subscriptions_kind')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notice_subscriptions_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_subscriptions'))
    )
    with op.batch_alter_table('notice_subscriptions', schema=None) as batch_op:
        batch_op.create_index('ix_notice_subscriptions_kind', ['kind', 'target_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_subscriptions_user_id'), ['user_id'], unique=False)

    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('needs_confirmation', sa.Boolean(), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('publish_at', sa.DateTime(), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('coming_languages', sa.JSON(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('announced_at', sa.DateTime(), nullable=True),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.Column('edited_at', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(scope = 'community' AND grid_id IS NULL AND building_id IS NULL) OR (scope = 'grid' AND grid_id IS NOT NULL AND building_id IS NULL) OR (scope = 'building' AND building_id IS NOT NULL AND grid_id IS NULL)", name=op.f('ck_notices_scope_place')),
    sa.CheckConstraint("scope IN ('community', 'grid', 'building')", name=op.f('ck_notices_scope')),
    sa.CheckConstraint('expires_at IS NULL OR publish_at IS NULL OR expires_at > publish_at', name=op.f('ck_notices_expires_after_publish')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_notices_author_id_users')),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_notices_building_id_buildings')),
    sa.ForeignKeyConstraint(['category_id'], ['notice_categories.id'], name=op.f('fk_notices_category_id_notice_categories')),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_notices_grid_id_grids')),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_notices_published_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_notices_board', ['pinned', 'publish_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_building_id'), ['building_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_category_id'), ['category_id'], unique=False)
        batch_op.create_index('ix_notices_expires', ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_language'), ['language'], unique=False)

    op.create_table('notice_confirmations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_notice_confirmations_notice_id_notices')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notice_confirmations_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_confirmations')),
    sa.UniqueConstraint('notice_id', 'user_id', name='uq_notice_confirmations_once')
    )
    with op.batch_alter_table('notice_confirmations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_confirmations_notice_id'), ['notice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_confirmations_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('notice_confirmations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_confirmations_user_id'))
        batch_op.drop_index(batch_op.f('ix_notice_confirmations_notice_id'))

    op.drop_table('notice_confirmations')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notices_language'))
        batch_op.drop_index(batch_op.f('ix_notices_grid_id'))
        batch_op.drop_index('ix_notices_expires')
        batch_op.drop_index(batch_op.f('ix_notices_category_id'))
        batch_op.drop_index(batch_op.f('ix_notices_building_id'))
        batch_op.drop_index('ix_notices_board')
        batch_op.drop_index(batch_op.f('ix_notices_author_id'))

    op.drop_table('notices')
    with op.batch_alter_table('notice_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_subscriptions_user_id'))
        batch_op.drop_index('ix_notice_subscriptions_kind')

    op.drop_table('notice_subscriptions')
    op.drop_table('notice_categories')
