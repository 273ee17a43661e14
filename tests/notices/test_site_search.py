"""Notices through the site search itself (the engine, not only the hook): in Chinese,
English, Traditional characters and pinyin; archived ones still found; drafts and scheduled
ones only once they are up."""

from datetime import timedelta

import pytest

from consult.notices import services


def _found(client, query, notice):
    response = client.get("/search", query_string={"q": query}, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    return f'href="/notices/{notice.id}"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query", ["停水", "water", "小區停水", "tingshui", "ting shui", "停水 water"]
)
def test_a_published_notice_is_found_in_every_way(client, db, write, query):
    notice = write()
    assert _found(client, query, notice)


def test_words_from_elsewhere_find_nothing(client, db, write):
    notice = write()
    assert not _found(client, "停车", notice)
    assert not _found(client, "swimming", notice)


def test_archived_notices_stay_searchable_and_unpublished_ones_wait(
    client, db, people, write, frozen
):
    archived = write(title="旧的停水通知")
    services.archive_notice(people.committee, archived)
    draft = write(title="停水草稿", publish=False)
    later = write(title="下周停水", publish_at=frozen() + timedelta(days=1))
    db.session.commit()
    frozen(minutes=1)
    assert _found(client, "停水", archived)
    assert not _found(client, "停水", draft)
    assert not _found(client, "停水", later)
    frozen(days=2)
    assert _found(client, "下周", later)
