"""The voter list: drawn by age on election day and the nationality rule, never public;
objections lodged by residents and decided by the committee, who tell them."""

from datetime import date

import pytest

from consult.core.services import ServiceError
from consult.elections.services import voters
from tests.conftest import sign_in
from tests.elections.conftest import DAY


def _names(election):
    return {
        r.full_name for _grid, people in voters.voter_list_by_grid(election) for r, *_ in people
    }


def test_adults_on_election_day_and_citizens_by_default(make_election, committee_user):
    election = make_election()
    counts = voters.draw_voter_list(committee_user, election)
    names = _names(election)
    assert "李明" in names  # 18 on election day itself
    assert "李晓" not in names  # 18 the day after
    assert "陈小雨" not in names  # a child
    assert "Anna Smith" not in names  # not a citizen: the default rule set
    assert "张无" not in names  # no birth date in the register
    assert counts["listed"] == len(names) == 10
    assert counts["no_birth_date"] == 1


def test_the_rule_set_can_list_residents_without_chinese_nationality(make_election, committee_user):  # fmt: skip
    election = make_election(list_foreign_residents=True)
    voters.draw_voter_list(committee_user, election)
    assert "Anna Smith" in _names(election)


def test_household_mode_lists_one_per_household(make_election, committee_user):
    election = make_election(mode="household")
    voters.draw_voter_list(committee_user, election)
    names = _names(election)
    assert "王芳" in names and "陈磊" not in names  # H-1's first-registered adult
    assert "冯静" in names and "冯军" not in names


def test_a_published_list_changes_one_voter_at_a_time_with_a_reason(listed_election, committee_user, register):  # fmt: skip
    election = listed_election()
    with pytest.raises(ServiceError):
        voters.draw_voter_list(committee_user, election)
    with pytest.raises(ServiceError) as error:
        voters.add_voter(committee_user, election, register["Anna Smith"], "")
    assert error.value.problems[0].field == "reason"
    voters.add_voter(committee_user, election, register["Anna Smith"], "Naturalised in May.")
    assert voters.is_listed(election, register["Anna Smith"])
    voters.remove_voter(committee_user, election, register["冯军"], "Deprived of political rights.")  # fmt: skip
    assert not voters.is_listed(election, register["冯军"])


def test_nobody_signed_out_and_no_resident_sees_the_voter_list(client, listed_election, signed_in):  # fmt: skip
    election = listed_election()
    for path in (f"/elections/{election.id}/voters", f"/elections/{election.id}/voters/print"):
        response = client.get(path)
        assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"]
    page = client.get(f"/elections/{election.id}").get_data(as_text=True)
    assert "周敏" not in page  # the public page names no voter
    signed_in("resident")
    assert client.get(f"/elections/{election.id}/voters").status_code == 403
    assert client.get(f"/elections/{election.id}/voters/print").status_code == 403


def test_the_committee_prints_the_list_by_grid(client, listed_election, committee_user):
    election = listed_election()
    sign_in(client, committee_user)
    page = client.get(f"/elections/{election.id}/voters/print").get_data(as_text=True)
    assert page.index("第一网格") < page.index("王芳") < page.index("第二网格") < page.index("周敏")
    assert page.count('class="print-sheet"') == 2  # one A4 sheet per grid


@pytest.fixture
def resident_user(create_user, register, db):
    """周敏's account, linked to her register entry, reading Chinese."""
    user = create_user(locale="zh_Hans")
    register["周敏"].user_id = user.id
    db.session.commit()
    return user


def test_a_resident_sees_whether_they_are_listed(client, listed_election, resident_user, committee_user, register, db):  # fmt: skip
    election = listed_election()
    sign_in(client, resident_user)
    assert "您在选民名单上" in client.get(f"/elections/{election.id}").get_data(as_text=True)
    voters.remove_voter(committee_user, election, register["周敏"], "Moved out.")
    db.session.commit()
    assert "您不在选民名单上" in client.get(f"/elections/{election.id}").get_data(as_text=True)


def test_objections_within_five_days_decided_and_told_in_their_language(listed_election, resident_user, committee_user, register, db, outbox):  # fmt: skip
    from consult.core.queue import run_pending

    election = listed_election()
    voters.remove_voter(committee_user, election, register["周敏"], "By mistake.")
    with pytest.raises(ServiceError):  # five days after publication (D-20) have passed
        voters.lodge_objection(resident_user, election, "我应该在名单上。", today=date(2030, 6, 1))
    with pytest.raises(ServiceError) as error:
        voters.lodge_objection(resident_user, election, "no", today=date(2030, 5, 27))
    assert error.value.problems[0].field == "reason"
    objection = voters.lodge_objection(resident_user, election, "我满18岁，应该在名单上。", today=date(2030, 5, 30))  # fmt: skip
    assert objection.decide_by == date(2030, 6, 2)
    with pytest.raises(ServiceError):  # one open objection at a time
        voters.lodge_objection(resident_user, election, "又一个异议。", today=date(2030, 5, 30))
    voters.decide_objection(committee_user, objection, "upheld", "核实无误，已列入。")
    db.session.commit()
    run_pending()
    assert voters.is_listed(election, register["周敏"])  # upheld: put on the list
    mail = outbox()[-1]
    assert "异议" in mail["Subject"] and "成立" in mail["Subject"]
    assert "核实无误" in mail.get_content()
    assert DAY.year == 2030


def test_an_objection_is_lodged_on_the_page(client, listed_election, resident_user, frozen):
    election = listed_election()
    frozen(date(2030, 5, 28))
    sign_in(client, resident_user)
    response = client.post(f"/elections/{election.id}/objections/lodge", data={"reason": "我的邻居不在名单上。"})  # fmt: skip
    assert response.status_code == 302
    page = client.get(f"/elections/{election.id}").get_data(as_text=True)
    assert "我的邻居不在名单上。" in page
