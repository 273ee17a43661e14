"""A foreign resident signs up in English as an observer, confirms by the e-mailed link,
is approved by the committee, prints the badge and opens its verification page."""

import email
import email.policy
import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _mail_to(folder, address):
    for path in sorted((folder / "outbox").glob("*.eml"), reverse=True):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if message["To"] == address:
            return message
    raise AssertionError(f"no e-mail to {address}")


def test_an_observer_signs_up_confirms_is_approved_and_verifies_the_badge(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    base = live_server.url
    address = f"lena-{uuid.uuid4().hex[:6]}@example.org"
    latin = f"Lena Vogel {uuid.uuid4().hex[:4]}"

    page = browser_page(locale="en-GB")
    page.goto(base + "/elections")
    page.get_by_role("link", name="Election of the 6th Chunjiang Residents' Committee").click()
    page.get_by_role("link", name="Sign up as an observer or volunteer").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, "helper sign-up (en)")

    page.get_by_label("Observe the election").check()
    page.get_by_label("Name in its own script").fill("Lena Vogel")
    page.get_by_label("Name in Latin letters").fill(latin)
    page.get_by_label("Nationality").select_option("DE")
    page.get_by_label("Languages spoken").fill("de;en")
    page.get_by_label("E-mail address").fill(address)
    page.get_by_label("Community Service Centre · ").last.check()  # the afternoon shift
    page.get_by_role("button", name="Sign up").click()
    # Forgot the code of conduct: refused, and nothing typed is lost.
    expect(page.get_by_text("Observers must accept the code of conduct.").first).to_be_visible()
    assert page.get_by_label("Name in Latin letters").input_value() == latin
    assert_accessible(page, "helper sign-up with a problem (en)")
    page.get_by_label("I have read the observer code of conduct").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Almost done: confirm your sign-up")).to_be_visible()
    save_screenshot(page, "election-signed-up-en")

    message = _mail_to(live_server.folder, address)
    assert message["Content-Language"] == "en"
    link = re.search(r"http://\S+/elections/helpers/confirm/\S+", message.get_content()).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm my sign-up").click()
    expect(page.get_by_text("your sign-up is confirmed")).to_be_visible()
    expect(page.get_by_text("Waiting for the committee")).to_be_visible()
    my_page = page.url

    committee = browser_page(locale="zh-CN")
    sign_in_as(committee, "committee@example.org")
    committee.goto(base + "/elections")
    committee.get_by_role("link", name="春江社区第六届居民委员会换届选举").click()
    committee.get_by_role("link", name="观察员和选举志愿者").first.click()
    assert_accessible(committee, "helpers by shift (zh_Hans)")
    committee.get_by_role("button", name=f"批准: {latin}").click()
    expect(committee.get_by_text("已批准，并已通知本人。")).to_be_visible()
    save_screenshot(committee, "election-helpers-zh_Hans")

    page.goto(my_page)
    expect(page.get_by_text("Approved").first).to_be_visible()
    page.get_by_role("link", name="Print my badge").click()
    expect(page.get_by_text(latin)).to_be_visible()
    expect(page.locator("img.qr")).to_be_visible()
    assert_accessible(page, "badge (en)")
    save_screenshot(page, "election-badge-en")
    verification = page.locator(".letter-url").inner_text().strip()

    stranger = browser_page(locale="zh-TW", width=375, height=740)
    stranger.goto(verification)
    assert stranger.locator("html").get_attribute("lang") == "zh-Hant"
    expect(stranger.get_by_text("有效工作證")).to_be_visible()
    expect(stranger.get_by_text(latin)).to_be_visible()
    assert address not in stranger.content()
    assert_accessible(stranger, "badge verification (zh_Hant, phone)")
    save_screenshot(stranger, "election-badge-verified-zh_Hant")
