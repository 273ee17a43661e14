"""Editing within the window with the history kept and visible; deleting (the text goes
everywhere, the place in the thread stays); both in the audit trail."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from consult.comments import services
from consult.comments.models import Comment, CommentEdit
from consult.core.audit import AuditEntry, AuditPersonalValue, verify
from consult.core.services import ServiceError
from consult.multilingual import services as translations
from consult.multilingual.models import Translation
from tests.comments.conftest import page_text
from tests.conftest import sign_in

EN = {"Accept-Language": "en"}


def test_the_author_edits_within_the_window_and_the_history_is_shown(
    client, db, people, proposal, say
):
    comment = say(people.anna, proposal, "Parking is *hard*.")
    sign_in(client, people.anna)
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert f'href="/comments/{comment.id}/edit"' in page
    form = client.get(f"/comments/{comment.id}/edit")
    assert form.status_code == 200 and "Parking is *hard*." in page_text(form)
    saved = client.post(f"/comments/{comment.id}/edit", data={"body": "Parking is **very** hard.", "language": "en"})  # fmt: skip
    assert saved.status_code == 302
    db.session.refresh(comment)
    assert comment.body == "Parking is **very** hard." and comment.revision == 2
    assert comment.body_html == "<p>Parking is <strong>very</strong> hard.</p>\n"
    [earlier] = db.session.scalars(select(CommentEdit).filter_by(comment_id=comment.id)).all()
    assert (earlier.body, earlier.revision) == ("Parking is *hard*.", 1)
    client.post("/account/sign-out")
    page = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    assert "edited · earlier versions" in page
    history = page_text(client.get(f"/comments/{comment.id}/history", headers=EN))
    assert "<em>hard</em>" in history and "<strong>very</strong>" in history
    assert "Version 1" in history
    entry = db.session.scalars(select(AuditEntry).filter_by(action="comment.edited")).one()
    assert entry.actor_id == people.anna.id and '"revision":2' in entry.details
    assert "hard" not in entry.details  # the texts are kept beside the chain
    # An unchanged text is no new version.
    services.edit_comment(people.anna, comment, "Parking is **very** hard.", "en")
    assert comment.revision == 2


def test_after_the_window_the_comment_cannot_be_edited(client, db, app, people, proposal, say):
    comment = say(people.anna, proposal, "First thoughts")
    comment.created_at -= timedelta(minutes=app.config["COMMENT_EDIT_MINUTES"] + 1)
    db.session.commit()
    sign_in(client, people.anna)
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    assert f"/comments/{comment.id}/edit" not in page_text(client.get(f"/proposals/{proposal.id}"))
    with pytest.raises(ServiceError):
        services.edit_comment(people.anna, comment, "Second thoughts", "en")
    assert f"/comments/{comment.id}/delete" in page_text(client.get(f"/proposals/{proposal.id}"))


def test_editing_marks_translations_outdated_and_tells_newly_mentioned_people(
    db, people, proposal, say
):
    from consult.core.notifications.models import Notification

    comment = say(people.wang, proposal, "停车太难。", "zh-Hans")
    translations.save_translation(people.translator, comment, "en", {"body": "Parking is hard."})
    services.edit_comment(people.wang, comment, "停车太难。@Anna Smith 你觉得呢？", "zh-Hans")
    db.session.commit()
    row = db.session.scalars(select(Translation).filter_by(content_type="comment")).one()
    assert row.is_outdated(comment)
    told = db.session.scalars(select(Notification).filter_by(kind="comments.mention")).all()
    assert [n.user_id for n in told] == [people.anna.id]
    services.edit_comment(people.wang, comment, "停车太难！@Anna Smith 你觉得呢？", "zh-Hans")
    db.session.commit()
    assert (
        len(db.session.scalars(select(Notification).filter_by(kind="comments.mention")).all()) == 1
    )


def test_deleting_removes_the_text_everywhere_and_keeps_the_place(
    client, db, people, proposal, say
):
    comment = say(people.anna, proposal, "My phone is 13800000000, call me.")
    services.edit_comment(people.anna, comment, "My phone is 13800000001, call me.", "en")
    translations.save_translation(people.translator, comment, "zh-Hans", {"body": "我的电话是13800000001。"})  # fmt: skip
    translations.save_translation(people.second, comment, "zh-Hans", {"body": "我的电话：13800000001。"})  # fmt: skip
    reply = say(people.wang, proposal, "好的，我打给你。", "zh-Hans", parent=comment)
    sign_in(client, people.anna)
    assert client.get(f"/comments/{comment.id}/delete").status_code == 200
    assert client.post(f"/comments/{comment.id}/delete").status_code == 302
    db.session.refresh(comment)
    assert comment.is_deleted and comment.body == "" and comment.body_html == ""
    assert db.session.scalars(select(CommentEdit).filter_by(comment_id=comment.id)).all() == []
    assert db.session.scalars(select(Translation).filter_by(content_type="comment", content_id=comment.id)).all() == []  # fmt: skip
    # Nothing of the text is left beside the audit chain, and the chain still verifies.
    values = db.session.scalars(select(AuditPersonalValue.value)).all()
    assert not any(value and "1380000000" in value for value in values)
    assert not any(
        "1380000000" in entry.details for entry in db.session.scalars(select(AuditEntry))
    )
    assert verify().ok
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "1380000000" not in page
    assert f'id="comment-{comment.id}"' in page and "Deleted by its author." in page
    assert f'id="comment-{reply.id}"' in page  # the reply keeps its place under it
    assert client.get(f"/comments/{comment.id}/history").status_code == 403
    deleted = db.session.scalars(select(AuditEntry).filter_by(action="comment.deleted")).one()
    assert deleted.actor_id == people.anna.id


def test_only_the_author_edits_or_deletes(client, db, people, proposal, say):
    comment = say(people.anna, proposal, "Anna's")
    for user in (people.wang, people.committee, people.translator):
        sign_in(client, user)
        assert client.get(f"/comments/{comment.id}/edit").status_code == 403
        assert client.post(f"/comments/{comment.id}/delete").status_code == 403
        client.post("/account/sign-out")
        with pytest.raises(ServiceError):
            services.delete_comment(user, comment)
    assert db.session.get(Comment, comment.id).deleted_at is None
