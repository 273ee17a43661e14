"""@mentions and replies tell people, through the notification kinds comments declare; and
comments are safe Markdown."""

from sqlalchemy import select

from consult.comments.mentions import mention_starts, mentioned_users
from consult.core.notifications import render
from consult.core.notifications.models import Notification
from consult.core.notifications.services import save_settings
from tests.comments.conftest import page_text


def _told(db, kind):
    rows = db.session.scalars(select(Notification).filter_by(kind=kind).order_by(Notification.id))
    return [(n.user_id, n) for n in rows]


def test_mentions_find_names_with_spaces_and_chinese_names_without_them(db, people, create_user):
    text = "谢谢@王芳说的，@Anna Smith, and mail me at kim@example.org; `@Kim` is code."
    assert [u.id for u in mentioned_users(text)] == [people.wang.id, people.anna.id]
    assert mentioned_users("nobody@example.org wrote") == []
    assert len(mention_starts("@a @b @c")) == 3
    # Two accounts share a name: only the one taking part in the discussion is meant.
    twin = create_user(name="王芳", locale="zh_Hans")
    assert mentioned_users("@王芳 你好") == []
    assert [u.id for u in mentioned_users("@王芳 你好", participants={twin.id})] == [twin.id]


def test_a_reply_and_a_mention_tell_people_each_once_in_their_language(db, people, proposal, say):
    first = say(people.wang, proposal, "停车太难。", "zh-Hans")
    say(people.anna, proposal, "@王芳 I agree. @Kim what do you think?", parent=first)
    replies = _told(db, "comments.reply")
    assert [user for user, _n in replies] == [people.wang.id]  # told of the reply, once
    mentions = _told(db, "comments.mention")
    assert [user for user, _n in mentions] == [people.kim.id]
    subject, _text = render("comments.reply", replies[0][1].params, "zh_Hans")
    assert subject == "Anna Smith 回复了你在“小区停车位不足怎么办”下的评论"
    subject, text = render("comments.mention", mentions[0][1].params, "en")
    assert subject.startswith("Anna Smith mentioned you in a comment")
    assert replies[0][1].path == f"/comments/{first.id + 1}"
    # Nobody is told of their own words.
    say(people.anna, proposal, "Answering myself, @Anna Smith", parent=first)
    assert len(_told(db, "comments.mention")) == 1


def test_each_person_chooses_how_they_hear_of_replies(db, people, proposal, say):
    save_settings(people.wang, {"comments.reply": ("never", False, False)})
    first = say(people.wang, proposal, "停车太难。", "zh-Hans")
    say(people.anna, proposal, "Yes", parent=first)
    assert _told(db, "comments.reply") == []


def test_the_notification_settings_list_the_comment_kinds(client, people):
    from tests.conftest import sign_in

    sign_in(client, people.anna)
    html = page_text(client.get("/notifications/settings"))
    for label in ("Replies to your comments", "Mentions of you in comments", "Decisions about your comments"):  # fmt: skip
        assert label in html


def test_comments_are_safe_markdown(client, people, proposal, say):
    say(people.anna, proposal, '<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)> **ok**')  # fmt: skip
    html = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    assert "<strong>ok</strong>" in html


def test_names_are_shown_as_text(client, db, people, proposal, say, create_user, verified):
    from tests.conftest import sign_in

    hostile = verified("김민준", name='<img src=x onerror="alert(1)">')
    chain = [say(hostile, proposal, "Hello")]
    for author in (people.anna, people.wang, hostile, people.anna):  # the last one flattens
        chain.append(say(author, proposal, f"Reply {len(chain)}", parent=chain[-1]))
    for signed in (False, True):
        if signed:
            sign_in(client, people.anna)
        html = page_text(client.get(f"/proposals/{proposal.id}"))
        assert "<img" not in html
        assert html.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt;") == 3  # + replying to
