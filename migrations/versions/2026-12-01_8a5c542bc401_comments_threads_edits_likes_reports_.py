"""comments: threads, edits, likes, reports and appeals

Revision ID: 8a5c542bc401
Revises: d7d0774f1030
Create Date: 2026-12-01 06:37:05.666198

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8a5c542bc401'
down_revision = '436bb5d0366c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_type', sa.String(length=40), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('depth', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('translated_html', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('stance', sa.String(length=10), nullable=True),
    sa.Column('likes_count', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('hidden_reason', sa.String(length=20), nullable=True),
    sa.Column('hidden_note', sa.Text(), nullable=True),
    sa.Column('hidden_at', sa.DateTime(), nullable=True),
    sa.Column('hidden_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("hidden_reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')", name=op.f('ck_comments_hidden_reason')),
    sa.CheckConstraint("stance IN ('for', 'against', 'neutral')", name=op.f('ck_comments_stance')),
    sa.CheckConstraint("status IN ('visible', 'held', 'hidden')", name=op.f('ck_comments_status')),
    sa.CheckConstraint('stance IS NULL OR parent_id IS NULL', name=op.f('ck_comments_stance_on_first')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_comments_author_id_users')),
    sa.ForeignKeyConstraint(['hidden_by_id'], ['users.id'], name=op.f('fk_comments_hidden_by_id_users')),
    sa.ForeignKeyConstraint(['parent_id'], ['comments.id'], name=op.f('fk_comments_parent_id_comments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_author', ['author_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index('ix_comments_target', ['target_type', 'target_id', 'id'], unique=False)

    op.create_table('comment_appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('upheld', sa.Boolean(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_appeals_comment_id_comments')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_comment_appeals_decided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_appeals')),
    sa.UniqueConstraint('comment_id', name=op.f('uq_comment_appeals_comment_id'))
    )
    op.create_table('comment_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_edits_comment_id_comments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_edits'))
    )
    with op.batch_alter_table('comment_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_edits_comment_id'), ['comment_id'], unique=False)

    op.create_table('comment_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('by_verified_resident', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=True),
    sa.CheckConstraint("outcome IN ('hidden', 'dismissed')", name=op.f('ck_comment_flags_outcome')),
    sa.CheckConstraint("reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')", name=op.f('ck_comment_flags_reason')),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_flags_comment_id_comments')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_comment_flags_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_flags')),
    sa.UniqueConstraint('comment_id', 'user_id', name='uq_comment_flags_once')
    )
    with op.batch_alter_table('comment_flags', schema=None) as batch_op:
        batch_op.create_index('ix_comment_flags_open', ['resolved_at', 'comment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comment_flags_user_id'), ['user_id'], unique=False)

    op.create_table('comment_likes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_likes_comment_id_comments')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_comment_likes_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_likes')),
    sa.UniqueConstraint('comment_id', 'user_id', name='uq_comment_likes_once')
    )
    with op.batch_alter_table('comment_likes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_likes_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('comment_likes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_likes_user_id'))

    op.drop_table('comment_likes')
    with op.batch_alter_table('comment_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_flags_user_id'))
        batch_op.drop_index('ix_comment_flags_open')

    op.drop_table('comment_flags')
    with op.batch_alter_table('comment_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_edits_comment_id'))

    op.drop_table('comment_edits')
    op.drop_table('comment_appeals')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_target')
        batch_op.drop_index(batch_op.f('ix_comments_parent_id'))
        batch_op.drop_index('ix_comments_author')

    op.drop_table('comments')
