"""A proposal's life: draft, open for consultation, review, answered, closed; withdrawn;
who may do each step; the public timeline; the audit trail."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from consult.core.audit import AuditEntry
from consult.core.notifications.models import Notification
from consult.core.services import ServiceError
from consult.multilingual import services as translations
from consult.proposals import answers, services
from consult.proposals.dates import community_today
from consult.proposals.models import Proposal, ProposalState
from tests.conftest import sign_in
from tests.proposals.conftest import page_text, switch_to


def test_a_resident_writes_a_draft_only_they_see_then_publishes_it(client, db, people):
    sign_in(client, people.wang)
    response = client.post(
        "/proposals/new",
        data={"title": "社区菜园", "summary": "", "body": "把空地变成菜园。", "language": "zh-Hans",
              "scope": "community"},
    )  # fmt: skip
    assert response.status_code == 302
    proposal = db.session.scalars(select(Proposal).filter_by(title="社区菜园")).one()
    assert proposal.state == ProposalState.DRAFT
    assert "只有你能看到" in page_text(client.get(response.headers["Location"]))
    assert "社区菜园" not in page_text(client.get("/proposals"))

    switch_to(client, people.anna)
    assert client.get(f"/proposals/{proposal.id}").status_code == 403
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 403
    assert client.post(f"/proposals/{proposal.id}/publish", data={}).status_code == 403
    client.post("/account/sign-out")
    assert "/account/sign-in" in client.get(f"/proposals/{proposal.id}").headers["Location"]

    switch_to(client, people.wang)
    ends = community_today() + timedelta(days=20)
    response = client.post(
        f"/proposals/{proposal.id}/publish", data={"closes_on": ends.isoformat()}
    )
    assert response.status_code == 302
    db.session.refresh(proposal)
    assert proposal.state == ProposalState.OPEN and proposal.closes_on == ends
    client.post("/account/sign-out")
    assert "社区菜园" in page_text(client.get("/proposals"))


def test_only_the_author_edits_and_nobody_edits_once_under_review(client, db, people, write):
    proposal = write(people.wang)
    for other in (people.anna, people.committee, people.translator):
        with pytest.raises(ServiceError):
            services.update_proposal(other, proposal, **{"title": "改了", "body": "x",
                                                         "language": "zh-Hans"})  # fmt: skip
    sign_in(client, people.committee)
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 403
    services.start_review(people.committee, proposal)
    db.session.commit()
    switch_to(client, people.wang)
    assert client.get(f"/proposals/{proposal.id}/edit").status_code == 403


def test_publishing_needs_an_end_date_after_today(client, db, people, write):
    proposal = write(people.anna, published=False, title="Quiet hours", language="en")
    sign_in(client, people.anna)
    past = (community_today() - timedelta(days=1)).isoformat()
    response = client.post(f"/proposals/{proposal.id}/publish", data={"closes_on": past})
    assert response.status_code == 422
    assert "Choose an end date after today." in page_text(response)
    response = client.post(f"/proposals/{proposal.id}/publish", data={"closes_on": "tomorrow"})
    assert response.status_code == 422
    assert "YYYY-MM-DD" in page_text(response)
    db.session.refresh(proposal)
    assert proposal.state == ProposalState.DRAFT


def test_the_whole_consultation_leaves_a_public_timeline_and_an_audit_trail(
    client, db, people, write
):
    proposal = write(people.wang)
    services.start_review(people.committee, proposal)
    answers.save_answer(people.committee, proposal, "adopted", "采纳。", "zh-Hans")
    row = translations.save_translation(
        people.translator, proposal.answer, "en", {"body": "Adopted."}
    )
    translations.verify_translation(people.second, proposal.answer, row)
    answers.publish_answer(people.committee, proposal)
    services.close_proposal(people.committee, proposal)
    db.session.commit()
    states = [change.state.value for change in proposal.timeline]
    assert states == ["draft", "open", "review", "answered", "closed"]
    html = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    for label in ("Open for consultation", "Under review", "Answered", "Closed", "Adopted."):
        assert label in html
    actions = db.session.scalars(
        select(AuditEntry.action).where(AuditEntry.object_type == "proposal",
                                        AuditEntry.object_id == proposal.id)
    ).all()  # fmt: skip
    assert actions.count("proposal.state_changed") == 4
    assert "proposal.created" in actions
    answer_actions = set(db.session.scalars(select(AuditEntry.action)).all())
    assert {"proposal.answer_saved", "proposal.answered", "translation.saved",
            "translation.verified"} <= answer_actions  # fmt: skip


def test_the_author_withdraws_with_a_reason_everyone_can_read(client, db, people, write):
    proposal = write(people.anna, title="Quiet hours", language="en", body="Please.")
    sign_in(client, people.anna)
    response = client.post(f"/proposals/{proposal.id}/withdraw", data={"reason": " "})
    assert response.status_code == 422
    response = client.post(
        f"/proposals/{proposal.id}/withdraw",
        data={"reason": "Already solved by the property company."},
    )
    assert response.status_code == 302
    client.post("/account/sign-out")
    html = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "Withdrawn" in html and "Already solved by the property company." in html
    assert "Quiet hours" not in page_text(client.get("/proposals"))
    assert "Quiet hours" in page_text(client.get("/proposals?state=withdrawn"))


def test_nobody_withdraws_an_answered_proposal(db, people, write):
    proposal = write(people.wang)
    services.start_review(people.committee, proposal)
    answers.save_answer(people.committee, proposal, "not_adopted", "不予采纳。", "zh-Hans")
    translations.save_translation(people.translator, proposal.answer, "en", {"body": "No."})
    answers.publish_answer(people.committee, proposal)
    with pytest.raises(ServiceError):
        services.withdraw_proposal(people.wang, proposal, "Too late")


def test_a_consultation_past_its_end_date_reads_as_under_review_before_any_job_runs(
    client, db, people, write
):
    from consult.proposals.jobs import end_consultations

    proposal = write(people.wang)
    proposal.closes_on = community_today() - timedelta(days=1)
    db.session.commit()
    html = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "Under review" in html and "end date has passed" in html
    assert proposal.title in page_text(client.get("/proposals?state=review"))
    assert proposal.title not in page_text(client.get("/proposals?state=open"))
    assert proposal.state == ProposalState.OPEN  # nothing recorded yet

    assert end_consultations() == 1
    db.session.commit()
    assert proposal.state == ProposalState.REVIEW
    assert proposal.timeline[-1].cause.value == "ended"
    assert end_consultations() == 0


def test_followers_hear_of_state_changes_but_not_of_their_own(db, people, write):
    proposal = write(people.wang)
    from consult.proposals.supports import follow_proposal

    follow_proposal(people.anna, proposal)
    services.start_review(people.committee, proposal)
    db.session.commit()
    told = db.session.scalars(select(Notification).filter_by(kind="proposals.state_changed")).all()
    assert {n.user_id for n in told} == {people.wang.id, people.anna.id}
    services.withdraw_proposal(people.wang, proposal, "算了")
    db.session.commit()
    told = db.session.scalars(select(Notification).filter_by(kind="proposals.state_changed")).all()
    assert [n.user_id for n in told].count(people.wang.id) == 1  # not told of their own


def test_the_author_deletes_a_draft_but_not_a_published_proposal(client, db, people, write):
    draft = write(people.anna, published=False, title="Draft", language="en")
    published = write(people.anna, title="Published", language="en")
    sign_in(client, people.anna)
    assert client.post(f"/proposals/{published.id}/delete").status_code == 403
    assert client.post(f"/proposals/{draft.id}/delete").status_code == 302
    remaining = db.session.scalars(select(Proposal.id)).all()
    assert remaining == [published.id]


def test_unverified_residents_and_translators_cannot_write_proposals(client, db, people):
    for user in (people.kim, people.translator):
        switch_to(client, user)
        assert client.get("/proposals/new").status_code == 403
    switch_to(client, people.committee)
    assert client.get("/proposals/new").status_code == 200


def test_bad_input_is_answered_in_the_readers_language_and_kept(client, db, people):
    sign_in(client, people.wang)
    response = client.post(
        "/proposals/new",
        data={"title": "", "body": "我的建议", "language": "zh-Hans", "scope": "grid", "grid": ""},
    )
    assert response.status_code == 422
    html = page_text(response)
    assert "我的建议" in html
    assert "此字段为必填项" in html or "必填" in html
    response = client.post(
        "/proposals/new",
        data={
            "title": "路灯",
            "body": "我的建议",
            "language": "zh-Hans",
            "scope": "grid",
            "grid": "",
        },
    )
    assert response.status_code == 422
    assert "网格" in page_text(response)


def test_a_place_or_category_that_does_not_exist_is_refused_not_a_crash(db, people):
    for values in ({"scope": "grid", "grid_id": 999}, {"scope": "building", "building_id": 999},
                   {"category_id": 999}):  # fmt: skip
        with pytest.raises(ServiceError) as refused:
            services.create_proposal(people.wang, title="路灯", body="暗。", language="zh-Hans",
                                     **values)  # fmt: skip
        assert refused.value.problems[0].field in ("grid_id", "building_id", "category_id")
