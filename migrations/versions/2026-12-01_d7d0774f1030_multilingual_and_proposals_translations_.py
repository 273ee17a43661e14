"""multilingual and proposals: translations, requests, proposals, timeline, supports, follows, categories, attachments, answers

Revision ID: d7d0774f1030
Revises: 6b26eea256a7
Create Date: 2026-12-01 05:09:28.268596

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd7d0774f1030'
down_revision = '6b26eea256a7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('proposal_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('names', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_categories'))
    )
    op.create_table('proposal_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('support_threshold', sa.Integer(), nullable=True),
    sa.Column('consultation_days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_settings'))
    )
    op.create_table('translation_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('base_language', sa.String(length=8), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_translation_requests_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_translation_requests')),
    sa.UniqueConstraint('content_type', 'content_id', 'base_language', 'user_id', name='uq_translation_requests_once')
    )
    with op.batch_alter_table('translation_requests', schema=None) as batch_op:
        batch_op.create_index('ix_translation_requests_open', ['content_type', 'base_language', 'answered_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_translation_requests_user_id'), ['user_id'], unique=False)

    op.create_table('translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('base_language', sa.String(length=8), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('from_machine_draft', sa.Boolean(), nullable=False),
    sa.Column('engine', sa.String(length=120), nullable=True),
    sa.Column('translator_id', sa.Integer(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('verified_by_id', sa.Integer(), nullable=True),
    sa.Column('verified_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("method IN ('human', 'machine')", name=op.f('ck_translations_method')),
    sa.ForeignKeyConstraint(['translator_id'], ['users.id'], name=op.f('fk_translations_translator_id_users')),
    sa.ForeignKeyConstraint(['verified_by_id'], ['users.id'], name=op.f('fk_translations_verified_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_translations')),
    sa.UniqueConstraint('content_type', 'content_id', 'base_language', name='uq_translations_content_language')
    )
    with op.batch_alter_table('translations', schema=None) as batch_op:
        batch_op.create_index('ix_translations_base_language_method', ['base_language', 'method'], unique=False)

    op.create_table('proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('withdrawn_reason', sa.Text(), nullable=True),
    sa.Column('supports_count', sa.Integer(), nullable=False),
    sa.Column('comments_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("(scope = 'community' AND grid_id IS NULL AND building_id IS NULL) OR (scope = 'grid' AND grid_id IS NOT NULL AND building_id IS NULL) OR (scope = 'building' AND building_id IS NOT NULL AND grid_id IS NULL)", name=op.f('ck_proposals_scope_place')),
    sa.CheckConstraint("scope IN ('community', 'grid', 'building')", name=op.f('ck_proposals_scope')),
    sa.CheckConstraint("state IN ('draft', 'open', 'review', 'answered', 'closed', 'withdrawn')", name=op.f('ck_proposals_state')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_proposals_author_id_users')),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], name=op.f('fk_proposals_building_id_buildings')),
    sa.ForeignKeyConstraint(['category_id'], ['proposal_categories.id'], name=op.f('fk_proposals_category_id_proposal_categories')),
    sa.ForeignKeyConstraint(['grid_id'], ['grids.id'], name=op.f('fk_proposals_grid_id_grids')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_building_id'), ['building_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_category_id'), ['category_id'], unique=False)
        batch_op.create_index('ix_proposals_comments', ['comments_count', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_language'), ['language'], unique=False)
        batch_op.create_index('ix_proposals_state_published', ['state', 'published_at', 'id'], unique=False)
        batch_op.create_index('ix_proposals_supports', ['supports_count', 'id'], unique=False)

    op.create_table('proposal_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('prevailing_language', sa.String(length=35), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IN ('adopted', 'adopted_in_part', 'not_adopted')", name=op.f('ck_proposal_answers_outcome')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_proposal_answers_author_id_users')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_answers_proposal_id_proposals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_answers')),
    sa.UniqueConstraint('proposal_id', name=op.f('uq_proposal_answers_proposal_id'))
    )
    op.create_table('proposal_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=5), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=80), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('image', 'file')", name=op.f('ck_proposal_attachments_kind')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_attachments_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_proposal_attachments_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_attachments')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_proposal_attachments_stored_name'))
    )
    with op.batch_alter_table('proposal_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_attachments_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('proposal_follows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_follows_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_proposal_follows_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_follows')),
    sa.UniqueConstraint('proposal_id', 'user_id', name='uq_proposal_follows_once')
    )
    with op.batch_alter_table('proposal_follows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_follows_user_id'), ['user_id'], unique=False)

    op.create_table('proposal_state_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('cause', sa.String(length=10), nullable=True),
    sa.CheckConstraint("cause IN ('ended', 'threshold')", name=op.f('ck_proposal_state_changes_cause')),
    sa.CheckConstraint("state IN ('draft', 'open', 'review', 'answered', 'closed', 'withdrawn')", name=op.f('ck_proposal_state_changes_state')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_proposal_state_changes_actor_id_users')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_state_changes_proposal_id_proposals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_state_changes'))
    )
    with op.batch_alter_table('proposal_state_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_state_changes_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('proposal_supports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_supports_proposal_id_proposals')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_proposal_supports_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_supports')),
    sa.UniqueConstraint('proposal_id', 'user_id', name='uq_proposal_supports_once')
    )
    with op.batch_alter_table('proposal_supports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_supports_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('proposal_supports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_supports_user_id'))

    op.drop_table('proposal_supports')
    with op.batch_alter_table('proposal_state_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_state_changes_proposal_id'))

    op.drop_table('proposal_state_changes')
    with op.batch_alter_table('proposal_follows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_follows_user_id'))

    op.drop_table('proposal_follows')
    with op.batch_alter_table('proposal_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_attachments_proposal_id'))

    op.drop_table('proposal_attachments')
    op.drop_table('proposal_answers')
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_index('ix_proposals_supports')
        batch_op.drop_index('ix_proposals_state_published')
        batch_op.drop_index(batch_op.f('ix_proposals_language'))
        batch_op.drop_index(batch_op.f('ix_proposals_grid_id'))
        batch_op.drop_index('ix_proposals_comments')
        batch_op.drop_index(batch_op.f('ix_proposals_category_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_building_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_author_id'))

    op.drop_table('proposals')
    with op.batch_alter_table('translations', schema=None) as batch_op:
        batch_op.drop_index('ix_translations_base_language_method')

    op.drop_table('translations')
    with op.batch_alter_table('translation_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_translation_requests_user_id'))
        batch_op.drop_index('ix_translation_requests_open')

    op.drop_table('translation_requests')
    op.drop_table('proposal_settings')
    op.drop_table('proposal_categories')
