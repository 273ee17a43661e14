"""The site search hook: documents, one document, results only for what is visible now;
every change sends content_changed("notice", id)."""

from datetime import timedelta

import pytest

from consult.core.domain import SearchSource
from consult.core.searching import content_changed_signal
from consult.multilingual import services as multilingual
from consult.notices import search, services


@pytest.fixture
def changes():
    seen = []

    def receiver(kind, object_id):
        seen.append((kind, object_id))

    content_changed_signal.connect(receiver)
    yield seen
    content_changed_signal.disconnect(receiver)


def test_the_hook_gives_one_source(app):
    from consult.domains import current_domains

    with app.app_context():
        domain = next(d for d in current_domains() if d.name == "notices")
        sources = domain.part("search")()
    assert [s.kind for s in sources] == ["notice"] and isinstance(sources[0], SearchSource)


def test_documents_carry_every_language(db, people, write):
    notice = write()
    draft = write(title="草稿", publish=False)
    documents = {d.object_id: d for d in search.documents()}
    assert list(documents) == [notice.id]  # a draft is not indexed
    texts = documents[notice.id].texts
    assert texts[0] == "停水通知" and "Water cut" in texts
    assert any("No **water**" in text for text in texts)
    assert search.document(draft.id) is None
    assert search.document(notice.id).texts == texts


def test_results_only_for_notices_visible_now(app, db, people, write, frozen):
    shown = write()
    archived = write(title="旧闻")
    services.archive_notice(people.committee, archived)
    later = write(title="未来", publish_at=frozen() + timedelta(days=1))
    draft = write(title="草稿", publish=False)
    frozen(minutes=1)
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        results = search.results([later.id, draft.id, archived.id, shown.id, 99999], None)
    assert [r.object_id for r in results] == [archived.id, shown.id]
    assert results[1].title == "Water cut" and results[1].url == f"/notices/{shown.id}"
    assert "water" in results[1].excerpts[0] and "**" not in results[1].excerpts[0]
    frozen(days=2)
    with app.test_request_context("/"):
        assert later.id in [r.object_id for r in search.results([later.id], people.anna)]


def test_every_change_is_signalled(db, people, write, changes):
    notice = write(translated=False, publish=False)
    assert ("notice", notice.id) in changes
    changes.clear()
    multilingual.save_translation(people.translator, notice, "en", {"title": "T", "body": "B"})
    assert ("notice", notice.id) in changes
    changes.clear()
    services.update_notice(people.committee, notice, title="新", body="新内容", language="zh-Hans",
                           category_id=notice.category_id)  # fmt: skip
    assert ("notice", notice.id) in changes
    changes.clear()
    notice_id = notice.id
    services.delete_notice(people.committee, notice)
    assert changes == [("notice", notice_id)]
    assert search.document(notice_id) is None
