"""The result of each contest, through the count's services and pages, as consult.tally's
committee_majority decides it from the stations' totals: turnout fails; elected in round
one; a tie for a seat sends the tied to a new vote; a second round with its one-third floor;
seats left vacant once three members are elected, or else to another vote."""

from datetime import timedelta

import pytest

from consult.core.services import ServiceError
from consult.elections.services import counts, declaration, results, rounds
from tests.conftest import sign_in
from tests.elections.conftest import DAY
from tests.elections.counting import contest, enter, figures, form_data, prepare

FOUR_MEMBERS = {
    "director": [("王芳", 12), ("陈磊", 8)],
    "member": [("周敏", 10), ("刘洋", 9), ("孙丽", 7), ("吴强", 6)],
}


@pytest.fixture
def election(listed_election, committee_user, register, db, frozen):
    return prepare(listed_election, committee_user, register, db, frozen)


def _page(client, election):
    return client.get(f"/elections/{election.id}/results").get_data(as_text=True)


def test_too_few_voters_make_the_election_not_valid(election, committee_user, client):
    director = enter(committee_user, election, "director", 1, figures(2, 2, [2, 0]), figures(3, 3, [2, 1]))  # fmt: skip
    outcome = results.contest_result(director)
    assert (outcome.status, outcome.result.summary["reason"], outcome.elected) == ("not_valid", "turnout", [])  # fmt: skip
    page = _page(client, election)
    assert "The election is not valid: no more than half of the voters on the list voted." in page
    assert "Turnout: 5 of 10 voters cast a ballot (50.0%)." in page
    # The rule that decided it, in the reader's language (the engine's explanation).
    chinese = client.get(f"/elections/{election.id}/results", headers={"Accept-Language": "zh-CN"})
    assert "选举无效：10 名登记选民中只有 5 人投票，未过半数。" in chinese.get_data(as_text=True)


def test_elected_in_round_one_with_more_than_half(election, committee_user, client):
    director = enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [2, 2]))  # fmt: skip
    assert results.contest_result(director).elected == ["王芳"]
    member = enter(committee_user, election, "member", 1, figures(4, 4, [4, 3, 1]), figures(4, 4, [4, 3, 1]))  # fmt: skip
    assert (results.contest_result(director).elected, results.contest_result(member).elected) == (["王芳"], ["周敏", "刘洋"])  # fmt: skip
    page = _page(client, election)
    assert "王芳 (Wang Fang)" in page
    assert (
        "王芳 is elected with 5 votes, more than half of the 8 ballots cast (at least 5)." in page
    )
    assert declaration.declaration_problems(election) == []


def test_waiting_for_a_station_before_the_result(election, committee_user, client):
    director = contest(election, "director")
    counts.enter_count(committee_user, director, election.stations[0], 1, figures(4, 4, [3, 1]))
    outcome = results.contest_result(director)
    assert outcome.status == "waiting" and [s.name for s in outcome.missing[1]] == ["Station 2"]
    assert "Waiting for the counts of: Station 2." in _page(client, election)
    problems = [str(p) for p in declaration.declaration_problems(election)]
    assert "Director: waiting for the counts of Station 2." in problems


def test_a_tie_for_a_seat_sends_the_tied_to_a_new_vote(election, committee_user, client, db):
    member = enter(committee_user, election, "member", 1, figures(4, 4, [3, 3, 2]), figures(4, 4, [3, 2, 3]))  # fmt: skip
    outcome = results.contest_result(member)
    assert outcome.elected == ["周敏"] and outcome.status == "second_round_needed"
    assert outcome.tied_in_round_one and outcome.second_round_candidates == ["刘洋", "孙丽"]
    page = _page(client, election)
    assert "a new vote among the tied candidates, 刘洋 (Liu Yang), 孙丽 (Sun Li), decides 1 seat" in page  # fmt: skip
    with pytest.raises(ServiceError, match="no second round scheduled"):
        counts.enter_count(committee_user, member, election.stations[0], 2, figures(4, 4, [3, 1]))
    # The committee schedules the new vote through the count page, then enters it.
    sign_in(client, committee_user)
    url = f"/elections/contests/{member.id}/second-round"
    late = client.post(url, data={f"c{member.id}-held_on": (DAY + timedelta(days=31)).isoformat()})
    assert late.status_code == 422 and "within 30 days" in late.get_data(as_text=True)
    assert client.post(url, data={f"c{member.id}-held_on": DAY.isoformat()}).status_code == 302
    db.session.expire_all()
    assert election.status.value == "second_round"
    station = election.stations[0]
    entry = client.get(f"/elections/stations/{station.id}/count/{member.id}/2").get_data(as_text=True)  # fmt: skip
    assert "刘洋" in entry and "周敏" not in entry.split("<form", 1)[1].split("</form>")[0]
    client.post(f"/elections/stations/{station.id}/count/{member.id}/2", data=form_data(figures(4, 4, [3, 1])))  # fmt: skip
    counts.enter_count(committee_user, member, election.stations[1], 2, figures(3, 3, [1, 2]))
    outcome = results.contest_result(member)
    assert outcome.status == "complete" and outcome.elected == ["周敏", "刘洋"]
    assert "New vote among the tied candidates" in _page(client, election)


