"""Two-factor sign-in in a real browser, on a phone, in Chinese: enrol, then sign in."""

import uuid

import pyotp
from playwright.sync_api import expect

from consult.core.models import utcnow
from consult.extensions import db

PASSWORD = "lotus pond at dawn 2026"


def _account(live_server):
    from consult.accounts.services import create_user

    email = f"member-{uuid.uuid4().hex[:6]}@example.org"
    with live_server.app.app_context():
        create_user(email, "委员", PASSWORD, role="committee", locale="zh_Hans")
        db.session.commit()
    return email


def _code(secret, offset=0):
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(utcnow()) + offset)


def test_enrol_and_sign_in_with_a_code_on_a_phone(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    email = _account(live_server)
    page = browser_page(locale="zh-CN", width=375)
    sign_in_as(page, email, PASSWORD)
    page.goto(live_server.url + "/account/two-factor/enrol")
    expect(page.locator("img.qr")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page, "two-factor enrolment")
    save_screenshot(page, "two-factor-enrol")
    secret = page.locator("code.secret").inner_text().strip()
    page.get_by_label("验证码").fill(_code(secret))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("ul.recovery-codes li")).to_have_count(10)
    assert_accessible(page, "recovery codes")

    other = browser_page(locale="zh-CN", width=375)
    sign_in_as(other, email, PASSWORD)
    expect(other.get_by_label("验证码")).to_be_visible()
    assert_accessible(other, "code step of signing in")
    other.get_by_label("验证码").fill(_code(secret, 1))
    other.locator("main form button[type=submit]").click()
    expect(other.get_by_text("您已登录", exact=False)).to_be_visible()
