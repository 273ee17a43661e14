"""A newcomer signs up, switches to Chinese, signs in again; pages pass axe-core."""

import uuid

import pytest

pytestmark = pytest.mark.browser


def test_sign_up_switch_language_sign_in(
    live_server, browser_page, assert_accessible, save_screenshot
):
    page = browser_page(locale="en-US")
    base = live_server.url
    email = f"newcomer-{uuid.uuid4().hex[:6]}@example.org"

    page.goto(base + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, "home (en)")
    save_screenshot(page, "home-en")

    page.get_by_role("link", name="Sign up").first.click()
    assert_accessible(page, "sign-up (en)")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Display name").fill("Olu Adeyemi")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Repeat the password").fill("short")
    page.get_by_label("I have read the privacy notice and agree to it.").check()
    page.get_by_role("button", name="Create account").click()
    # Refused with a clear message; the name and address are still there.
    assert page.get_by_text("Use at least 10 characters.").is_visible()
    assert page.get_by_label("Display name").input_value() == "Olu Adeyemi"
    assert page.get_by_label("E-mail address").input_value() == email
    assert_accessible(page, "sign-up with errors (en)")

    page.get_by_label("Password", exact=True).fill("osmanthus in autumn")
    page.get_by_label("Repeat the password").fill("osmanthus in autumn")
    page.get_by_label("I have read the privacy notice and agree to it.").check()
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_text("Hello, Olu Adeyemi").is_visible()

    # The switcher: Simplified Chinese, kept for the rest of the visit.
    page.get_by_role("button", name="简体中文").click()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.get_by_text("你好，Olu Adeyemi").is_visible()
    page.get_by_role("button", name="退出登录").click()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    save_screenshot(page, "home-zh_Hans")

    page.get_by_role("link", name="登录").first.click()
    assert_accessible(page, "sign-in (zh_Hans)")
    page.get_by_label("电子邮箱").fill(email)
    page.get_by_label("密码").fill("osmanthus in autumn")
    page.get_by_role("button", name="登录").last.click()
    assert page.get_by_text("你好，Olu Adeyemi").is_visible()

    page.get_by_role("button", name="繁體中文").click()
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.get_by_text("你好，Olu Adeyemi").is_visible()
    assert_accessible(page, "home (zh_Hant)")
    save_screenshot(page, "home-zh_Hant")


@pytest.mark.parametrize("path", ["/", "/account/sign-up", "/account/sign-in"])
def test_pages_fit_a_phone_and_pass_axe(live_server, browser_page, assert_accessible, path):
    page = browser_page(locale="zh-TW", width=375, height=740)
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert_accessible(page, f"{path} at 375 px")
    # Nothing wider than the phone: no sideways scrolling.
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375


def test_keyboard_reaches_the_sign_in_form(live_server, browser_page):
    page = browser_page()
    page.goto(live_server.url + "/account/sign-in")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "email":
            break
    assert page.evaluate("() => document.activeElement.id") == "email"
