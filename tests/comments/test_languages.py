"""Writing a comment in two steps (the language guessed, then confirmed), the language mark,
translations at the desk, outdated translations and Chinese script conversion."""

import re

from sqlalchemy import select

from consult.comments import services
from consult.comments.models import Comment
from consult.multilingual import services as translations
from tests.comments.conftest import page_text
from tests.conftest import sign_in

EN = {"Accept-Language": "en"}


def _selected(html, name="language"):
    select_html = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(
        r'<option selected value="([^"]+)"|<option value="([^"]+)" selected', select_html
    )


def _selected_value(html):
    found = _selected(html)
    return found.group(1) or found.group(2)


def test_writing_guesses_the_language_and_the_author_confirms_it(client, db, people, proposal):
    sign_in(client, people.anna)
    url = f"/comments/proposal/{proposal.id}/new"
    cases = [
        ("停车位真的太少了，我支持。", "zh-Hans"),
        ("停車位真的太少了，我支持這個提案。", "zh-Hant"),
        ("We really need more parking.", "en"),
        ("주차 공간이 부족합니다.", "ko"),
    ]
    for text, guessed in cases:
        step = client.post(url, data={"body": text, "stance": "for"})
        assert step.status_code == 200
        html = page_text(step)
        assert _selected_value(html) == guessed, text
        assert "Your comment will look like this" in html and text in html
        assert 'name="step" type="hidden" value="confirm"' in html
    # Nothing is posted until the author confirms.
    assert db.session.scalar(select(Comment.id)) is None
    # The author corrects the guess: the comment is marked with what they chose.
    done = client.post(
        url, data={"body": "Ok", "language": "fr", "stance": "for", "step": "confirm"}
    )
    comment = db.session.scalars(select(Comment)).one()
    assert done.status_code == 302 and done.headers["Location"].endswith(f"#comment-{comment.id}")
    assert (comment.language, comment.stance.value, comment.author_id) == (
        "fr",
        "for",
        people.anna.id,
    )


def test_bad_input_is_refused_at_its_field_and_what_was_typed_is_kept(client, people, proposal):
    sign_in(client, people.anna)
    url = f"/comments/proposal/{proposal.id}/new"
    empty = client.post(url, data={"body": "   "})
    assert empty.status_code == 422 and "Write your comment." in page_text(empty)
    long = client.post(url, data={"body": "x" * 5001})
    assert long.status_code == 422 and "Use at most 5000 characters." in page_text(long)
    bad = client.post(
        url, data={"body": "Hello there", "language": "not a tag!", "step": "confirm"}
    )
    assert bad.status_code == 422
    assert "Choose the language you wrote in." in page_text(bad)
    assert "Hello there" in page_text(bad)
    odd_stance = client.post(url, data={"body": "Hi all", "language": "en", "stance": "maybe", "step": "confirm"})  # fmt: skip
    assert odd_stance.status_code == 422
    assert "Choose for, against or neutral, or no stance." in page_text(odd_stance)
    nul = client.post(url, data={"body": "a\x00b"})
    assert nul.status_code == 422


def test_a_reply_takes_no_stance(db, people, proposal, say):
    import pytest

    from consult.core.services import ServiceError

    first = say(people.wang, proposal, "我支持", "zh-Hans", stance="for")
    with pytest.raises(ServiceError) as refused:
        services.post_comment(people.anna, proposal, "Me too", "en", stance="for", parent=first)
    assert refused.value.problems[0].field == "stance"


def test_each_comment_is_marked_with_its_language_and_read_in_the_readers(
    client, db, people, proposal, say
):
    chinese = say(people.wang, proposal, "晚上**停车**太难了。", "zh-Hans")
    english = say(people.anna, proposal, "I agree, it is *hard*.", "en", parent=chinese)
    url = f"/proposals/{proposal.id}"
    html = page_text(client.get(url, headers=EN))
    assert "Written in Chinese (Simplified)" in html and "Written in English" in html
    assert "Written in Chinese. There is no translation into your language yet." in html
    # A Chinese reader reads the English reply in English until someone translates it.
    zh = page_text(client.get(url, headers={"Accept-Language": "zh-CN"}))
    assert "以英语撰写" in zh and "<em>hard</em>" in zh
    # The translator translates the Chinese comment at the desk.
    sign_in(client, people.translator)
    desk = page_text(client.get("/desk?kind=comment"))
    assert "晚上停车太难了。" in desk  # the comment's first words, as the desk's heading
    form = client.get(f"/desk/comment/{chinese.id}/en")
    assert form.status_code == 200 and "<strong>停车</strong>" in page_text(form)
    saved = client.post(f"/desk/comment/{chinese.id}/en", data={"field_body": "Parking at night is **too hard**."})  # fmt: skip
    assert saved.status_code == 302
    client.post("/account/sign-out")
    html = page_text(client.get(url, headers=EN))
    assert "<strong>too hard</strong>" in html
    assert "Translated from Chinese by 李娜 Li Na" in html
    # The original is one click away, without JavaScript.
    assert re.search(r"<details class=\"comment-original\"><summary>Original \(Chinese\)</summary>"
                     r"<div class=\"markdown\" lang=\"zh-Hans\"><p>晚上<strong>停车</strong>太难了。", html)  # fmt: skip
    # The author edits: the translation is shown as outdated until it is updated.
    services.edit_comment(people.wang, chinese, "晚上**停车**太难了，周末也是。", "zh-Hans")
    db.session.commit()
    html = page_text(client.get(url, headers=EN))
    assert "Outdated translation: the original has changed since" in html
    assert f'id="comment-{english.id}"' in html


def test_traditional_readers_get_an_opencc_conversion_marked_as_such(
    client, people, proposal, say, verified
):
    say(people.wang, proposal, "这个办法很好，支持。", "zh-Hans")
    html = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-TW"}))
    assert "這個辦法很好，支持。" in html
    assert "自動轉換（OpenCC），不是翻譯" in html
    assert "这个办法很好，支持。" in html  # the original, one click away


def test_a_signed_in_reader_asks_for_a_translation_of_a_comment(client, db, people, proposal, say):
    from consult.multilingual.models import TranslationRequest

    chinese = say(people.wang, proposal, "停车场晚上开放吗？", "zh-Hans")
    sign_in(client, people.kim)
    html = page_text(client.get(f"/proposals/{proposal.id}"))
    action = f"/translations/comment/{chinese.id}/en/request"
    assert action in html
    assert client.post(action).status_code == 302
    request = db.session.scalars(select(TranslationRequest)).one()
    assert (request.content_type, request.content_id, request.user_id) == ("comment", chinese.id, people.kim.id)  # fmt: skip
    # The translation arrives: Kim is told, and the button is gone.
    translations.save_translation(people.translator, chinese, "en", {"body": "Is the car park open at night?"})  # fmt: skip
    db.session.commit()
    html = page_text(client.get(f"/proposals/{proposal.id}"))
    assert action not in html and "Is the car park open at night?" in html
