"""王芳 casts a ranked ballot on a phone, in Chinese: a mistake is refused in her language
with her ranks kept, she reviews, casts and gets a receipt code; the published results of
the closed poll read well on the same phone. Every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"locale": "zh-CN", "width": 375, "height": 812}
QUESTION = "下一次社区活动选哪个主题？"


def fits_the_phone(page):
    return page.evaluate("() => document.scrollingElement.scrollWidth") <= 375


def test_a_ranked_ballot_on_a_phone_in_chinese(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    page = browser_page(**PHONE)
    sign_in_as(page, "wang.fang@example.org")
    page.goto(live_server.url + "/polls")
    page.get_by_role("link", name=QUESTION).click()
    expect(page.get_by_role("heading", name=QUESTION)).to_be_visible()
    expect(page.get_by_text("您可以参加此投票。")).to_be_visible()
    assert_accessible(page, "poll (zh_Hans, phone)")
    page.get_by_role("link", name="立即投票").click()

    expect(page.get_by_role("heading", name="您的选票")).to_be_visible()
    assert fits_the_phone(page)
    assert_accessible(page, "ballot (zh_Hans, phone)")
    # A rank given twice comes back with the message beside both options, ranks kept.
    page.get_by_label("社区运动会").select_option("1")
    page.get_by_label("国际美食节").select_option("1")
    page.get_by_role("button", name="检查我的选票").click()
    expect(page.get_by_text("第 1 名被给了不止一个选项；每个名次只能给一次。")).to_have_count(2)
    expect(page.get_by_label("社区运动会")).to_have_value("1")
    assert_accessible(page, "ballot with problems (zh_Hans, phone)")
    save_screenshot(page, "poll-ballot-problem-zh_Hans-phone")

    page.get_by_label("国际美食节").select_option("2")
    page.get_by_label("二手集市").select_option("3")
    save_screenshot(page, "poll-ballot-zh_Hans-phone")
    page.get_by_role("button", name="检查我的选票").click()
    expect(page.get_by_role("heading", name="检查您的选票")).to_be_visible()
    ranking = page.locator("ol.review-list li")
    expect(ranking).to_have_text(["社区运动会", "国际美食节", "二手集市"])
    assert fits_the_phone(page)
    assert_accessible(page, "review (zh_Hans, phone)")
    save_screenshot(page, "poll-review-zh_Hans-phone")

    page.get_by_role("button", name="投出我的选票").click()
    expect(page.get_by_role("heading", name="您的选票已投出")).to_be_visible()
    code = page.locator(".receipt-code code").inner_text()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", code)
    assert_accessible(page, "receipt (zh_Hans, phone)")
    save_screenshot(page, "poll-receipt-zh_Hans-phone")

    page.get_by_role("link", name="返回投票").click()
    expect(page.get_by_text("您已经参加过此投票。")).to_be_visible()
    expect(page.get_by_text("目前结果（实时）")).to_be_visible()  # this demo poll is live


def test_published_results_on_a_phone(
    live_server, browser_page, assert_accessible, save_screenshot
):
    page = browser_page(**PHONE)
    page.goto(live_server.url + "/polls")
    page.get_by_role("link", name="社区活动中心应当先建设哪一项设施？").click()
    expect(page.get_by_text("胜出：")).to_be_visible()
    expect(page.locator("svg[role=img] title")).to_have_count(1)
    assert fits_the_phone(page)
    assert_accessible(page, "results (zh_Hans, phone)")
    save_screenshot(page, "poll-results-zh_Hans-phone")
    page.get_by_role("link", name="选票清单").first.click()
    expect(page.get_by_role("heading", name="选票清单")).to_be_visible()
    assert fits_the_phone(page)
    assert_accessible(page, "ballot list (zh_Hans, phone)")
