"""A proposal page with 10 or 2,000 comments costs the same number of queries, and the
cached thread is drawn again after every change to it."""

import pytest

from consult.comments import likes, moderation, services
from consult.core.cache import clear_process_cache
from consult.multilingual import services as translations
from tests.comments.conftest import bulk_thread, page_text
from tests.conftest import sign_in

EN = {"Accept-Language": "en"}


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
