"""elections: elections, rule sets, stations, shifts, voter list, objections, candidates, relations, counting staff, proxies, helpers

Revision ID: 6b26eea256a7
Revises: 55a739267cce
Create Date: 2026-12-01 05:08:23.732369

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6b26eea256a7'
down_revision = '55a739267cce'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('elections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_day', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('preparing', 'cancelled')", name=op.f('ck_elections_status')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_elections_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elections'))
    )
    op.create_table('election_codes_of_conduct',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('texts', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_election_codes_of_conduct_created_by_id_users')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_codes_of_conduct_election_id_elections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_codes_of_conduct')),
    sa.UniqueConstraint('election_id', 'version', name=op.f('uq_election_codes_of_conduct_election_id'))
    )
    with op.batch_alter_table('election_codes_of_conduct', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_codes_of_conduct_election_id'), ['election_id'], unique=False)

    op.create_table('election_contests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('director', 'deputy', 'member')", name=op.f('ck_election_contests_kind')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_contests_election_id_elections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_contests')),
    sa.UniqueConstraint('election_id', 'kind', name=op.f('uq_election_contests_election_id'))
    )
    op.create_table('election_publications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('voter_list', 'candidates', 'counting_staff', 'proxies')", name=op.f('ck_election_publications_kind')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_publications_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_election_publications_published_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_publications'))
    )
    with op.batch_alter_table('election_publications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_publications_election_id'), ['election_id'], unique=False)

    op.create_table('election_stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('opens', sa.Time(), nullable=False),
    sa.Column('closes', sa.Time(), nullable=False),
    sa.Column('mobile', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_stations_election_id_elections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_stations'))
    )
    with op.batch_alter_table('election_stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_stations_election_id'), ['election_id'], unique=False)

    op.create_table('election_texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_texts_election_id_elections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_texts')),
    sa.UniqueConstraint('election_id', 'language', name=op.f('uq_election_texts_election_id'))
    )
    op.create_table('election_shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('observer_capacity', sa.Integer(), nullable=False),
    sa.Column('volunteer_capacity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['election_stations.id'], name=op.f('fk_election_shifts_station_id_election_stations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_shifts'))
    )
    with op.batch_alter_table('election_shifts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_shifts_station_id'), ['station_id'], unique=False)

    op.create_table('election_candidates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('contest_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('latin_name', sa.String(length=120), nullable=False),
    sa.Column('nomination_votes', sa.Integer(), nullable=False),
    sa.Column('photo', sa.String(length=80), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawal_note', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contest_id'], ['election_contests.id'], name=op.f('fk_election_candidates_contest_id_election_contests')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_candidates_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_candidates_resident_id_residents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_candidates')),
    sa.UniqueConstraint('election_id', 'resident_id', name=op.f('uq_election_candidates_election_id'))
    )
    with op.batch_alter_table('election_candidates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_candidates_contest_id'), ['contest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_candidates_election_id'), ['election_id'], unique=False)

    op.create_table('election_counting_staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('scrutineer', 'reader', 'counter')", name=op.f('ck_election_counting_staff_role')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_counting_staff_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_counting_staff_resident_id_residents')),
    sa.ForeignKeyConstraint(['station_id'], ['election_stations.id'], name=op.f('fk_election_counting_staff_station_id_election_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_counting_staff')),
    sa.UniqueConstraint('election_id', 'resident_id', name=op.f('uq_election_counting_staff_election_id'))
    )
    with op.batch_alter_table('election_counting_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_counting_staff_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_counting_staff_station_id'), ['station_id'], unique=False)

    op.create_table('election_mobile_voters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_mobile_voters_resident_id_residents')),
    sa.ForeignKeyConstraint(['station_id'], ['election_stations.id'], name=op.f('fk_election_mobile_voters_station_id_election_stations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_mobile_voters')),
    sa.UniqueConstraint('station_id', 'resident_id', name=op.f('uq_election_mobile_voters_station_id'))
    )
    with op.batch_alter_table('election_mobile_voters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_mobile_voters_station_id'), ['station_id'], unique=False)

    op.create_table('election_objections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('lodged_at', sa.DateTime(), nullable=False),
    sa.Column('decide_by', sa.Date(), nullable=False),
    sa.Column('decision', sa.String(length=8), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("decision IN ('upheld', 'rejected')", name=op.f('ck_election_objections_decision')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_election_objections_decided_by_id_users')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_objections_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_objections_resident_id_residents')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_election_objections_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_objections'))
    )
    with op.batch_alter_table('election_objections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_objections_election_id'), ['election_id'], unique=False)

    op.create_table('election_proxies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.Integer(), nullable=False),
    sa.Column('proxy_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=12), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("relation IN ('spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild')", name=op.f('ck_election_proxies_relation')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_proxies_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proxy_id'], ['residents.id'], name=op.f('fk_election_proxies_proxy_id_residents')),
    sa.ForeignKeyConstraint(['voter_id'], ['residents.id'], name=op.f('fk_election_proxies_voter_id_residents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_proxies')),
    sa.UniqueConstraint('election_id', 'voter_id', name=op.f('uq_election_proxies_election_id'))
    )
    with op.batch_alter_table('election_proxies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_proxies_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_proxies_proxy_id'), ['proxy_id'], unique=False)

    op.create_table('election_voters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("source IN ('drawn', 'added')", name=op.f('ck_election_voters_source')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_voters_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_voters_resident_id_residents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_voters')),
    sa.UniqueConstraint('election_id', 'resident_id', name=op.f('uq_election_voters_election_id'))
    )
    with op.batch_alter_table('election_voters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_voters_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_voters_resident_id'), ['resident_id'], unique=False)

    op.create_table('election_candidate_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['election_candidates.id'], name=op.f('fk_election_candidate_statements_candidate_id_election_candidates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_candidate_statements')),
    sa.UniqueConstraint('candidate_id', 'language', name=op.f('uq_election_candidate_statements_candidate_id'))
    )
    op.create_table('election_helper_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('latin_name', sa.String(length=120), nullable=False),
    sa.Column('nationality', sa.String(length=2), nullable=True),
    sa.Column('languages', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('locale', sa.String(length=10), nullable=False),
    sa.Column('preferred_station_id', sa.Integer(), nullable=True),
    sa.Column('relation_candidate_id', sa.Integer(), nullable=True),
    sa.Column('relation_kind', sa.String(length=12), nullable=True),
    sa.Column('conduct_version', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role IN ('observer', 'volunteer')", name=op.f('ck_election_helper_applications_role')),
    sa.CheckConstraint("status IN ('unconfirmed', 'confirmed', 'lapsed', 'withdrawn')", name=op.f('ck_election_helper_applications_status')),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_helper_applications_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['preferred_station_id'], ['election_stations.id'], name=op.f('fk_election_helper_applications_preferred_station_id_election_stations')),
    sa.ForeignKeyConstraint(['relation_candidate_id'], ['election_candidates.id'], name=op.f('fk_election_helper_applications_relation_candidate_id_election_candidates'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_helper_applications'))
    )
    with op.batch_alter_table('election_helper_applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_helper_applications_election_id'), ['election_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_helper_applications_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_helper_applications_phone'), ['phone'], unique=False)

    op.create_table('election_relations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('election_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('relative_name', sa.String(length=120), nullable=True),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('declared_by', sa.String(length=10), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("declared_by IN ('candidate', 'appointee')", name=op.f('ck_election_relations_declared_by')),
    sa.CheckConstraint("kind IN ('spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild')", name=op.f('ck_election_relations_kind')),
    sa.ForeignKeyConstraint(['candidate_id'], ['election_candidates.id'], name=op.f('fk_election_relations_candidate_id_election_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['election_id'], ['elections.id'], name=op.f('fk_election_relations_election_id_elections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_election_relations_resident_id_residents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_relations'))
    )
    with op.batch_alter_table('election_relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_relations_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_relations_election_id'), ['election_id'], unique=False)

    op.create_table('election_helper_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('requested', 'approved', 'wait_listed', 'declined', 'cancelled', 'revoked')", name=op.f('ck_election_helper_assignments_status')),
    sa.ForeignKeyConstraint(['application_id'], ['election_helper_applications.id'], name=op.f('fk_election_helper_assignments_application_id_election_helper_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_election_helper_assignments_decided_by_id_users')),
    sa.ForeignKeyConstraint(['shift_id'], ['election_shifts.id'], name=op.f('fk_election_helper_assignments_shift_id_election_shifts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_helper_assignments')),
    sa.UniqueConstraint('application_id', 'shift_id', name=op.f('uq_election_helper_assignments_application_id'))
    )
    with op.batch_alter_table('election_helper_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_helper_assignments_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_election_helper_assignments_shift_id'), ['shift_id'], unique=False)


def downgrade():
    with op.batch_alter_table('election_helper_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_helper_assignments_shift_id'))
        batch_op.drop_index(batch_op.f('ix_election_helper_assignments_application_id'))

    op.drop_table('election_helper_assignments')
    with op.batch_alter_table('election_relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_relations_election_id'))
        batch_op.drop_index(batch_op.f('ix_election_relations_candidate_id'))

    op.drop_table('election_relations')
    with op.batch_alter_table('election_helper_applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_helper_applications_phone'))
        batch_op.drop_index(batch_op.f('ix_election_helper_applications_email'))
        batch_op.drop_index(batch_op.f('ix_election_helper_applications_election_id'))

    op.drop_table('election_helper_applications')
    op.drop_table('election_candidate_statements')
    with op.batch_alter_table('election_voters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_voters_resident_id'))
        batch_op.drop_index(batch_op.f('ix_election_voters_election_id'))

    op.drop_table('election_voters')
    with op.batch_alter_table('election_proxies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_proxies_proxy_id'))
        batch_op.drop_index(batch_op.f('ix_election_proxies_election_id'))

    op.drop_table('election_proxies')
    with op.batch_alter_table('election_objections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_objections_election_id'))

    op.drop_table('election_objections')
    with op.batch_alter_table('election_mobile_voters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_mobile_voters_station_id'))

    op.drop_table('election_mobile_voters')
    with op.batch_alter_table('election_counting_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_counting_staff_station_id'))
        batch_op.drop_index(batch_op.f('ix_election_counting_staff_election_id'))

    op.drop_table('election_counting_staff')
    with op.batch_alter_table('election_candidates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_candidates_election_id'))
        batch_op.drop_index(batch_op.f('ix_election_candidates_contest_id'))

    op.drop_table('election_candidates')
    with op.batch_alter_table('election_shifts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_shifts_station_id'))

    op.drop_table('election_shifts')
    op.drop_table('election_texts')
    with op.batch_alter_table('election_stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_stations_election_id'))

    op.drop_table('election_stations')
    with op.batch_alter_table('election_publications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_publications_election_id'))

    op.drop_table('election_publications')
    op.drop_table('election_contests')
    with op.batch_alter_table('election_codes_of_conduct', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_election_codes_of_conduct_election_id'))

    op.drop_table('election_codes_of_conduct')
    op.drop_table('elections')
