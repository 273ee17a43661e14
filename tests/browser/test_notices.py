"""The notice board in the browser: a phone-width board that passes axe, the committee's
confirmation numbers, and the A4 print page rendered to a PDF of one page with both
languages on it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_board_on_a_phone_and_a_confirmation(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    # Signed out, in English, 375 px wide: pinned water cut first, nothing wider than the screen.
    page = browser_page(locale="en-GB", width=375)
    page.goto(live_server.url + "/notices")
    titles = page.locator(".notice-item-title")
    expect(titles.first).to_have_text("Water cut")
    expect(page.locator(".notice-pinned")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, "notice board (en, 375 px)")
    save_screenshot(page, "notices-board-en-375")
    # The notice whose English is still coming says so.
    page.get_by_role("link", name="垃圾分类新规").click()
    expect(page.get_by_text("Translation coming", exact=True)).to_be_visible()
    assert_accessible(page, "notice with translation coming (en, 375 px)")

    # Anna confirms the water cut; the committee sees the number, not her name.
    anna = browser_page(locale="en-GB", width=375)
    sign_in_as(anna, "anna.smith@example.org")
    anna.goto(live_server.url + "/notices")
    anna.get_by_role("link", name="Water cut").click()
    anna.get_by_role("button", name="I have read this notice").click()
    expect(anna.get_by_text("You have confirmed that you have read this notice.")).to_be_visible()
    assert_accessible(anna, "confirmed notice (en, 375 px)")
    notice_url = anna.url

    committee = browser_page(locale="zh-CN", width=375)
    sign_in_as(committee, "committee@example.org")
    committee.goto(notice_url + "/confirmations")
    caption = committee.locator("caption")
    expect(caption).to_contain_text("已确认")
    assert "Anna" not in committee.locator("main").inner_text()
    assert_accessible(committee, "confirmations (zh_Hans, 375 px)")


def test_the_print_page_is_one_a4_sheet_in_both_languages(
    live_server, browser_page, save_screenshot
):
    page = browser_page(locale="en-GB")
    page.goto(live_server.url + "/notices")
    page.get_by_role("link", name="Water cut").click()
    page.get_by_role("link", name="Print for the notice board").click()
    assert re.search(r"/notices/\d+/print$", page.url)
    page.emulate_media(media="print")
    sheet = page.locator(".notice-sheet")
    text = sheet.inner_text()
    assert "停水通知" in text and "Water cut" in text
    assert "扫描二维码" in text and "Scan to read" in text
    expect(page.locator(".site-header")).to_be_hidden()
    # Side by side: the two columns start at the same height.
    columns = page.locator(".notice-sheet-column")
    expect(columns).to_have_count(2)
    first, second = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"]
    qr = page.locator(".notice-sheet-qr")
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    save_screenshot(page, "notice-print-a4")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # exactly one sheet


@pytest.mark.parametrize(
    "path",
    ["/", "/notices/manage", "/notices/new", "/notices/categories", "/notices/subscriptions",
     "/notices/archive", "/notices/feeds/zh-Hans.atom"],
)  # fmt: skip
def test_committee_notice_pages_fit_a_phone_and_pass_axe(
    live_server, browser_page, sign_in_as, assert_accessible, path
):
    page = browser_page(locale="zh-CN", width=375, height=740)
    sign_in_as(page, "committee@example.org")
    response = page.goto(live_server.url + path)
    assert response.status == 200
    if path.endswith(".atom"):
        assert "停水通知" in response.text()
        return
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, f"{path} at 375 px (committee)")
    if path == "/notices/manage":
        page.get_by_role("link", name="语言与发布").first.click()
        assert_accessible(page, "languages and publishing at 375 px (committee)")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
