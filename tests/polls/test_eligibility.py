"""Who may vote, and the poll page saying why not: every rule, households, the fixed list."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from consult.core.models import utcnow
from consult.core.services import ServiceError
from consult.polls import voting
from consult.polls.models import PollElectorate
from consult.residents import services as register
from consult.residents.models import Building, Grid, Household
from tests.polls.conftest import account, cast, counts, fast_user, make_poll, open_poll, option_id


def status(town, name, poll):
    return voting.voting_status(account(town, name), poll)


def voters_of(town, poll):
    return {
        town.db.session.get(register.Resident, rid).full_name
        for rid in town.db.session.scalars(
            select(PollElectorate.resident_id).where(PollElectorate.poll_id == poll.id)
        )
    }


def test_verified_residents_of_any_nationality_by_default(town):
    poll = open_poll(town)
    assert voters_of(town, poll) == {
        "王芳",
        "陈磊",
        "陈小雨",
        "Anna Smith",
        "Марина Иванова",
        "Tom Smith",
        "Lea Berg",
    }  # fmt: skip  (김민준 has no account)
    assert poll.electorate_size == 7
    assert status(town, "Anna Smith", poll).may_vote


def test_everyone_in_the_register_when_those_without_accounts_vote_on_paper(town):
    poll = open_poll(town, base="register")
    assert "김민준" in voters_of(town, poll) and poll.electorate_size == 8


def test_adults_on_the_closing_date(town):
    # 陈小雨 was born on 2012-03-09: she is 18 on 2030-03-09, not the day before.
    closes = utcnow().replace(year=2030, month=3, day=8, hour=12)
    poll = open_poll(town, adults_only=True, closes_at=closes)
    names = voters_of(town, poll)
    assert "陈小雨" not in names and "王芳" in names
    assert "Lea Berg" not in names  # no birth date in the register: not known to be an adult
    message = str(status(town, "陈小雨", poll).message)
    assert "18 or over on March 8, 2030" in message
    assert "no birth date" in str(status(town, "Lea Berg", poll).message)
    later = open_poll(town, adults_only=True, closes_at=closes + timedelta(days=1))
    assert "陈小雨" in voters_of(town, later)


def test_one_grid(town):
    grid = town.db.session.scalars(select(Grid).filter_by(name="Grid Two")).one()
    poll = open_poll(town, grid_id=grid.id)
    assert voters_of(town, poll) == {"Марина Иванова", "Tom Smith", "Lea Berg"}
    refused = status(town, "Anna Smith", poll)
    assert not refused.may_vote and "residents of grid Grid Two" in str(refused.message)
    with pytest.raises(ServiceError, match="grid Grid Two"):
        cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))


def test_one_building(town):
    building = town.db.session.scalars(select(Building).filter_by(name="B1")).one()
    poll = open_poll(town, building_id=building.id)
    assert voters_of(town, poll) == {"王芳", "陈磊", "陈小雨", "Anna Smith"}
    assert "building B1" in str(status(town, "Tom Smith", poll).message)


def test_not_verified(town, db):
    poll = open_poll(town)
    stranger = fast_user(db, "Stranger")
    db.session.commit()
    answer = voting.voting_status(stranger, poll)
    assert not answer.may_vote and "not linked to the resident register" in str(answer.message)
    with pytest.raises(ServiceError, match="not linked"):
        voting.cast_ballot(stranger, poll, {"choice": str(option_id(poll, "Gym"))})
    signed_out = voting.voting_status(None, poll)
    assert signed_out.code == "sign_in"


def test_one_vote_per_household_any_member_the_first_counts(town):
    poll = open_poll(town, per_household=True, adults_only=True)
    # H1, H2, H4 and H5 have verified adults (H1 two: 王芳 and 陈磊); H3's has no account.
    assert poll.electorate_size == 4
    assert status(town, "陈磊", poll).may_vote and status(town, "王芳", poll).may_vote
    cast(town, "陈磊", poll, choice=str(option_id(poll, "Gym")))
    answer = status(town, "王芳", poll)
    assert answer.code == "household_voted"
    assert "Someone in your household has already voted" in str(answer.message)
    with pytest.raises(ServiceError, match="household"):
        cast(town, "王芳", poll, choice=str(option_id(poll, "Garden")))
    assert status(town, "陈磊", poll).code == "voted"
    assert counts(town.db, poll) == (1, 1)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Garden")))  # another household
    assert counts(town.db, poll) == (2, 2)


def test_the_household_helpers(town):
    stmt = register.adults_on(date(2026, 1, 1), register.verified_residents())
    assert register.count_households(stmt) == 4  # H1, H2, H4, H5 (H3's member has no account)
    building = town.db.session.scalars(select(Building).filter_by(name="B3")).one()
    assert {r.full_name for r in town.db.session.scalars(register.in_building(building))} == {
        "Марина Иванова", "Tom Smith", "Lea Berg",
    }  # fmt: skip


def test_the_list_is_fixed_when_the_poll_opens(town, db):
    grid_one = town.db.session.scalars(select(Grid).filter_by(name="Grid One")).one()
    poll = open_poll(town, grid_id=grid_one.id)
    before = voters_of(town, poll)
    size = poll.electorate_size
    # After opening: a new verified resident, a revoked one, one who moves out of the grid.
    newcomer = fast_user(db, "Newcomer")
    register.verify_resident(town.committee, town.people["김민준"], newcomer)
    register.revoke_verification(town.committee, town.people["陈小雨"], note="moved away")
    h4 = db.session.scalars(select(Household).filter_by(code="H4")).one()
    register.move_resident(town.committee, town.people["Anna Smith"], h4)
    db.session.commit()
    assert voters_of(town, poll) == before and poll.electorate_size == size
    later = voting.voting_status(newcomer, poll)
    assert not later.may_vote
    assert "fixed when the poll opened" in str(later.message)
    # Anna moved out of the grid but was on the list: her vote still counts here.
    assert status(town, "Anna Smith", poll).may_vote
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))


def test_before_opening_the_page_says_whether_you_will_be_able_to_vote(town):
    grid = town.db.session.scalars(select(Grid).filter_by(name="Grid Two")).one()
    poll = make_poll(town, grid_id=grid.id)
    assert status(town, "Tom Smith", poll).code == "upcoming"
    assert "You will be able to vote" in str(status(town, "Tom Smith", poll).message)
    assert "grid Grid Two" in str(status(town, "Anna Smith", poll).message)
    with pytest.raises(ServiceError, match="opens on"):
        cast(town, "Tom Smith", poll, choice=str(option_id(poll, "Gym")))


def test_the_page_says_why_not_in_chinese(town, client_as):
    grid = town.db.session.scalars(select(Grid).filter_by(name="Grid Two")).one()
    poll = open_poll(town, grid_id=grid.id)
    client = client_as(account(town, "Anna Smith"), locale="zh_Hans")
    html = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "此投票仅限 Grid Two 网格的居民参加。" in html
    vote = client.get(f"/polls/{poll.id}/vote").get_data(as_text=True)
    assert "此投票仅限 Grid Two 网格的居民参加。" in vote and "检查我的选票" not in vote
