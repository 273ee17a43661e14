"""The timeline: deadlines derived from election day and the rule set; done, due, late."""

from datetime import date, timedelta

from consult.elections.services import candidates, setup, timeline, voters
from consult.elections.services.timeline import DONE, DUE, LATE
from tests.elections.conftest import DAY, add_candidates


def _steps(election, today):
    return {step.key: step for step in timeline.timeline(election, today)}


def test_deadlines_follow_election_day_and_the_rule_set(make_election, committee_user):
    election = make_election()
    due = timeline.deadlines(election)
    assert due["voter_list"] == date(2030, 5, 26)  # D-20
    assert due["objections_close"] == date(2030, 5, 31)  # + 5 days
    assert due["objections"] == date(2030, 6, 3)  # + 3 days to decide
    assert due["candidates"] == due["counting_staff"] == date(2030, 6, 10)  # D-5
    assert due["proxies"] == due["withdrawals"] == date(2030, 6, 12)  # D-3

    setup.update_rules(committee_user, election, {"voter_list_days": 30, "proxy_days": 5})
    due = timeline.deadlines(election)
    assert due["voter_list"] == DAY - timedelta(days=30)
    assert due["proxies"] == DAY - timedelta(days=5)


def test_a_step_is_due_then_late_then_done(make_election, committee_user, frozen, db):
    election = make_election()
    assert _steps(election, date(2030, 5, 26))["voter_list"].status == DUE  # on the day
    assert _steps(election, date(2030, 5, 27))["voter_list"].status == LATE  # the day after

    frozen(date(2030, 5, 28))
    voters.draw_voter_list(committee_user, election)
    voters.publish_voter_list(committee_user, election)
    step = _steps(election, date(2030, 5, 28))["voter_list"]
    assert step.status == DONE and step.done_late  # done, two days late


def test_objections_are_late_when_one_waits_past_its_three_days(listed_election, db, create_user, register, frozen):  # fmt: skip
    election = listed_election()
    user = create_user()
    objection = voters.lodge_objection(user, election, "My neighbour is missing.", today=date(2030, 5, 27))  # fmt: skip
    assert objection.decide_by == date(2030, 5, 30)
    assert _steps(election, date(2030, 5, 30))["objections"].status == DUE
    late = _steps(election, date(2030, 5, 31))["objections"]
    assert late.status == LATE and "1" in str(late.detail)


def test_candidates_step_is_done_only_when_published_with_more_candidates_than_seats(listed_election, committee_user, register, frozen):  # fmt: skip
    election = listed_election()
    add_candidates(committee_user, election, register, {"director": [("王芳", 5), ("陈磊", 3)], "member": [("周敏", 4), ("刘洋", 2), ("孙丽", 1)]})  # fmt: skip
    frozen(date(2030, 6, 9))
    candidates.publish_candidates(committee_user, election)
    assert _steps(election, date(2030, 6, 9))["candidates"].status == DONE
    # A withdrawal leaves the director's contest with one candidate for one seat.
    candidates.withdraw_candidate(committee_user, candidates.candidates_of(election)[1], date(2030, 6, 9), None)  # fmt: skip
    step = _steps(election, date(2030, 6, 11))["candidates"]
    assert step.status == LATE and step.detail is not None


def test_reminders_name_what_is_late_or_due_soon(make_election):
    election = make_election()
    keys = [step.key for step in timeline.reminders(election, date(2030, 5, 24))]
    assert keys == ["voter_list"]  # due in two days; nothing else within three
    keys = [step.key for step in timeline.reminders(election, date(2030, 6, 8))]
    assert {"voter_list", "candidates", "counting_staff"} <= set(keys)


def test_the_daily_job_reminds_every_committee_member_in_their_language(make_election, create_user, frozen, db):  # fmt: skip
    from consult.core.notifications.kinds import render
    from consult.core.notifications.models import Notification
    from consult.elections.jobs import remind_committee

    election = make_election()
    chinese = create_user(role="committee", locale="zh_Hans")
    frozen(date(2030, 5, 25))
    remind_committee()
    note = db.session.query(Notification).filter_by(user_id=chinese.id, kind="elections.deadline").one()  # fmt: skip
    subject, _text = render(note.kind, note.params, "zh_Hans")
    assert "居委会换届选举" in subject and "2030-05-26" in subject
    assert note.path == f"/elections/{election.id}"


def test_the_timeline_page_speaks_every_language(client, make_election):
    election = make_election()
    for lang, words in (("en", "Publish the voter list"), ("zh-CN", "公布选民名单"), ("zh-TW", "公佈選民名單")):  # fmt: skip
        page = client.get(f"/elections/{election.id}", headers={"Accept-Language": lang})
        page = page.get_data(as_text=True)
        assert words in page
