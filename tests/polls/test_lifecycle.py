"""The committee runs a poll: create, edit until it opens, open, close early or cancel with a
reason; every step is in the audit trail, and casting is not."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from consult.core.audit import AuditEntry
from consult.core.models import utcnow
from consult.core.notifications.models import Notification
from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.polls import jobs, services
from consult.polls.models import Phase, Poll, PollResult
from tests.polls.conftest import account, cast, close_now, counts, make_poll, open_poll, option_id


def actions(db, poll):
    return [
        entry.action
        for entry in db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_type == "poll", AuditEntry.object_id == poll.id)
            .order_by(AuditEntry.seq)
        )
    ]


def form_data(**changes):
    now = utcnow().astimezone()
    data = {
        "question_zh": "选哪个？", "question_en": "Which one?",
        "options_zh": "花园\n图书馆", "options_en": "Garden\nLibrary",
        "method": "plurality", "seats": "1", "meeting": "none", "base": "verified",
        "results_shown": "after_closing",
        "opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=8)).strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_committee_creates_a_poll_through_the_form(town, client_as):
    client = client_as(town.committee)
    response = client.post("/polls/new", data=form_data())
    assert response.status_code == 302
    poll = town.db.session.scalars(select(Poll)).one()
    assert poll.question == {"zh": "选哪个？", "en": "Which one?"}
    assert [o.text for o in poll.options] == [
        {"zh": "花园", "en": "Garden"}, {"zh": "图书馆", "en": "Library"},
    ]  # fmt: skip
    assert poll.phase() == Phase.UPCOMING
    assert actions(town.db, poll) == ["poll.created"]


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"question_en": ""}, "question_en", "Write the question in English."),
        ({"options_en": "Garden"}, "options_en", "Give every option in English too"),
        (
            {"options_zh": "花园", "options_en": "Garden"},
            "options_zh",
            "Give at least two options.",
        ),
        ({"options_zh": "花园\n花园"}, "options_zh", "Two options say “花园”"),
        ({"method": "irv", "seats": "2"}, "seats", "This method chooses one option"),
        ({"method": "stv", "seats": "2"}, "seats", "fewer seats than options"),
        ({"meeting": "adults"}, "method", "A residents' meeting decision is a yes / no vote"),
        ({"opens_at": "2020-01-01T10:00"}, "opens_at", "The opening time has passed"),
        ({"closes_at": "2020-01-01T10:00"}, "closes_at", "The poll must close after it opens."),
        ({"opens_at": "tomorrow"}, "opens_at", "Enter a date and time"),
    ],
)
def test_bad_polls_are_refused_with_everything_kept(town, client_as, changes, field, message):
    client = client_as(town.committee)
    response = client.post("/polls/new", data=form_data(**changes))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html
    assert f'id="{field}-error"' in html
    assert "选哪个？" in html and "Garden" in html  # what was typed is still there
    assert town.db.session.scalars(select(Poll)).first() is None


def test_edit_until_it_opens_then_frozen(town, client_as):
    poll = make_poll(town)
    client = client_as(town.committee)
    edited = client.post(
        f"/polls/{poll.id}/edit", data=form_data(options_zh="甲\n乙\n丙", options_en="A\nB\nC")
    )
    assert edited.status_code == 302
    town.db.session.expire_all()
    assert poll.option_names() == ["甲", "乙", "丙"]
    assert actions(town.db, poll) == ["poll.created", "poll.updated"]
    assert client.post(f"/polls/{poll.id}/open").status_code == 302
    town.db.session.expire_all()
    assert poll.phase() == Phase.OPEN and poll.electorate_size == 7
    refused = client.post(f"/polls/{poll.id}/edit", data=form_data(question_en="Changed?"))
    assert refused.status_code == 422
    assert "can no longer change" in refused.get_data(as_text=True)
    town.db.session.expire_all()
    assert poll.question["en"] == "Which one?"
    assert actions(town.db, poll)[-1] == "poll.opened"


def test_a_poll_opens_at_its_time_without_anyone(town):
    poll = make_poll(town)
    poll.opens_at = utcnow() - timedelta(seconds=1)
    town.db.session.commit()
    assert poll.phase() == Phase.OPEN and poll.opened_at is None
    jobs.tick()  # the queue's minute tick fixes the voter list
    town.db.session.expire_all()
    assert poll.electorate_size == 7
    entry = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.opened")
    ).one()
    assert entry.actor_id is None  # nobody is named


def test_the_first_ballot_fixes_the_list_if_no_job_ran(town):
    poll = make_poll(town)
    poll.opens_at = utcnow() - timedelta(seconds=1)
    town.db.session.commit()
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    assert poll.electorate_size == 7
    opened = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.opened")
    ).one()
    assert opened.actor_id is None  # the voter who happened to come first is not named


def test_casting_writes_no_audit_entry(town):
    poll = open_poll(town)
    before = town.db.session.scalar(select(func.count(AuditEntry.id)))
    for name in ("Anna Smith", "王芳", "Tom Smith"):
        cast(town, name, poll, choice=str(option_id(poll, "Gym")))
    assert town.db.session.scalar(select(func.count(AuditEntry.id))) == before


def test_close_early_with_a_reason_then_the_queue_closes_and_publishes(town, client_as):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    client = client_as(town.committee)
    missing = client.post(f"/polls/{poll.id}/close", data={"reason": " "})
    assert missing.status_code == 422
    assert "Say why the poll closes early." in missing.get_data(as_text=True)
    response = client.post(f"/polls/{poll.id}/close", data={"reason": "The meeting ended early."})
    assert response.status_code == 302  # the closing job ran at the end of the request
    town.db.session.expire_all()
    assert poll.phase() == Phase.PUBLISHED and poll.close_reason == "The meeting ended early."
    assert actions(town.db, poll)[-3:] == ["poll.closed_early", "poll.closed", "poll.published"]
    closed = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.closed")
    ).one()
    details = json.loads(closed.details)["data"]
    assert details["ballots"] == 1 and details["electorate"] == 7
    assert details["sha256"] == town.db.session.get(PollResult, poll.id).sha256


def test_the_minute_tick_asks_for_the_closing_of_a_poll_past_its_time(town):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    poll.closes_at = utcnow() - timedelta(seconds=1)
    town.db.session.commit()
    jobs.tick()
    run_pending()
    town.db.session.expire_all()
    assert poll.phase() == Phase.PUBLISHED
    jobs.tick()  # nothing more to do
    assert actions(town.db, poll).count("poll.closed") == 1


def test_cancel_with_a_reason_destroys_the_ballots(town, client_as):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    client = client_as(town.committee)
    response = client.post(f"/polls/{poll.id}/cancel", data={"reason": "The question was wrong."})
    assert response.status_code == 302
    town.db.session.expire_all()
    assert poll.phase() == Phase.CANCELLED and counts(town.db, poll) == (0, 0)
    page = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "The question was wrong." in page
    assert actions(town.db, poll)[-1] == "poll.cancelled"
    with pytest.raises(ServiceError):
        services.cancel_poll(town.committee, poll, "again")


def test_only_the_committee_runs_polls(town):
    resident = account(town, "Anna Smith")
    with pytest.raises(ServiceError, match="Only the residents' committee"):
        services.create_poll(resident, question={"zh": "x", "en": "x"}, method="yes_no",
                             opens_at=utcnow() + timedelta(days=1),
                             closes_at=utcnow() + timedelta(days=2))  # fmt: skip


def test_notifications_when_a_poll_opens_and_when_results_are_published(town):
    poll = open_poll(town)
    anna = account(town, "Anna Smith")
    kinds = lambda: [  # noqa: E731
        n.kind
        for n in town.db.session.scalars(
            select(Notification).where(Notification.user_id == anna.id)
        )
    ]
    assert kinds().count("polls.opened") == 1
    close_now(town, poll)
    assert kinds().count("polls.published") == 1
    outsider = open_poll(town, grid_id=None, building_id=None, base="verified", adults_only=True,
                         closes_at=utcnow().replace(year=2030, month=3, day=8))  # fmt: skip
    young = account(town, "陈小雨")
    assert not town.db.session.scalars(
        select(Notification).where(
            Notification.user_id == young.id, Notification.path.contains(f"/polls/{outsider.id}")
        )
    ).first()
