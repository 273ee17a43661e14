"""Observers countersign their station's count through the signed link in their messages
(no account), or record an objection; the committee answers every objection before it can
declare; objections and answers stay on the record."""

import re

import pytest
from sqlalchemy import select

from consult.core.audit.models import AuditEntry
from consult.core.notifications.models import Notification
from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.elections import links
from consult.elections.services import counts, decisions, declaration, reviews
from tests.conftest import sign_in
from tests.elections.counting import contest, enter, figures, observer, prepare

COUNTERSIGN = re.compile(r"http://\S+/elections/countersign/\S+")


@pytest.fixture
def election(listed_election, committee_user, register, db, frozen):
    return prepare(listed_election, committee_user, register, db, frozen)


def _mail(outbox, address, subject):
    found = [m for m in outbox() if m["To"] == address and subject in m["Subject"]]
    assert found, [m["Subject"] for m in outbox() if m["To"] == address]
    return found[-1]


def _count_everything(actor, election):
    enter(actor, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [3, 1]))
    enter(actor, election, "member", 1, figures(4, 4, [4, 3, 1]), figures(4, 4, [3, 3, 2]))


def test_the_observer_is_sent_a_link_and_countersigns_without_an_account(election, committee_user, db, outbox, client):  # fmt: skip
    run_pending()  # the approval, sent before election day, carries the link too
    approval = _mail(outbox, "observer1@example.org", "You are approved")
    assert COUNTERSIGN.search(approval.get_content())
    _count_everything(committee_user, election)
    db.session.commit()
    run_pending()
    message = _mail(outbox, "observer1@example.org", "please countersign it")
    link = COUNTERSIGN.search(message.get_content()).group(0)
    # one message for the station's first count, not one per contest
    assert len([m for m in outbox() if "please countersign it" in m["Subject"]]) == 2
    path = link.split("consult.test", 1)[1]
    page = client.get(path).get_data(as_text=True)
    assert "Observer 1" in page and "Station 1" in page
    assert "王芳: 3 votes, against 0, abstain 0" in page and "周敏: 4 votes" in page
    response = client.post(path, data={"round": "1", "action": "countersigned"})
    assert response.status_code == 302
    page = client.get(path).get_data(as_text=True)
    assert "Thank you: your countersignature is recorded." in page
    mine = reviews.reviews_by(observer(election.stations[0]))
    assert [(r.kind.value, r.round, reviews.is_current(r)) for r in mine] == [("countersigned", 1, True)]  # fmt: skip
    again = client.post(path, data={"round": "1", "action": "countersigned"})
    assert again.status_code == 422 and "You have countersigned this count already." in again.get_data(as_text=True)  # fmt: skip
    entry = db.session.scalars(select(AuditEntry).filter_by(action="election.count_countersigned")).one()  # fmt: skip
    assert entry.actor_id is None and entry.object_id == mine[0].id


def test_an_objection_blocks_the_declaration_until_the_committee_answers(election, committee_user, db, outbox, client):  # fmt: skip
    _count_everything(committee_user, election)
    db.session.commit()
    assert declaration.declaration_problems(election) == []
    path = f"/elections/countersign/{links.countersign_token(observer(election.stations[1]))}"
    short = client.post(path, data={"round": "1", "action": "objection", "text": "no"})
    assert short.status_code == 422 and "Say what is wrong with the count." in short.get_data(as_text=True)  # fmt: skip
    text = "周敏 had 3 votes read out at Station 2, not 4."
    assert client.post(path, data={"round": "1", "action": "objection", "text": text}).status_code == 302  # fmt: skip
    objection = reviews.waiting_objections(election)[0]
    assert objection.text == text
    told = db.session.scalars(select(Notification).filter_by(kind="elections.count_objection")).all()  # fmt: skip
    assert [n.user_id for n in told] == [committee_user.id]
    # The committee may not declare while it waits.
    problems = [str(p) for p in declaration.declaration_problems(election)]
    assert problems == ["Answer every observer's objection first (1 waiting)."]
    with pytest.raises(ServiceError, match="Answer every observer's objection first"):
        declaration.declare_results(committee_user, election)
    sign_in(client, committee_user)
    count_page = client.get(f"/elections/{election.id}/count").get_data(as_text=True)
    assert text in count_page and "Objections to answer: 1" in count_page
    url = f"/elections/count-reviews/{objection.id}/answer"
    empty = client.post(url, data={f"r{objection.id}-answer": ""})
    assert empty.status_code == 422
    answer = "Recounted with the scrutineer: 4 is right."
    assert client.post(url, data={f"r{objection.id}-answer": answer}).status_code == 302
    db.session.expire_all()  # the page answered in its own session
    assert declaration.declaration_problems(election) == []
    run_pending()
    assert _mail(outbox, "observer2@example.org", "answered your objection")
    observer_page = client.get(path).get_data(as_text=True)
    assert answer in observer_page
    # Answered objections stay on the record, on the declaration too.
    assert client.post(f"/elections/{election.id}/declare", data={}).status_code == 302
    results = client.get(f"/elections/{election.id}/results").get_data(as_text=True)
    assert text in results and answer in results
    db.session.expire_all()
    with pytest.raises(ServiceError, match="declared"):
        reviews.review_count(observer(election.stations[1]), 1, "objection", "Too late to object.")


def test_a_correction_asks_the_observers_again(election, committee_user, db, outbox):
    _count_everything(committee_user, election)
    first = reviews.review_count(observer(election.stations[0]), 1, "countersigned")
    assert reviews.is_current(first)
    counts.enter_count(committee_user, contest(election, "director"), election.stations[0], 1, figures(4, 4, [2, 2]), reason="Misread")  # fmt: skip
    db.session.commit()
    assert not reviews.is_current(first)  # it countersigned the count as it was
    run_pending()
    assert _mail(outbox, "observer1@example.org", "was corrected")
    second = reviews.review_count(observer(election.stations[0]), 1, "countersigned")
    assert reviews.is_current(second)


def test_only_an_approved_observer_may_countersign(election, committee_user, db, client):
    assignment = observer(election.stations[0])
    path = f"/elections/countersign/{links.countersign_token(assignment)}"
    nothing = client.get(path).get_data(as_text=True)
    assert "Nothing to countersign yet" in nothing
    _count_everything(committee_user, election)
    decisions.revoke_assignment(committee_user, assignment)
    db.session.commit()
    page = client.get(path).get_data(as_text=True)
    assert "Your approval for this station is no longer valid" in page
    refused = client.post(path, data={"round": "1", "action": "countersigned"})
    assert refused.status_code == 422
    assert reviews.reviews_by(assignment) == []
    assert client.get(path[:-3] + "abc").status_code == 404  # a tampered link
    badge = links.badge_token(observer(election.stations[1]))  # signed for another purpose
    assert client.get(f"/elections/countersign/{badge}").status_code == 404


def test_the_committees_home_page_shows_the_count_left_to_do(election, committee_user, client):
    enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [3, 1]))
    reviews.review_count(observer(election.stations[0]), 1, "objection", "The box was opened early.")  # fmt: skip
    sign_in(client, committee_user)
    page = client.get("/").get_data(as_text=True)
    tile = page[page.index(f'href="/elections/{election.id}/count"') :]
    # the member contest at both stations, and one objection
    assert '<span class="tile-value">3</span>' in tile[:600]
    assert "counts to enter or objections to answer before the declaration" in tile[:600]
