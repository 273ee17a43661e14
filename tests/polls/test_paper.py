"""Paper ballots: ticks on the voter list while the poll is open, then batches of anonymous
ballots after closing, never more than the ticks; who ticked and who entered is recorded."""

import json

import pytest
from sqlalchemy import select

from consult.core.audit import AuditEntry
from consult.core.services import ServiceError
from consult.polls import paper
from consult.polls.models import Channel, PaperBatch, Phase, PollResult, PollVoter
from tests.polls.conftest import cast, close_now, counts, open_poll, option_id


def tick(town, *names, poll):
    paper.tick_paper_voters(town.committee, poll, [town.people[n].id for n in names])
    town.db.session.commit()


def test_ticks_through_the_voter_list(town, client_as):
    poll = open_poll(town, base="register")
    client = client_as(town.committee)
    kim = town.people["김민준"]  # no account: votes on paper
    page = client.get(f"/polls/{poll.id}/voters").get_data(as_text=True)
    assert "김민준" in page and "not yet" in page
    response = client.post(f"/polls/{poll.id}/voters/{kim.id}/tick")
    assert response.status_code == 302
    row = town.db.session.scalars(select(PollVoter).where(PollVoter.resident_id == kim.id)).one()
    assert row.channel == Channel.PAPER and row.ticked_by_id == town.committee.id
    entry = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.paper_ticked")
    ).one()
    assert entry.actor_id == town.committee.id and json.loads(entry.details)["data"][
        "residents"
    ] == [kim.id]
    again = client.post(f"/polls/{poll.id}/voters/{kim.id}/tick", follow_redirects=True)
    assert "This resident has already voted." in again.get_data(as_text=True)
    assert "voted on paper" in client.get(f"/polls/{poll.id}/voters").get_data(as_text=True)


def test_a_ticked_resident_cannot_vote_online_and_an_online_voter_cannot_be_ticked(town):
    poll = open_poll(town)
    tick(town, "Anna Smith", poll=poll)
    with pytest.raises(ServiceError, match="already voted on paper"):
        cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    cast(town, "Tom Smith", poll, choice=str(option_id(poll, "Gym")))
    with pytest.raises(ServiceError, match="already voted"):
        tick(town, "Tom Smith", poll=poll)


def test_one_per_household_on_paper_too(town):
    poll = open_poll(town, per_household=True)
    tick(town, "王芳", poll=poll)
    with pytest.raises(ServiceError, match="household has already voted"):
        tick(town, "陈磊", poll=poll)
    with pytest.raises(ServiceError, match="household"):
        cast(town, "陈磊", poll, choice=str(option_id(poll, "Gym")))


def test_untick_a_mistake_while_open(town):
    poll = open_poll(town)
    tick(town, "Anna Smith", poll=poll)
    paper.untick_paper_voter(town.committee, poll, town.people["Anna Smith"].id)
    town.db.session.commit()
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    assert counts(town.db, poll) == (1, 1)


def test_a_batch_after_closing_never_more_than_the_ticks(town, client_as):
    poll = open_poll(town, method="irv", base="register")
    cast(town, "Anna Smith", poll, ranks={str(option_id(poll, "Gym")): "1"})
    tick(town, "김민준", "Tom Smith", "Lea Berg", poll=poll)
    client = client_as(town.committee)
    early = client.post(f"/polls/{poll.id}/paper", data={"ballots": "1 2"})
    assert early.status_code == 422 and "after the poll's closing is recorded" in early.get_data(
        as_text=True
    )

    poll = close_now(town, poll)
    assert poll.phase() == Phase.CLOSED and poll.closing_sha256  # waiting for paper
    page = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "0 of 3 so far" in page

    too_many = client.post(f"/polls/{poll.id}/paper", data={"ballots": "1\n2\n3\n1 2"})
    assert too_many.status_code == 422
    assert "holds 4 ballots, but only 3 paper voters" in too_many.get_data(as_text=True)
    bad = client.post(f"/polls/{poll.id}/paper", data={"ballots": "1 2\n7\n2 2\n3 1"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Line 2: There is no option “7” in this poll." in html
    assert "Line 3: an option is ranked twice." in html
    assert "3 1" in html  # the batch is kept for correcting
    assert counts(town.db, poll)[0] == 1

    first = client.post(f"/polls/{poll.id}/paper", data={"ballots": "3 1 2\n\n-"})
    assert first.status_code == 302
    assert counts(town.db, poll)[0] == 3
    batch = town.db.session.scalars(select(PaperBatch)).one()
    assert batch.ballots == 2 and batch.entered_by_id == town.committee.id
    entered = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.paper_batch_entered")
    ).one()
    assert (
        entered.actor_id == town.committee.id
        and json.loads(entered.details)["data"]["ballots"] == 2
    )

    last = client.post(f"/polls/{poll.id}/paper", data={"ballots": "2"})
    assert last.status_code == 302  # every ticked ballot is in: published at once
    town.db.session.expire_all()
    assert poll.phase() == Phase.PUBLISHED
    result = town.db.session.get(PollResult, poll.id)
    assert result.ballots == 4 and result.result["ballots"] == "4"
    assert result.sha256 != poll.closing_sha256  # the list grew after closing


def test_publish_with_ballots_missing(town, client_as):
    poll = open_poll(town)
    tick(town, "Anna Smith", "Tom Smith", poll=poll)
    poll = close_now(town, poll)
    paper.enter_paper_batch(town.committee, poll, "1")
    town.db.session.commit()
    client = client_as(town.committee)
    assert client.post(f"/polls/{poll.id}/publish").status_code == 302
    town.db.session.expire_all()
    assert poll.phase() == Phase.PUBLISHED
    requested = town.db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "poll.publication_requested")
    ).one()
    assert json.loads(requested.details)["data"] == {"paper_ballots_missing": 1}


def test_paper_ballots_for_every_kind_of_ballot(town):
    for method, settings, line, expected in [
        ("yes_no", {}, "赞成", {"marks": ["yes"]}),
        ("approval", {}, "1，3", {"marks": ["花园", "健身房"]}),
        ("score", {"score_max": 5}, "1=5 3=0", {"scores": {"花园": 5, "健身房": 0}}),
    ]:
        poll = open_poll(town, method=method, **settings)
        assert paper.read_batch(poll, line) == [expected]
    with pytest.raises(ServiceError, match="Line 1: one choice only."):
        paper.read_batch(open_poll(town, method="plurality"), "1 2")
