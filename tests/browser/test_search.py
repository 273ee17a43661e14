"""The header's search box at phone width: a Chinese, an English and a pinyin-only reader
(and a reader of Traditional characters) each find the parking proposal of the demo."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

READERS = [
    # (browser locale, what they type, the box's name, the link they find)
    ("zh-CN", "停车", "搜索提案等内容", "小区停车位不足怎么办"),
    ("en-GB", "parking", "Search proposals and more", "Not enough parking spaces in the compound"),
    ("en-GB", "ting che", "Search proposals and more", "Not enough parking spaces in the compound"),
    ("zh-TW", "停車", "搜索提案等內容", "小區停車位不足怎麼辦"),
]


def test_each_reader_finds_the_parking_proposal_from_the_header_box_on_a_phone(
    live_server, browser_page, assert_accessible, save_screenshot
):
    for locale, typed, box_name, title in READERS:
        page = browser_page(locale=locale, width=375, height=740)
        page.goto(live_server.url + "/")
        box = page.get_by_role("searchbox", name=box_name)
        expect(box).to_be_visible()
        box.fill(typed)
        box.press("Enter")  # a plain GET form: no script needed
        expect(page).to_have_url(re.compile(r"/search\?q="))
        link = page.locator(".search-results").get_by_role("link", name=title, exact=True)
        expect(link).to_be_visible()
        expect(page.locator(".search-results mark").first).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
        assert_accessible(page, f"search results for {typed} ({locale}) at 375 px")
        save_screenshot(page, f"search-{locale}-{typed.replace(' ', '-')}")
        link.click()
        expect(page).to_have_url(re.compile(r"/proposals/\d+$"))


def test_a_query_that_cannot_be_searched_says_so(live_server, browser_page, assert_accessible):
    page = browser_page(locale="en-GB", width=375, height=740)
    page.goto(live_server.url + "/search?q=%21%21%21")
    expect(
        page.get_by_text("Type at least one letter, digit or Chinese character.")
    ).to_be_visible()
    assert_accessible(page, "search with nothing to search for")
