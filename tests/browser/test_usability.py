"""What a new committee member and a new resident stumbled on, checked in the browser:
the short code, the consent at sign-up, long e-mail addresses at 375 px."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LONG_EMAIL = (
    "tom.smith.with.a.remarkably.long.mailbox.name@international-residents.chunjiang.example.org"
)


def no_sideways_scrolling(page):
    return (
        page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]
    )


def test_a_short_code_letter_is_typed_in_and_redeemed(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    committee = browser_page(locale="en-GB")
    sign_in_as(committee, "committee@example.org")  # the demo committee member reads Chinese
    committee.goto(live_server.url + "/register?q=Maria")
    committee.locator("table.register-table a").nth(1).click()  # household WD-09-1504
    committee.get_by_label("有效期（天）").fill("30")
    committee.get_by_role("button", name="为此户生成邀请函").click()
    letter = committee.locator("article.letter")
    code = letter.locator(".short-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}", code)
    expect(letter).to_contain_text(f"type the invitation code {code}")
    expect(letter).to_contain_text(f"并输入邀请码 {code}")
    expect(letter).to_contain_text("0571-8888 6600")  # the committee's phone, in both halves
    expect(letter).to_contain_text("Wendingyuan 9")  # the building's English name
    assert_accessible(committee, "short-code letter")
    save_screenshot(committee, "letter-short-code")

    # A phone without a camera: the code typed by hand, in lower case with a space.
    visitor = browser_page(locale="zh-CN", width=375, height=740)
    visitor.goto(live_server.url + "/")
    visitor.get_by_label("邀请码").fill(code.lower().replace("-", " "))
    assert_accessible(visitor, "home with the code box (zh_Hans, 375 px)")
    visitor.get_by_role("button", name="继续").click()
    expect(visitor.get_by_role("heading", name="成为已认证居民")).to_be_visible()
    visitor.get_by_role("link", name="注册账号").click()
    email = f"priya-{uuid.uuid4().hex[:6]}@example.org"
    visitor.get_by_label("电子邮箱").fill(email)
    visitor.get_by_label("显示名称").fill("Priya")
    visitor.get_by_label("密码", exact=True).fill("monsoon evenings 2026")
    visitor.get_by_label("再次输入密码").fill("monsoon evenings 2026")
    visitor.get_by_label("我已阅读并同意隐私说明。").check()
    visitor.get_by_role("button", name="注册", exact=True).click()
    visitor.get_by_label(re.compile("Priya Sharma")).check()
    visitor.get_by_role("button", name="确认").click()
    expect(visitor.get_by_text("您现在是 WD-09-1504 户的已认证居民", exact=False)).to_be_visible()
    assert no_sideways_scrolling(visitor)

    # The code worked once, like the link.
    visitor.goto(live_server.url + "/invitation")
    visitor.get_by_label("邀请码").fill(code)
    visitor.get_by_role("button", name="继续").click()
    expect(visitor.locator("#code-error")).to_contain_text("已被使用")


def test_sign_up_shows_the_privacy_notice_and_asks_for_consent(
    live_server, browser_page, assert_accessible, save_screenshot
):
    page = browser_page(locale="zh-TW", width=375, height=740)
    page.goto(live_server.url + "/account/sign-up")
    notice = page.locator("details.consent-notice")
    expect(notice).to_be_visible()
    notice.locator("summary").click()
    expect(notice).to_contain_text("居民名冊")  # the notice itself, in the reader's script
    expect(page.get_by_text("第 1 版", exact=False).first).to_be_visible()
    assert_accessible(page, "sign-up with the privacy notice (zh_Hant, 375 px)")
    assert no_sideways_scrolling(page)
    email = f"chen-{uuid.uuid4().hex[:6]}@example.org"
    page.get_by_label("電子郵箱").fill(email)
    page.get_by_label("顯示名稱").fill("陳美玲")
    page.get_by_label("密碼", exact=True).fill("plum blossom season")
    page.get_by_label("再次輸入密碼").fill("plum blossom season")
    page.get_by_role("button", name="註冊", exact=True).click()
    # Without the box ticked: said at the box, and everything typed is still there.
    expect(page.locator("#privacy_consent-error")).to_contain_text("請同意隱私說明")
    assert page.get_by_label("電子郵箱").input_value() == email
    assert_accessible(page, "sign-up refused without consent (zh_Hant)")
    save_screenshot(page, "sign-up-consent-zh_Hant")
    page.get_by_label("密碼", exact=True).fill("plum blossom season")
    page.get_by_label("再次輸入密碼").fill("plum blossom season")
    page.get_by_label("我已閱讀並同意隱私說明。").check()
    page.get_by_role("button", name="註冊", exact=True).click()
    expect(page.get_by_text("你好，陳美玲", exact=False)).to_be_visible()


@pytest.mark.parametrize("who", ["committee", "resident"])
def test_a_long_email_address_wraps_at_375_px(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot, who
):
    committee = browser_page(locale="en-GB")
    sign_in_as(committee, "committee@example.org")
    name = "Tom Smith" if who == "committee" else "Anna Smith"
    committee.goto(live_server.url + f"/register?q={name.replace(' ', '+')}")
    committee.get_by_role("link", name=name).click()
    committee.get_by_role("link", name="编辑").click()
    committee.get_by_label("电子邮箱").fill(LONG_EMAIL.replace("tom", name.split()[0].lower()))
    committee.get_by_role("button", name="保存").click()
    resident_url = committee.url

    if who == "committee":
        phone = browser_page(locale="en-GB", width=375, height=740)
        sign_in_as(phone, "committee@example.org")
        phone.goto(resident_url)
    else:
        phone = browser_page(locale="en-GB", width=375, height=740)
        sign_in_as(phone, "anna.smith@example.org")
        phone.goto(live_server.url + "/register/me")
    expect(phone.get_by_text("remarkably.long.mailbox", exact=False).first).to_be_visible()
    assert no_sideways_scrolling(phone), phone.evaluate(
        "() => document.documentElement.scrollWidth"
    )
    assert_accessible(phone, f"{who} page with a long e-mail address at 375 px")
    save_screenshot(phone, f"long-email-375-{who}")


PUBLIC_PAGES = ["/", "/invitation", "/contact", "/privacy", "/privacy/versions", "/accessibility"]
COMMITTEE_PAGES = ["/", "/register/places", "/community/contact", "/community/privacy"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_fit_a_phone_and_pass_axe(live_server, browser_page, assert_accessible, path):
    page = browser_page(locale="en-GB", width=375, height=740)
    page.goto(live_server.url + path)
    assert_accessible(page, f"{path} at 375 px")
    assert no_sideways_scrolling(page)


@pytest.mark.parametrize("path", COMMITTEE_PAGES)
def test_committee_pages_fit_a_phone_and_pass_axe(
    live_server, browser_page, sign_in_as, assert_accessible, path
):
    page = browser_page(locale="zh-CN", width=375, height=740)
    sign_in_as(page, "committee@example.org")
    page.goto(live_server.url + path)
    assert_accessible(page, f"{path} at 375 px (committee)")
    assert no_sideways_scrolling(page), page.evaluate("() => document.documentElement.scrollWidth")


def test_the_committee_asks_before_revoking_and_making_many_letters(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    page = browser_page(locale="en-GB")
    sign_in_as(page, "committee@example.org")
    # A batch: the count first.
    page.goto(live_server.url + "/register?verified=no")
    page.locator("form.inline-fields button[type=submit]").click()
    expect(page.locator("p.lead")).to_contain_text("将生成")
    assert_accessible(page, "letters confirmation")
    save_screenshot(page, "letters-confirm-zh_Hans")
    page.get_by_role("link", name="取消").click()
    # A verification: a reason is asked for on a page of its own.
    page.goto(live_server.url + "/register?q=Wang")
    page.get_by_role("link", name="王芳").click()
    page.get_by_role("link", name="撤销认证…").click()
    page.get_by_role("button", name="撤销认证").click()
    expect(page.locator("#note-error")).to_be_visible()
    assert_accessible(page, "revoke verification with a problem")
