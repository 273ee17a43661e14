"""People's rights over their data, in the browser: the pages fit a phone and pass axe,
and an account is asked for, confirmed and gone."""

import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def no_sideways_scrolling(page):
    return (
        page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]
    )


@pytest.mark.parametrize("path", ["/account/my-data", "/account/delete", "/register/me/contact"])
def test_a_residents_pages_fit_a_phone_and_pass_axe(
    live_server, browser_page, sign_in_as, assert_accessible, path
):
    page = browser_page(locale="en-GB", width=375, height=740)
    sign_in_as(page, "anna.smith@example.org")
    page.goto(live_server.url + path)
    assert_accessible(page, f"{path} at 375 px (resident)")
    assert no_sideways_scrolling(page), page.evaluate("() => document.documentElement.scrollWidth")


@pytest.mark.parametrize(
    "path", ["/data-rights", "/register/settings", "/register?status=moved_out"]
)
def test_the_committees_pages_fit_a_phone_and_pass_axe(
    live_server, browser_page, sign_in_as, assert_accessible, path
):
    page = browser_page(locale="zh-CN", width=375, height=740)
    sign_in_as(page, "committee@example.org")
    page.goto(live_server.url + path)
    assert_accessible(page, f"{path} at 375 px (committee)")
    assert no_sideways_scrolling(page), page.evaluate("() => document.documentElement.scrollWidth")


def test_an_account_is_asked_for_confirmed_and_gone(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    person = browser_page(locale="zh-TW", width=375, height=740)
    person.goto(live_server.url + "/account/sign-up")
    email = f"leaving-{uuid.uuid4().hex[:6]}@example.org"
    person.get_by_label("電子郵箱").fill(email)
    person.get_by_label("顯示名稱").fill("林小姐")
    person.get_by_label("密碼", exact=True).fill("plum blossom season")
    person.get_by_label("再次輸入密碼").fill("plum blossom season")
    person.get_by_label("我已閱讀並同意隱私說明。").check()
    person.get_by_role("button", name="註冊", exact=True).click()
    person.goto(live_server.url + "/account/my-data")
    expect(person.get_by_role("heading", name="您的帳號")).to_be_visible()
    expect(person.get_by_text(email).first).to_be_visible()
    save_screenshot(person, "my-data-zh_Hant")
    person.get_by_role("link", name="刪除我的帳號…").click()
    person.get_by_label("您的密碼").fill("plum blossom season")
    person.get_by_role("button", name="申請刪除我的帳號").click()
    expect(person.get_by_role("button", name="撤回申請：保留我的帳號")).to_be_visible()
    assert_accessible(person, "deletion requested (zh_Hant)")

    committee = browser_page(locale="zh-CN", width=375, height=740)
    sign_in_as(committee, "committee@example.org")
    committee.goto(live_server.url + "/data-rights")
    committee.get_by_role("row", name=email).get_by_role("link", name="决定").click()
    assert_accessible(committee, "a deletion request (committee)")
    save_screenshot(committee, "deletion-request-zh_Hans")
    committee.get_by_role("button", name="删除该账号").click()
    expect(committee.get_by_text("账号已删除；系统会通过电子邮件通知此人。")).to_be_visible()

    person.goto(live_server.url + "/account/my-data")
    expect(person).to_have_url(f"{live_server.url}/account/sign-in?next=%2Faccount%2Fmy-data")
