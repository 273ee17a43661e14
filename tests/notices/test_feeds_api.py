"""Atom feeds per language and category (RFC 4287's required elements, links from
PUBLIC_URL) and /api/v1/notices."""

from datetime import timedelta
from xml.etree import ElementTree as ET

from consult.notices import services

A = "{http://www.w3.org/2005/Atom}"


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.data)


def _assert_valid_atom(root):
    """RFC 4287: a feed has exactly one id, title, updated, an author (or every entry has
    one), a self link; each entry exactly one id, title, updated, and content or an
    alternate link. Dates are RFC 3339."""
    import re

    date = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
    assert root.tag == A + "feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(A + name)) == 1, name
    assert date.match(root.findtext(A + "updated"))
    assert root.find(A + "author/" + A + "name").text
    links = {link.get("rel"): link.get("href") for link in root.findall(A + "link")}
    assert links["self"].startswith("http://consult.test/")
    for entry in root.findall(A + "entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(A + name)) == 1, name
        assert date.match(entry.findtext(A + "updated"))
        assert entry.find(A + "content") is not None or entry.find(A + "link") is not None
        assert entry.findtext(A + "id").startswith("http://consult.test/notices/")
    return root


def test_feed_per_language(client, db, people, write):
    notice = write()
    draft = write(title="草稿", publish=False)
    english = _assert_valid_atom(_feed(client, "/notices/feeds/en.atom"))
    entries = english.findall(A + "entry")
    assert [e.findtext(A + "title") for e in entries] == ["Water cut"]
    assert entries[0].findtext(A + "id") == f"http://consult.test/notices/{notice.id}"
    assert "<strong>water</strong>" in entries[0].findtext(A + "content")
    chinese = _assert_valid_atom(_feed(client, "/notices/feeds/zh-Hans.atom"))
    assert [e.findtext(A + "title") for e in chinese.findall(A + "entry")] == ["停水通知"]
    assert draft.id
    assert client.get("/notices/feeds/xx.atom").status_code == 404


def test_feed_per_category(client, db, people, write, category):
    events = services.create_category(people.committee, "Events", "活动", slug="events")
    db.session.commit()
    write()
    write(title="联欢", category_id=events.id)
    root = _assert_valid_atom(_feed(client, "/notices/feeds/zh-Hant/events.atom"))
    # Only that category, converted to Traditional for the feed's readers.
    assert [e.findtext(A + "title") for e in root.findall(A + "entry")] == ["聯歡"]
    assert root.find(A + "entry/" + A + "category").get("term") == "events"
    assert client.get("/notices/feeds/en/nope.atom").status_code == 404


def test_an_empty_feed_is_still_valid(client, db, people):
    _assert_valid_atom(_feed(client, "/notices/feeds/en.atom"))


def test_api_lists_only_what_has_gone_up(client, db, people, write, frozen):
    shown = write()
    write(title="草稿", publish=False)
    write(title="未来", publish_at=frozen() + timedelta(days=1))
    body = client.get("/api/v1/notices").get_json()
    assert [item["id"] for item in body["items"]] == [shown.id]
    item = body["items"][0]
    assert item["status"] == "published" and item["category"]["slug"] == "water"
    assert item["translations"][0]["fields"]["title"] == "Water cut"
    assert item["url"] == f"http://consult.test/notices/{shown.id}"
    assert client.get(f"/api/v1/notices/{shown.id}").get_json()["title"] == "停水通知"
    assert client.get("/api/v1/notices?status=archived").get_json()["items"] == []
    assert client.get("/api/v1/notices?status=nope").status_code == 400
    assert client.get("/api/v1/notices?category=nope").status_code == 400


def test_api_hides_drafts_and_scheduled_notices(client, db, people, write, frozen):
    draft = write(publish=False)
    later = write(publish_at=frozen() + timedelta(days=1))
    assert client.get(f"/api/v1/notices/{draft.id}").status_code == 404
    assert client.get(f"/api/v1/notices/{later.id}").status_code == 404


def test_openapi_lists_the_notices(client, db):
    document = client.get("/api/v1/openapi.json").get_json()
    assert "/notices" in document["paths"] and "Notice" in document["components"]["schemas"]


def test_the_committee_export_has_notices_with_numbers_only(app, db, people, write):
    from consult.notices.export import export_tables

    notice = write(needs_confirmation=True)
    services.confirm_notice(people.anna, notice)
    tables = {t.filename: t for t in export_tables()}
    rows = list(tables["notices.csv"].rows())
    assert rows[0][0] == notice.id and rows[0][1] == "停水通知" and rows[0][-2] == 1
    assert "Anna" not in repr(rows)
    assert [r[1] for r in tables["notice_categories.csv"].rows()] == ["water"]
