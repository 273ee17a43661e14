"""Comments in the browser: a Chinese and an international resident answer each other, each
reading the other in their own language; and hostile comments never run a script."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PARKING = "小区停车位不足怎么办"


def _parking_url(live_server, page):
    page.goto(live_server.url + "/proposals")
    page.get_by_role("link", name=re.compile(PARKING + "|Not enough parking")).first.click()
    return page.url.split("#")[0]


def _comment_id(page):
    """The id of the comment a page was sent to after posting (…#comment-12)."""
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    return page.url.rsplit("-", 1)[1]


def test_a_chinese_and_an_international_resident_read_each_other_in_their_language(
    live_server, browser_page, sign_in_as, assert_accessible, save_screenshot
):
    tag = uuid.uuid4().hex[:4]
    chinese_text = f"晚上能不能把**篮球场**临时改成停车场？{tag}"
    english_text = f"Good idea, but only after 9 pm when nobody *plays*. {tag}"

    # 王芳 writes in Chinese with the interface in Chinese: the language is guessed, she confirms.
    wang = browser_page(locale="zh-CN")
    sign_in_as(wang, "wang.fang@example.org")
    url = _parking_url(live_server, wang)
    wang.locator("#comments #body").fill(chinese_text)
    wang.locator("#comments").get_by_label("赞成").check()
    wang.get_by_role("button", name="继续").click()
    expect(wang.locator("#language")).to_have_value("zh-Hans")
    expect(wang.locator(".comment-preview strong")).to_have_text("篮球场")
    assert_accessible(wang, "confirming a comment's language (zh_Hans)")
    wang.get_by_role("button", name="发表评论").click()
    chinese_id = _comment_id(wang)
    expect(wang.locator(f"#comment-{chinese_id} > article .comment-body strong")).to_have_text(
        "篮球场"
    )
    expect(wang.locator(f"#comment-{chinese_id} > article .stance")).to_have_text("赞成")

    # Anna reads it with the interface in English, replies in English.
    anna = browser_page(locale="en-GB", width=375, height=800)
    sign_in_as(anna, "anna.smith@example.org")
    anna.goto(url)
    mine = anna.locator(f"#comment-{chinese_id} > article")
    expect(mine.locator(".translation-note")).to_contain_text("no translation into your language yet")  # fmt: skip
    mine.get_by_role("link", name="Reply").first.click()
    anna.locator("#body").fill(english_text)
    anna.get_by_role("button", name="Continue").click()
    expect(anna.locator("#language")).to_have_value("en")
    anna.get_by_role("button", name="Post the comment").click()
    english_id = _comment_id(anna)

    # The translator translates both at the desk, each into the other language.
    translator = browser_page(locale="en-GB")
    sign_in_as(translator, "translator@example.org")
    for comment_id, language, text in (
        (chinese_id, "en", f"Could the **basketball court** become a car park at night? {tag}"),
        (english_id, "zh", f"好主意，但要等到晚上九点以后没人*打球*的时候。{tag}"),
    ):
        translator.goto(f"{live_server.url}/desk/comment/{comment_id}/{language}")
        translator.locator("#field_body").fill(text)
        translator.get_by_role("button", name="Save the translation").click()
        expect(translator.get_by_text("Your translation is saved.")).to_be_visible()

    # Anna reads 王芳's comment in English, the original one click away.
    anna.goto(url)
    chinese = anna.locator(f"#comment-{chinese_id} > article")
    expect(chinese.locator(".comment-body strong")).to_have_text("basketball court")
    expect(chinese.locator(".translation-note")).to_contain_text(
        "Translated from Chinese by 李娜 Li Na"
    )
    expect(chinese.locator(".language-mark")).to_have_text("Written in Chinese (Simplified)")
    original = chinese.locator(".comment-original")
    expect(original.locator(".markdown")).to_be_hidden()
    original.get_by_text("Original (Chinese)").click()
    expect(original.locator(".markdown strong")).to_have_text("篮球场")
    reply = anna.locator(f"#comment-{english_id} > article")
    expect(reply.locator(".comment-body em")).to_have_text("plays")
    assert_accessible(anna, "a bilingual thread on a phone (en)")
    save_screenshot(anna, "comments-bilingual-en-phone")

    # 王芳 reads Anna's reply in Chinese, under her own comment.
    wang.goto(url)
    reply = wang.locator(f"#comment-{chinese_id} #comment-{english_id} > article")
    expect(reply.locator(".comment-body em")).to_have_text("打球")
    expect(reply.locator(".translation-note")).to_contain_text("译自英语")
    expect(reply.locator(".language-mark")).to_have_text("以英语撰写")
    assert_accessible(wang, "a bilingual thread (zh_Hans)")
    save_screenshot(wang, "comments-bilingual-zh_Hans")

    # A Traditional Chinese reader gets 王芳's words converted, and says so.
    chang = browser_page(locale="zh-TW")
    chang.goto(url)
    expect(chang.locator(f"#comment-{chinese_id} > article .comment-body strong")).to_have_text(
        "籃球場"
    )
    expect(chang.locator(f"#comment-{chinese_id} > article")).to_contain_text("自動轉換（OpenCC）")


PAYLOADS = [
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    "<svg onload=\"window.__xss = 'svg'\"></svg>",
    "[click me](javascript:window.__xss='link')",
    "<javascript:window.__xss='autolink'>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '"><iframe src="javascript:window.parent.__xss=\'iframe\'"></iframe>',
    '<a href="#" onclick="window.__xss=\'onclick\'">press</a>',
    "```\n</code></pre><script>window.__xss='fence'</script>\n```",
    "<style>body{background:url(javascript:window.__xss='css')}</style>",
]


def test_hostile_comments_never_run_a_script(live_server, browser_page, sign_in_as):
    anna = browser_page(locale="en-GB")
    dialogs = []
    anna.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in_as(anna, "anna.smith@example.org")
    url = _parking_url(live_server, anna)
    posted = []
    for payload in PAYLOADS:
        anna.goto(url)
        anna.locator("#comments #body").fill(payload + " alert(document.cookie)")
        anna.get_by_role("button", name="Continue").click()
        assert anna.evaluate("window.__xss") is None, payload  # the preview ran nothing
        anna.get_by_role("button", name="Post the comment").click()
        posted.append(_comment_id(anna))
    # Read as someone else, in the thread and in a translation by a hostile translator.
    translator = browser_page(locale="en-GB")
    sign_in_as(translator, "translator@example.org")
    translator.goto(f"{live_server.url}/desk/comment/{posted[0]}/zh")
    translator.locator("#field_body").fill(PAYLOADS[1] + PAYLOADS[3])
    translator.get_by_role("button", name="Save the translation").click()
    wang = browser_page(locale="zh-CN")
    wang.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in_as(wang, "wang.fang@example.org")
    for page in (anna, wang):
        page.goto(url)
        for comment_id in posted:
            expect(page.locator(f"#comment-{comment_id}")).to_be_visible()
        # Every link a comment holds is clicked: none may run anything.
        for link in page.locator(".comment-body a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith(("javascript", "data")), href
        page.locator(f"#comment-{posted[7]} .comment-body").click()
        assert page.evaluate("window.__xss") is None
        assert page.locator(".comment-body script, .comment-body iframe, .comment-body img, .comment-body svg, .comment-body style").count() == 0  # fmt: skip
    expect(anna.locator(f"#comment-{posted[0]} .comment-body")).to_contain_text("<script>")
    assert dialogs == []
