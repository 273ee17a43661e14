"""A proposal's page: safe Markdown, the reader's language with the original one click away
or side by side, conversion marks, and asking for a translation."""

from html.parser import HTMLParser

from sqlalchemy import select

from consult.multilingual import services as translations
from consult.multilingual.models import TranslationRequest
from tests.conftest import sign_in
from tests.proposals.conftest import page_text

EN = {"Accept-Language": "en"}
ATTACK = (
    "Hello <script>alert('x')</script>\n\n"
    '<img src=x onerror="alert(1)">\n\n'
    "[click me](javascript:alert(2)) and [ok](https://example.org)\n\n"
    '<a href="#" onclick="steal()">raw link</a>'
)


class _Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _assert_safe(html):
    """No script element, no event handler attribute, no javascript: link in the page."""
    elements = _Elements(html).found
    assert not [tag for tag, _ in elements if tag == "script"]
    assert not [(tag, a) for tag, attrs in elements for a in attrs if a.startswith("on")]
    links = [attrs.get("href", "") for tag, attrs in elements if tag == "a"]
    assert not [link for link in links if link.strip().lower().startswith("javascript:")]
    assert "https://example.org" in links


def test_markdown_is_sanitised_on_the_proposal_page_the_desk_and_in_translations(
    client, db, people, write
):
    proposal = write(people.anna, title="Safe", language="en", body=ATTACK)
    translations.save_translation(
        people.translator, proposal, "zh-Hans", {"title": "安全", "summary": "s", "body": ATTACK}
    )
    db.session.commit()
    _assert_safe(page_text(client.get(f"/proposals/{proposal.id}", headers=EN)))
    _assert_safe(page_text(client.get(f"/proposals/{proposal.id}?show=both", headers=EN)))
    _assert_safe(
        page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-CN"}))
    )
    sign_in(client, people.second)
    _assert_safe(page_text(client.get(f"/desk/proposal/{proposal.id}/zh")))
    # Written as text, the script is shown, never run.
    assert "&lt;script&gt;" in page_text(client.get(f"/proposals/{proposal.id}", headers=EN))


def test_the_original_is_one_click_away_or_side_by_side(client, db, people, write):
    proposal = write(people.wang)
    translations.save_translation(
        people.translator, proposal, "en",
        {"title": "Not enough parking", "summary": "No space.", "body": "After 7 pm."},
    )  # fmt: skip
    db.session.commit()
    url = f"/proposals/{proposal.id}"
    page = page_text(client.get(url, headers=EN))
    assert '<h1 lang="en">Not enough parking</h1>' in page
    assert "Translated from Chinese by 李娜 Li Na" in page and "not verified yet" in page
    assert f'href="{url}?show=original"' in page
    original = page_text(client.get(url + "?show=original", headers=EN))
    assert '<h1 lang="zh-Hans">小区停车位不足怎么办</h1>' in original
    assert "After 7 pm." not in original
    both = page_text(client.get(url + "?show=both", headers=EN))
    assert "晚上七点以后几乎找不到车位" in both and "After 7 pm." in both


def test_a_traditional_reader_gets_a_marked_conversion_of_a_simplified_original(
    client, db, people, write
):
    proposal = write(people.wang)
    page = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-TW"}))
    assert "小區停車位不足怎麼辦" in page
    assert "自動轉換（OpenCC），不是翻譯。" in page
    simplified = page_text(
        client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-CN"})
    )
    assert "小区停车位不足怎么办" in simplified and "OpenCC" not in simplified


def test_an_english_translation_written_for_a_traditional_original_counts_for_english(
    client, db, people, write
):
    proposal = write(people.wang, title="停車位", body="不夠。", summary="", language="zh-Hant")
    page = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "zh-CN"}))
    assert "停车位" in page and "自动转换" in page
    assert "Request a translation" not in page


def test_readers_without_their_language_ask_for_a_translation(client, db, people, write):
    proposal = write(people.wang)
    url = f"/proposals/{proposal.id}"
    page = page_text(client.get(url, headers=EN))
    assert "Written in Chinese. There is no translation into your language yet." in page
    assert "Sign in to request a translation" in page
    sign_in(client, people.anna)
    page = page_text(client.get(url))
    assert "Request a translation into English" in page
    response = client.post(f"/translations/proposal/{proposal.id}/en/request")
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    client.post(f"/translations/proposal/{proposal.id}/en/request")  # counted once
    requests = db.session.scalars(select(TranslationRequest)).all()
    assert [(r.user_id, r.language) for r in requests] == [(people.anna.id, "en")]
    # Not a content language, or the original's own: refused, never counted.
    assert client.post(f"/translations/proposal/{proposal.id}/ko/request").status_code == 404
    assert client.post(f"/translations/proposal/{proposal.id}/zh-Hans/request").status_code == 404
