"""A proposal page with 10 or 2,000 comments costs the same number of queries, and the
cached thread is drawn again after every change to it."""

import re

import pytest
from flask import g

from consult.comments import likes, moderation, services
from consult.core.cache import clear_process_cache
from consult.multilingual import services as translations
from tests.comments.conftest import bulk_thread, page_text
from tests.conftest import sign_in

EN = {"Accept-Language": "en"}


def page_text_of(html):
    return html[html.find("<main") : html.find("</main>")]


def _count(client, queries, url, headers=EN):
    clear_process_cache()
    with queries() as counted:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return counted.count, page_text(response)


@pytest.mark.parametrize("headers", [EN, {"Accept-Language": "zh-TW"}])
def test_a_page_with_10_or_2000_comments_takes_the_same_queries(
    client, db, people, write, queries, verified, headers
):
    authors = [people.wang, people.anna, verified("김민준")]
    small, big = write(people.wang), write(people.wang, title="热门")
    bulk_thread(db, small, authors, 10, translator=people.translator)
    bulk_thread(db, big, authors, 2000, translator=people.translator)
    counts = {}
    for proposal, size in ((small, 10), (big, 2000)):
        counts[size], html = _count(client, queries, f"/proposals/{proposal.id}", headers)
        assert html.count('<li id="comment-') == size
    assert counts[10] == counts[2000], counts
    # Signed in, the buttons cost one query more (the reader's likes), whatever the size.
    sign_in(client, people.anna)
    signed = {}
    for proposal, size in ((small, 10), (big, 2000)):
        signed[size], html = _count(client, queries, f"/proposals/{proposal.id}", headers)
        assert html.count('href="/comments/') >= size  # a reply link on each
    assert signed[10] == signed[2000], signed
    # From the cache: the proposal, its data versions and the thread's.
    with queries() as cached:
        client.get(f"/proposals/{big.id}", headers=headers)
    assert cached.count < signed[2000]


def test_the_cached_thread_changes_with_every_change(client, db, people, proposal, say):
    url = f"/proposals/{proposal.id}"
    first = say(people.wang, proposal, "第一条", "zh-Hans")
    assert "第一条" in page_text(client.get(url, headers=EN))

    def shown(*expected):
        html = page_text(client.get(url, headers=EN))
        for text in expected:
            assert text in html
        return html

    reply = say(people.anna, proposal, "A reply", parent=first)
    shown("A reply")
    likes.like_comment(people.anna, first)
    db.session.commit()
    shown("1 like")
    services.edit_comment(people.anna, reply, "An edited reply", "en")
    db.session.commit()
    shown("An edited reply", "edited · earlier versions")
    row = translations.save_translation(people.translator, first, "en", {"body": "The first one"})
    db.session.commit()
    shown("The first one", "not verified yet")
    translations.verify_translation(people.second, first, row)
    db.session.commit()
    shown("verified by 张伟 Zhang Wei")
    moderation.hide_comment(people.committee, reply, "off_topic")
    db.session.commit()
    assert "An edited reply" not in shown("Hidden by the residents' committee: Off topic.")
    services.delete_comment(people.wang, first)
    db.session.commit()
    assert "The first one" not in shown("Deleted by its author.")


def test_a_visitor_gets_the_cached_page_with_their_own_form_token(app, db, people, proposal, say):
    app.config["WTF_CSRF_ENABLED"] = True
    url = f"/proposals/{proposal.id}"
    first, second = app.test_client(), app.test_client()
    say(people.wang, proposal, "第一条", "zh-Hans")
    tokens = []
    for client in (first, second, first):
        g.pop("csrf_token", None)  # tests share one app context, so one g, between requests
        html = client.get(url, headers=EN).get_data(as_text=True)
        assert "第一条" in page_text_of(html)
        tokens.append(re.search(r'name="csrf_token" value="([^"]+)"', html).group(1))
        assert "\x00" not in html
    assert tokens[0] != tokens[1]  # each visitor's own token, not the first visitor's
    # The cached page's language switcher works for the second visitor.
    response = second.post(
        "/language", data={"csrf_token": tokens[1], "locale": "zh_Hans", "next": url}
    )
    assert response.status_code == 302
    app.config["WTF_CSRF_ENABLED"] = False
    assert "第一条" in page_text(second.get(url))
    say(people.anna, proposal, "A second comment")
    assert "A second comment" in page_text(first.get(url, headers=EN))


def test_a_flash_message_is_never_served_to_another_visitor(app, db, people, proposal):
    url = f"/proposals/{proposal.id}"
    visitor = app.test_client()
    visitor.get(url, headers=EN)
    with visitor.session_transaction() as session:
        session["_flashes"] = [("info", "Only for this visitor")]
    assert "Only for this visitor" in page_text(visitor.get(url, headers=EN))
    assert "Only for this visitor" not in page_text(app.test_client().get(url, headers=EN))
