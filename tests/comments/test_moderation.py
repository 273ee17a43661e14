"""Reports, the committee's queue, hiding with a reason, the author's one appeal, dismissing,
and the comment held after three verified residents' reports; all in the audit trail."""

import pytest
from sqlalchemy import select

from consult.comments import moderation
from consult.comments.models import HELD, HIDDEN, VISIBLE, CommentFlag
from consult.core.audit import AuditEntry
from consult.core.notifications import render
from consult.core.notifications.models import Notification
from consult.core.services import ServiceError
from tests.comments.conftest import page_text, switch_to
from tests.conftest import sign_in


def _actions(db, comment):
    entries = db.session.scalars(
        select(AuditEntry).filter_by(object_type="comment", object_id=comment.id).order_by(AuditEntry.seq)
    )  # fmt: skip
    return [entry.action for entry in entries]


def _told(db, user, kind):
    return db.session.scalars(select(Notification).filter_by(user_id=user.id, kind=kind)).all()


def test_anyone_signed_in_reports_once_with_a_reason(client, db, people, proposal, say):
    comment = say(people.wang, proposal, "Buy cheap watches at example.org", "en")
    sign_in(client, people.kim)  # signed up, not a verified resident
    form = client.get(f"/comments/{comment.id}/report")
    assert form.status_code == 200 and "Spam or advertising" in page_text(form)
    refused = client.post(f"/comments/{comment.id}/report", data={"reason": "boring"})
    assert refused.status_code == 422 and "Choose why you report this comment." in page_text(
        refused
    )
    assert client.post(f"/comments/{comment.id}/report", data={"reason": "spam", "note": "An advert."}).status_code == 302  # fmt: skip
    again = client.post(f"/comments/{comment.id}/report", data={"reason": "spam"})
    assert again.status_code == 422 and "already reported" in page_text(again)
    flag = db.session.scalars(select(CommentFlag)).one()
    assert (flag.reason, flag.by_verified_resident, flag.note) == ("spam", False, "An advert.")
    switch_to(client, people.wang)
    assert client.get(f"/comments/{comment.id}/report").status_code == 403  # not one's own
    client.post("/account/sign-out")
    assert client.get(f"/comments/{comment.id}/report").status_code == 302  # sign in first


def test_three_verified_residents_hold_a_comment_and_other_reports_never_do(
    client, db, people, proposal, say, verified
):
    comment = say(people.wang, proposal, "你们都是笨蛋。", "zh-Hans")
    # Reports by accounts that are not verified residents are shown, and hide nothing.
    for user in (people.kim, people.translator, people.second, people.committee):
        moderation.flag_comment(user, comment, "offensive")
    db.session.commit()
    assert comment.status == VISIBLE
    marina = verified("Марина Иванова")
    kim_verified = verified("김민준", name="김민준")
    moderation.flag_comment(people.anna, comment, "offensive")
    moderation.flag_comment(marina, comment, "offensive")
    db.session.commit()
    assert comment.status == VISIBLE
    moderation.flag_comment(kim_verified, comment, "spam")
    db.session.commit()
    assert comment.status == HELD and comment.hidden_reason == "offensive"
    page = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "你们都是笨蛋" not in page
    assert "Hidden after reports by residents, until the residents' committee decides." in page
    db.session.refresh(proposal)
    assert proposal.comments_count == 0
    assert "comment.held" in _actions(db, comment)
    # The author is told in their language; the committee is told too.
    [message] = _told(db, people.wang, "comments.moderated")
    subject, _text = render(message.kind, message.params, "zh_Hans")
    assert "等待居委会决定" in subject
    assert _told(db, people.committee, "comments.to_moderate")
    # The committee's queue shows it, with the reports counted apart.
    sign_in(client, people.committee)
    queue = page_text(client.get("/moderation/comments"))  # in the committee's Chinese
    assert "你们都是笨蛋" in queue
    assert "已认证居民 3 次，其他人 4 次" in queue
    detail = page_text(client.get(f"/moderation/comments/{comment.id}"))
    assert detail.count("badge-ok") == 3


