"""Elections on "My data" (voter lists, candidacies, proxies, sign-ups as a helper), and
account deletion: refused for a candidate or an approved helper while the election is
under way; sign-ups that never served are deleted."""

from sqlalchemy import select

from consult.accounts.models import User
from consult.data_rights.models import AccountDeletionRequest
from consult.elections.models import HelperApplication, Proxy, Voter
from consult.elections.services import decisions, proxies, signup
from consult.residents.services import verify_resident
from tests.data_rights.helpers import MyData, browser, delete_account
from tests.elections.conftest import add_candidates
from tests.elections.helpers import all_shifts, apply


def linked(db, create_user, committee, resident, email):
    user = create_user(email, name=resident.latin_name)
    verify_resident(committee, resident, user)
    db.session.commit()
    return user


def scene(db, create_user, listed_election, committee_user, register):
    """冯静 gave 冯军 her proxy and signed up to volunteer; 王芳 stands for director."""
    election = listed_election()
    feng = linked(db, create_user, committee_user, register["冯静"], "feng.jing@example.org")
    wang = linked(db, create_user, committee_user, register["王芳"], "wang.fang@example.org")
    add_candidates(committee_user, election, register, {"director": [("王芳", 5)]})
    day = election.election_day.replace(day=10)
    proxies.file_proxy(committee_user, election, register["冯静"], register["冯军"], "spouse", day, today=day)  # fmt: skip
    shifts = all_shifts(election)
    apply(election, shifts[:1], role="volunteer", email="Feng.Jing@example.org",
          full_name="冯静", latin_name="Feng Jing", nationality="CN", languages="zh")  # fmt: skip
    apply(election, shifts[1:])  # Anna Petrova, with an address of her own
    db.session.commit()
    return election, feng, wang


def test_my_data_lists_my_election_records_and_nobody_elses(
    app, db, create_user, listed_election, committee_user, register
):
    election, feng, wang = scene(db, create_user, listed_election, committee_user, register)
    mine = MyData(app, feng)
    assert "Voter lists you are on" in mine.page and "Proxy votes" in mine.page
    assert len(mine.rows("election_voter_lists")) == 1
    (proxy,) = mine.rows("election_proxies")
    assert proxy["direction"] == "Someone votes for you" and proxy["relation"] == "Spouse"
    (signed,) = mine.rows("election_helper_signups")
    assert signed["full_name"] == "冯静" and signed["role"] == "Volunteer"
    assert len(mine.rows("election_helper_shifts")) == 1
    assert mine.rows("election_candidacies") == []
    # The person she authorised, the other helper and the candidate are not named.
    for other in ("冯军", "Feng Jun", "Anna Petrova", "anna.petrova@example.org", "王芳"):
        assert not mine.holds(other), other
    candidate = MyData(app, wang)
    (stands,) = candidate.rows("election_candidacies")
    assert stands["post"] == "Director" and "王芳的陈述" in stands["statements"]
    assert candidate.rows("election_helper_signups") == []
    assert candidate.rows("election_proxies") == []


def test_deletion_is_refused_for_a_candidate_while_the_election_is_under_way(
    app, db, create_user, listed_election, committee_user, register
):
    _election, _feng, wang = scene(db, create_user, listed_election, committee_user, register)
    response = delete_account(app, db, wang, committee_user)
    assert response.status_code == 422
    assert "stands as a candidate" in response.get_data(as_text=True)
    assert db.session.get(User, wang.id).active


def test_deletion_drops_sign_ups_that_never_served_and_keeps_the_register_records(
    app, db, create_user, listed_election, committee_user, register
):
    election, feng, _wang = scene(db, create_user, listed_election, committee_user, register)
    assert delete_account(app, db, feng, committee_user).status_code == 302
    left = db.session.scalars(select(HelperApplication)).all()
    assert [a.latin_name for a in left] == ["Anna Petrova"]
    resident = register["冯静"].id
    assert db.session.scalars(select(Proxy).filter_by(voter_id=resident)).one()
    assert db.session.scalars(select(Voter).filter_by(election_id=election.id, resident_id=resident)).one()  # fmt: skip


def test_deletion_is_refused_for_an_approved_helper_then_blanks_their_contact(
    app, db, create_user, listed_election, committee_user, register
):
    election, feng, _wang = scene(db, create_user, listed_election, committee_user, register)
    application = db.session.scalars(select(HelperApplication).filter_by(latin_name="Feng Jing")).one()  # fmt: skip
    signup.confirm_application(application)
    decisions.approve_assignment(committee_user, application.assignments[0])
    db.session.commit()
    response = delete_account(app, db, feng, committee_user)
    assert response.status_code == 422
    assert "approved observer or volunteer" in response.get_data(as_text=True)
    election.status = "cancelled"  # no longer under way: the record stays, without contact
    db.session.commit()
    request = db.session.scalars(select(AccountDeletionRequest).filter_by(user_id=feng.id)).one()
    confirmed = browser(app, committee_user).post(f"/data-rights/requests/{request.id}/confirm")
    assert confirmed.status_code == 302
    db.session.expire_all()
    kept = db.session.get(HelperApplication, application.id)
    assert kept.full_name == "冯静" and kept.email is None and kept.phone is None
