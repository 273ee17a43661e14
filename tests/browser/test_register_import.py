"""The committee imports a register file with errors, reads the line numbers, fixes the
file and imports it (through the real background job); a resident redeems a letter."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HEADER = "household_code,building,unit,room,grid,full_name,latin_name,gender,birth_date,nationality,languages,phone,email\n"


def register_file(tag, birth_date, nationality):
    return (
        HEADER
        + f"BT-{tag}-1,B{tag},1,101,浏览器网格,赵丽{tag},Zhao Li,F,1985-03-04,CN,zh,,\n"
        + f"BT-{tag}-1,B{tag},1,101,浏览器网格,Ola Nordmann {tag},,M,{birth_date},NO,no;en,,\n"
        + f"BT-{tag}-2,B{tag},2,202,浏览器网格,Leila Haddad {tag},,F,1992-11-30,{nationality},ar;fr,,\n"
    ).encode("utf-8")


@pytest.fixture
def background_imports(queue_worker):
    """Imports run in a real queue worker, as in production."""
    return queue_worker


def test_import_with_errors_then_fixed(
    live_server, background_imports, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    tag = uuid.uuid4().hex[:6]
    page = browser_page(locale="zh-CN")
    sign_in_as(page, "committee@example.org")  # the committee member reads Chinese
    page.goto(live_server.url + "/register/import")
    expect(page.get_by_role("heading", name="导入居民名册")).to_be_visible()
    assert_accessible(page, "import (zh_Hans)")

    bad = register_file(tag, birth_date="1990-02-30", nationality="Narnia")
    page.locator("#file").set_input_files(
        files=[{"name": "register.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    page.get_by_role("button", name="上传").click()
    expect(page.get_by_role("alert").first).to_contain_text("发现问题：2 个")
    rows = page.locator("table.import-problems tbody tr")
    expect(rows).to_have_count(2)
    assert rows.nth(0).locator("td").nth(0).inner_text() == "3"
    assert "1990-02-30" in rows.nth(0).inner_text()
    assert rows.nth(1).locator("td").nth(0).inner_text() == "4"
    assert "Narnia" in rows.nth(1).inner_text()
    assert_accessible(page, "import with problems (zh_Hans)")
    save_screenshot(page, "register-import-problems-zh_Hans")

    good = register_file(tag, birth_date="1990-02-28", nationality="MA")
    page.locator("#file").set_input_files(
        files=[{"name": "register-fixed.csv", "mimeType": "text/csv", "buffer": good}]
    )
    page.get_by_role("button", name="上传").click()
    assert re.search(r"/register/import/\d+$", page.url)
    # The job page reloads itself (Refresh header) until the background job is done.
    page.get_by_text("居民名册已导入。").wait_for(timeout=30_000)
    assert page.locator(".import-counts").inner_text().count("3") >= 1
    assert_accessible(page, "import done (zh_Hans)")
    save_screenshot(page, "register-import-done-zh_Hans")

    page.get_by_role("link", name="打开居民名册").click()
    page.get_by_label("姓名或户号").fill(f"nordmann {tag}")
    page.get_by_role("button", name="筛选").click()
    table = page.locator("table.register-table")
    expect(table).to_contain_text(f"Ola Nordmann {tag}")
    assert "挪威" in table.inner_text()  # nationality named in the reader's language
    assert_accessible(page, "register (zh_Hans)")
    save_screenshot(page, "register-zh_Hans")


def test_invitation_letter_and_redeem(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    committee = browser_page(locale="en-GB")
    sign_in_as(committee, "committee@example.org")
    committee.goto(live_server.url + "/register?q=Kwame")
    committee.locator("table.register-table a").nth(1).click()  # the household link
    committee.locator("form.inline-fields button[type=submit]").click()
    letter = committee.locator("article.letter")
    expect(letter).to_have_count(1)
    assert "WD-09-1102" in letter.inner_text()
    assert letter.locator("img.qr").get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert_accessible(committee, "letters")
    save_screenshot(committee, "register-letter")
    link = letter.locator(".letter-url").inner_text().strip()

    visitor = browser_page(locale="en-GB")
    visitor.goto(link)
    assert_accessible(visitor, "invitation, signed out")
    visitor.get_by_role("link", name="Create an account").click()
    email = f"kwame-{uuid.uuid4().hex[:6]}@example.org"
    visitor.get_by_label("E-mail address").fill(email)
    visitor.get_by_label("Display name").fill("Kwame")
    visitor.get_by_label("Password", exact=True).fill("harmattan breeze 2026")
    visitor.get_by_label("Repeat the password").fill("harmattan breeze 2026")
    visitor.get_by_label("Preferred language").select_option("en")
    visitor.get_by_label("I have read the privacy notice and agree to it.").check()
    visitor.get_by_role("button", name="Create account").click()
    expect(visitor.get_by_label("Kwame Osei")).to_be_visible()
    assert_accessible(visitor, "invitation, choose who you are")
    visitor.get_by_label("Kwame Osei").check()
    visitor.get_by_role("button", name="Confirm").click()
    assert visitor.get_by_text(
        "you are now a verified resident of household WD-09-1102"
    ).is_visible()
    assert_accessible(visitor, "my register entry")
    save_screenshot(visitor, "register-me")