def test_second_round_needs_a_third_of_the_ballots_and_fewer_than_three_members_means_another_vote(election, committee_user, client):  # fmt: skip
    enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [3, 1]))
    member = enter(committee_user, election, "member", 1, figures(4, 4, [4, 2, 1]), figures(4, 4, [3, 2, 1]))  # fmt: skip
    outcome = results.contest_result(member)
    assert outcome.elected == ["周敏"] and outcome.second_round_candidates == ["刘洋", "孙丽"]
    problems = [str(p) for p in declaration.declaration_problems(election)]
    assert problems == ["Member: a second round is needed; schedule it and enter its counts."]
    rounds.schedule_second_round(committee_user, member, DAY + timedelta(days=7))
    # 9 ballots: the floor is 3; the most votes, 2, are not enough.
    enter(committee_user, election, "member", 2, figures(5, 5, [1, 1], invalid=3), figures(4, 4, [1, 0], invalid=3))  # fmt: skip
    outcome = results.contest_result(member)
    assert (outcome.status, outcome.elected, outcome.unfilled) == ("seats_unfilled", ["周敏"], 1)
    decided = [d.reason for d in outcome.result.rounds[1].decisions]
    assert decided == ["below_one_third"]
    page = _page(client, election)
    assert "刘洋 has 2 votes, fewer than one third of the 9 ballots cast" in page
    assert "Fewer than 3 members are elected, so it must be filled by another vote." in page
    declared = declaration.declare_results(committee_user, election)
    contests = {c["kind"]: c for c in declared.results["contests"]}
    assert contests["member"]["vacant"] is False and contests["member"]["unfilled"] == 1


def test_with_three_members_elected_the_committee_may_leave_seats_vacant(listed_election, committee_user, register, db, frozen, client):  # fmt: skip
    election = prepare(listed_election, committee_user, register, db, frozen, seats={"director": 1, "deputy": 0, "member": 3}, people=FOUR_MEMBERS)  # fmt: skip
    enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [3, 1]))
    member = enter(committee_user, election, "member", 1, figures(4, 4, [4, 3, 1, 1]), figures(4, 4, [4, 2, 2, 1]))  # fmt: skip
    assert results.contest_result(member).elected == ["周敏", "刘洋"]
    rounds.schedule_second_round(committee_user, member, DAY)
    enter(committee_user, election, "member", 2, figures(4, 4, [1, 1], invalid=2), figures(4, 4, [0, 1], invalid=3))  # fmt: skip
    assert results.contest_result(member).status == "seats_unfilled"
    db.session.commit()
    sign_in(client, committee_user)
    page = client.get(f"/elections/{election.id}/count").get_data(as_text=True)
    assert "With 3 members elected, the residents' committee may leave them vacant" in page
    refused = client.post(f"/elections/{election.id}/declare", data={})
    assert refused.status_code == 422
    assert "Seats remain unfilled: say whether they stay vacant." in refused.get_data(as_text=True)
    assert client.post(f"/elections/{election.id}/declare", data={"leave_vacant": "y"}).status_code == 302  # fmt: skip
    page = _page(client, election)
    assert "1 seat stays vacant, by the residents' committee's decision: 3 members are elected" in page  # fmt: skip


def test_a_rule_set_the_engine_does_not_count_by_stops_the_declaration(make_election, committee_user):  # fmt: skip
    election = make_election(turnout="2/3", vacancies_allowed_from=5)
    messages = [str(m) for m in declaration.engine_differences(election.rules)]
    assert len(messages) == 2
    assert "“Valid when more than this share of the voters vote”: 2/3" in messages[0]
    assert "the law's 1/2" in messages[0]


def test_with_nobody_left_for_a_second_round_the_seats_are_unfilled(election, committee_user):
    enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [3, 1]))
    member = enter(committee_user, election, "member", 1, figures(4, 4, [4, 0, 0]), figures(4, 4, [4, 0, 0]))  # fmt: skip
    outcome = results.contest_result(member)
    assert outcome.result.summary["status"] == "second_round_needed"  # the engine's word
    assert outcome.second_round_candidates == []
    assert (outcome.status, outcome.unfilled) == ("seats_unfilled", 1)
    with pytest.raises(ServiceError, match="needs no second round"):
        rounds.schedule_second_round(committee_user, member, DAY)
    assert declaration.declaration_problems(election) == []


def test_a_tie_in_the_second_round_leaves_the_seat_to_another_vote(election, committee_user, client):  # fmt: skip
    director = enter(committee_user, election, "director", 1, figures(4, 4, [2, 2]), figures(4, 4, [2, 2]))  # fmt: skip
    assert results.contest_result(director).second_round_candidates == ["王芳", "陈磊"]
    rounds.schedule_second_round(committee_user, director, DAY + timedelta(days=1))
    enter(committee_user, election, "director", 2, figures(3, 3, [2, 1]), figures(3, 3, [1, 2]))
    outcome = results.contest_result(director)
    assert (outcome.status, outcome.result.extra["new_vote_candidates"]) == ("tie_new_vote", ["王芳", "陈磊"])  # fmt: skip
    page = _page(client, election)
    assert "The second round ended in a tie between 王芳 (Wang Fang), 陈磊 (Chen Lei)." in page
    assert "so it must be filled by another vote" in page
