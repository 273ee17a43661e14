"""Counting staff: voters appointed per station; no candidate, and no relative of a
candidate declared by the candidate or by the appointee."""

import pytest

from consult.core.services import ServiceError
from consult.elections.services import candidates, staff
from tests.elections.conftest import add_candidates


@pytest.fixture
def prepared(listed_election, committee_user, register, db):
    election = listed_election()
    made = add_candidates(committee_user, election, register, {"director": [("王芳", 5), ("陈磊", 9)], "member": [("周敏", 4), ("刘洋", 2), ("孙丽", 7)]})  # fmt: skip
    db.session.commit()
    return election, {c.name: c for c in made}


def test_a_voter_who_is_no_relative_is_appointed(prepared, committee_user, register):
    election, _ = prepared
    appointed = staff.appoint_staff(committee_user, election, election.stations[0], register["吴强"], "scrutineer")  # fmt: skip
    assert appointed.role.value == "scrutineer"
    with pytest.raises(ServiceError):  # once per election
        staff.appoint_staff(committee_user, election, election.stations[0], register["吴强"], "counter")  # fmt: skip


def test_a_candidate_cannot_be_counting_staff(prepared, committee_user, register):
    election, _ = prepared
    with pytest.raises(ServiceError) as error:
        staff.appoint_staff(committee_user, election, election.stations[0], register["周敏"], "counter")  # fmt: skip
    assert "candidate" in str(error.value.message)


def test_the_candidates_declaration_blocks_the_appointment(prepared, committee_user, register):
    election, made = prepared
    candidates.declare_relation(committee_user, made["孙丽"], "sibling", "candidate", resident=register["冯静"])  # fmt: skip
    with pytest.raises(ServiceError) as error:
        staff.appoint_staff(committee_user, election, election.stations[0], register["冯静"], "reader")  # fmt: skip
    assert "孙丽" in str(error.value.message)


def test_the_appointees_own_declaration_blocks_it_too(prepared, committee_user, register, db):
    election, made = prepared
    with pytest.raises(ServiceError):
        staff.appoint_staff(committee_user, election, election.stations[0], register["郑华"], "counter", [(made["刘洋"], "child")])  # fmt: skip
    db.session.rollback()  # as run_service does
    # A relation the rules do not name (grandchild) does not block.
    appointed = staff.appoint_staff(committee_user, election, election.stations[0], register["郑华"], "counter", [(made["刘洋"], "grandchild")])  # fmt: skip
    assert appointed is not None


def test_a_later_declaration_shows_as_a_conflict_and_stops_publication(prepared, committee_user, register):  # fmt: skip
    election, made = prepared
    staff.appoint_staff(committee_user, election, election.stations[0], register["冯军"], "counter")
    staff.publish_staff(committee_user, election)
    candidates.declare_relation(committee_user, made["王芳"], "parent", "candidate", name="冯军")
    assert [s.resident.full_name for s, _ in staff.conflicted_staff(election)] == ["冯军"]
    with pytest.raises(ServiceError):
        staff.publish_staff(committee_user, election)
