"""A whole consultation in the browser: a Chinese resident writes a proposal, a translator
translates it at the desk, an English reader reads the translation (and the original one
click away), and the committee answers in both languages."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_bilingual_consultation_from_proposal_to_answer(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    tag = uuid.uuid4().hex[:4]
    title = f"北门增设自行车棚{tag}"
    english_title = f"A bicycle shed by the north gate {tag}"

    # 王芳 writes in Chinese, with the interface in Chinese.
    wang = browser_page(locale="zh-CN")
    sign_in_as(wang, "wang.fang@example.org")
    wang.goto(live_server.url + "/proposals")
    expect(wang.get_by_role("link", name="小区停车位不足怎么办")).to_be_visible()
    assert_accessible(wang, "proposals (zh_Hans)")
    save_screenshot(wang, "proposals-zh_Hans")
    wang.get_by_role("link", name="撰写提案").click()
    assert_accessible(wang, "new proposal (zh_Hans)")
    wang.locator("#title").fill(title)
    wang.locator("#summary").fill("北门附近没有停放自行车的地方。")
    wang.locator("#body").fill("建议在北门旁边建一个有顶棚的**自行车棚**，可以停放三十辆车。")
    expect(wang.locator("#language")).to_have_value("zh-Hans")
    wang.get_by_role("button", name="保存草稿").click()
    expect(wang.get_by_text("这是草稿：只有你能看到。")).to_be_visible()
    wang.get_by_role("link", name="发布").click()
    wang.get_by_role("button", name="发布").click()
    expect(wang.locator(".proposal-head .state")).to_have_text("协商中")
    proposal_url = wang.url
    assert re.search(r"/proposals/\d+$", proposal_url)
    proposal_id = proposal_url.rsplit("/", 1)[1]
    assert_accessible(wang, "proposal (zh_Hans)")
    save_screenshot(wang, "proposal-written-zh_Hans")

    # The translator finds it at the desk and translates it beside the original.
    translator = browser_page(locale="en-GB")
    sign_in_as(translator, "translator@example.org")
    translator.goto(live_server.url + "/desk?language=en")
    row = translator.locator("tr", has_text=title)
    expect(row).to_be_visible()
    assert_accessible(translator, "desk (en)")
    save_screenshot(translator, "translation-desk-en")
    row.get_by_role("link", name=re.compile("^Translate")).click()
    expect(translator.locator(".original-text").first).to_contain_text(title)
    translator.locator("#field_title").fill(english_title)
    translator.locator("#field_summary").fill(
        "There is nowhere to park bicycles by the north gate."
    )
    translator.locator("#field_body").fill(
        "Please build a covered **bicycle shed** by the north gate, for thirty bicycles."
    )
    assert_accessible(translator, "translate form (en)")
    save_screenshot(translator, "translate-form-en")
    translator.get_by_role("button", name="Save the translation").click()
    expect(translator.get_by_text("Your translation is saved.")).to_be_visible()

    # Anna reads it in English, with the original one click away, and supports it.
    anna = browser_page(locale="en-GB", width=375, height=800)
    sign_in_as(anna, "anna.smith@example.org")
    anna.goto(proposal_url)
    expect(anna.get_by_role("heading", level=1)).to_have_text(english_title)
    expect(anna.locator(".translation-note").first).to_contain_text(
        "Translated from Chinese by 李娜 Li Na"
    )
    expect(anna.locator(".proposal-text strong")).to_have_text("bicycle shed")
    assert_accessible(anna, "translated proposal on a phone (en)")
    save_screenshot(anna, "proposal-translated-en-phone")
    anna.get_by_role("link", name="Original (Chinese)").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text(title)
    anna.get_by_role("button", name="Support").click()
    expect(anna.get_by_text("You support this proposal.")).to_be_visible()

    # The committee ends the consultation and answers in Chinese, then in English.
    committee = browser_page(locale="zh-CN")
    sign_in_as(committee, "committee@example.org")
    committee.goto(proposal_url)
    committee.get_by_role("button", name="结束协商并开始审议").click()
    expect(committee.locator(".proposal-head .state")).to_have_text("审议中")
    committee.get_by_role("link", name="正式答复").click()
    committee.locator("#outcome").select_option("adopted_in_part")
    committee.locator("#body").fill("居委会部分采纳：下个月在北门安装可停放十五辆车的车棚。")
    committee.get_by_role("button", name="保存答复").click()
    committee.get_by_role("button", name="发布答复").click()
    expect(committee.locator(".flash-error")).to_contain_text("缺少：英语")
    assert_accessible(committee, "answer waiting for English (zh_Hans)")
    committee.get_by_role("link", name="现在翻译").click()
    committee.locator("#field_body").fill(
        "The committee adopts this in part: a shed for fifteen bicycles will be installed "
        "by the north gate next month."
    )
    committee.get_by_role("button", name="保存译文").click()
    committee.goto(f"{live_server.url}/proposals/{proposal_id}/answer")
    committee.get_by_role("button", name="发布答复").click()
    expect(committee.locator(".proposal-head .state")).to_have_text("已答复")
    expect(committee.locator("#answer")).to_contain_text("居委会部分采纳")
    save_screenshot(committee, "proposal-answered-zh_Hans")

    # Anna reads the official answer in English; the listing shows it answered.
    anna.goto(live_server.url + "/proposals?state=answered")
    expect(anna.get_by_role("link", name=english_title)).to_be_visible()
    assert_accessible(anna, "answered proposals on a phone (en)")
    anna.goto(proposal_url)
    answer = anna.locator("#answer")
    expect(answer).to_contain_text("Adopted in part")
    expect(answer).to_contain_text("a shed for fifteen bicycles")
    expect(answer).to_contain_text("the Chinese text prevails")
    assert_accessible(anna, "answered proposal (en)")
    save_screenshot(anna, "proposal-answered-en-phone")
