"""Comments in site search: found while readers see them, gone when hidden or deleted,
back when restored; edits and translations found at once."""

import re

from consult.comments import moderation
from consult.comments import services as comments
from consult.multilingual import services as translations

COMMENT_LINK = re.compile(r'<h2 class="search-title"><a href="[^"]*/comments/(\d+)"')


def found_comments(client, query):
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200
    return {int(number) for number in COMMENT_LINK.findall(response.get_data(as_text=True))}


def test_a_comment_is_found_until_hidden_or_deleted(client, db, people, proposals):
    comment = comments.post_comment(
        people.anna, proposals.parking, "Could the car park open at night only?", "en"
    )
    db.session.commit()
    assert found_comments(client, "night") == {comment.id}
    assert found_comments(client, "car parks") == {comment.id}

    moderation.hide_comment(people.committee, comment, "off_topic")
    db.session.commit()
    assert found_comments(client, "night") == set()

    other = comments.post_comment(people.wang, proposals.parking, "晚上开放停车场可以。", "zh-Hans")
    db.session.commit()
    assert found_comments(client, "wanshang") == {other.id}
    comments.delete_comment(people.wang, other)
    db.session.commit()
    assert found_comments(client, "wanshang") == set()


def test_an_edited_or_translated_comment_is_found_at_once(client, db, people, proposals):
    comment = comments.post_comment(people.anna, proposals.parking, "Bicycles too, please.", "en")
    db.session.commit()
    comments.edit_comment(people.anna, comment, "Scooters too, please.", "en")
    db.session.commit()
    assert found_comments(client, "scooters") == {comment.id}
    assert found_comments(client, "bicycles") == set()
    translations.save_translation(
        people.translator, comment, "zh-Hans", {"body": "电动车也请考虑。"}
    )
    db.session.commit()
    assert found_comments(client, "diandongche") == {comment.id}