def test_the_committee_hides_with_a_reason_and_the_author_appeals_once(
    client, db, people, proposal, say
):
    comment = say(people.anna, proposal, "The guard at gate 2 is lazy, his name is Li.")
    moderation.flag_comment(people.wang, comment, "personal_data")
    db.session.commit()
    sign_in(client, people.committee)
    refused = client.post(f"/moderation/comments/{comment.id}/hide", data={"reason": ""})
    assert refused.status_code == 422
    hidden = client.post(f"/moderation/comments/{comment.id}/hide",
                         data={"reason": "personal_data", "note": "Please do not name staff."})  # fmt: skip
    assert hidden.status_code == 302
    db.session.refresh(comment)
    assert comment.status == HIDDEN and comment.hidden_by_id == people.committee.id
    assert db.session.scalars(select(CommentFlag)).one().outcome == "hidden"
    # Anna is told in English, with the reason and the committee's words.
    [message] = _told(db, people.anna, "comments.moderated")
    subject, text = render(message.kind, message.params, "en")
    assert "has hidden your comment" in subject
    assert "Personal data of someone" in text and "Please do not name staff." in text
    assert "“小区停车位不足怎么办”" in subject
    zh_subject, zh_text = render(message.kind, message.params, "zh_Hans")
    assert "居委会隐藏了你" in zh_subject and "泄露他人个人信息" in zh_text
    # Everyone sees that it was hidden and why; not its text.
    client.post("/account/sign-out")
    page = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "his name is Li" not in page
    assert "已被居委会隐藏：泄露他人个人信息。" in page  # (the committee's language stays)
    # Anna appeals, once.
    sign_in(client, people.anna)
    assert f"/comments/{comment.id}/appeal" in page_text(client.get(f"/proposals/{proposal.id}"))
    appeal_page = page_text(client.get(f"/comments/{comment.id}/appeal"))
    assert "his name is Li" in appeal_page and "Please do not name staff." in appeal_page
    empty = client.post(f"/comments/{comment.id}/appeal", data={"text": " "})
    assert empty.status_code == 422
    assert client.post(f"/comments/{comment.id}/appeal", data={"text": "He agreed to be named."}).status_code == 302  # fmt: skip
    second = client.post(f"/comments/{comment.id}/appeal", data={"text": "Again"})
    assert second.status_code == 422
    assert "Waiting for the residents' committee's decision." in page_text(second)
    assert _told(db, people.committee, "comments.to_moderate")
    # The committee upholds it: the comment is back, and Anna is told.
    switch_to(client, people.committee)
    detail = page_text(client.get(f"/moderation/comments/{comment.id}"))
    assert "He agreed to be named." in detail
    assert client.post(f"/moderation/comments/{comment.id}/appeal", data={"upheld": "yes", "note": "Thank you."}).status_code == 302  # fmt: skip
    db.session.refresh(comment)
    assert comment.status == VISIBLE and comment.hidden_reason is None
    assert len(_told(db, people.anna, "comments.moderated")) == 2
    assert _actions(db, comment) == [
        "comment.posted", "comment.flagged", "comment.hidden", "comment.appealed",
        "comment.appeal_decided",
    ]  # fmt: skip
    # An appeal is decided once; a comment hidden again cannot be appealed again.
    with pytest.raises(ServiceError):
        moderation.decide_appeal(people.committee, comment_appeal(db, comment), False)
    moderation.hide_comment(people.committee, comment, "other")
    with pytest.raises(ServiceError):
        moderation.appeal_comment(people.anna, comment, "Once more")


def comment_appeal(db, comment):
    from consult.comments.models import CommentAppeal

    return db.session.scalars(select(CommentAppeal).filter_by(comment_id=comment.id)).one()


def test_a_rejected_appeal_keeps_the_comment_hidden(db, people, proposal, say):
    comment = say(people.anna, proposal, "Rude words")
    moderation.hide_comment(people.committee, comment, "offensive", "")
    appeal = moderation.appeal_comment(people.anna, comment, "It was a joke.")
    moderation.decide_appeal(people.committee, appeal, False, "It hurt people.")
    db.session.commit()
    assert comment.status == HIDDEN and appeal.upheld is False
    message = _told(db, people.anna, "comments.moderated")[-1]
    subject, text = render(message.kind, message.params, "en")
    assert "not upheld" in subject and "It hurt people." in text


def test_dismissing_reports_shows_a_held_comment_again(client, db, people, proposal, say, verified):
    comment = say(people.wang, proposal, "我不同意这个方案。", "zh-Hans")
    flaggers = [people.anna, verified("Марина Иванова"), verified("김민준")]
    for user in flaggers:
        moderation.flag_comment(user, comment, "off_topic")
    db.session.commit()
    assert comment.status == HELD
    sign_in(client, people.committee)
    assert client.post(f"/moderation/comments/{comment.id}/dismiss", data={"note": "Disagreeing is fine."}).status_code == 302  # fmt: skip
    db.session.refresh(comment)
    assert comment.status == VISIBLE
    assert all(flag.outcome == "dismissed" for flag in db.session.scalars(select(CommentFlag)))
    assert "我不同意这个方案。" in page_text(client.get(f"/proposals/{proposal.id}"))
    assert "comment.flags_dismissed" in _actions(db, comment)
    queue = page_text(client.get("/moderation/comments"))
    assert "我不同意这个方案" not in queue
    nothing = client.post(f"/moderation/comments/{comment.id}/dismiss", data={})
    assert nothing.status_code == 422


def test_only_the_committee_moderates(client, db, people, proposal, say):
    comment = say(people.wang, proposal, "内容", "zh-Hans")
    for user in (people.anna, people.translator, people.kim):
        sign_in(client, user)
        assert client.get("/moderation/comments").status_code == 403
        assert client.post(f"/moderation/comments/{comment.id}/hide", data={"reason": "spam"}).status_code == 403  # fmt: skip
        client.post("/account/sign-out")
        with pytest.raises(ServiceError):
            moderation.hide_comment(user, comment, "spam")
    assert comment.status == VISIBLE


def test_the_committee_home_page_shows_what_waits(client, db, people, proposal, say):
    comment = say(people.wang, proposal, "内容", "zh-Hans")
    moderation.flag_comment(people.kim, comment, "spam")
    db.session.commit()
    sign_in(client, people.committee)
    home = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Comments waiting for moderation" in home or "等待审核的评论" in home
    assert 'href="/moderation/comments"' in home
