"""The board, a notice, the archive and the print page as readers see them; the committee's
writing and publishing through the forms."""

import re
from datetime import timedelta

from consult.notices import services
from tests.conftest import sign_in
from tests.notices.conftest import page_text


def _titles(response):
    return re.findall(r'class="notice-item-title"><a [^>]*>([^<]+)</a>', page_text(response))


def test_board_pinned_first_then_newest_signed_out_in_english(client, db, people, write, frozen):
    write(title="旧通知")
    frozen(hours=1)
    write(title="置顶通知", pinned=True)
    frozen(hours=1)
    write(title="新通知")
    draft = write(title="草稿", publish=False)
    write(title="未来", publish_at=frozen() + timedelta(days=1))
    response = client.get("/notices", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 200
    assert _titles(response) == ["置顶通知", "新通知", "旧通知"]
    # Signed out in English, every title is the translation.
    assert _titles(client.get("/notices", headers={"Accept-Language": "en"})) == ["Water cut"] * 3
    assert client.get(f"/notices/{draft.id}").status_code in (302, 401, 403)


def test_board_in_chinese_and_traditional(client, db, people, write):
    write()
    assert "停水通知" in page_text(client.get("/notices", headers={"Accept-Language": "zh-CN"}))
    traditional = page_text(client.get("/notices", headers={"Accept-Language": "zh-TW"}))
    assert "停水通知" in traditional and "Water cut" not in traditional


def test_filters_by_category_and_place(client, db, people, write, category):
    events = services.create_category(people.committee, "Events", "活动", slug="events")
    db.session.commit()
    lift = write(title="电梯检修", scope="building", building_id=people.buildings["2"].id, translated=False,
          publish=False)  # fmt: skip
    party = write(title="春节联欢", category_id=events.id, translated=False, publish=False)
    for notice in (lift, party):
        services.ask_translation(people.committee, notice, "en")
        services.publish_notice(people.committee, notice, mark_missing=True)
    db.session.commit()
    zh = {"Accept-Language": "zh-CN"}
    assert _titles(client.get("/notices?category=events", headers=zh)) == ["春节联欢"]
    grid_one = people.grids["第一网格"].id
    # A place's notices: the whole community's and its own, not another building's.
    assert _titles(client.get(f"/notices?scope=grid:{grid_one}", headers=zh)) == ["春节联欢"]
    building_two = people.buildings["2"].id
    assert sorted(_titles(client.get(f"/notices?scope=building:{building_two}", headers=zh))) == sorted(["电梯检修", "春节联欢"])  # fmt: skip
    assert client.get("/notices?category=nope&scope=grid:abc").status_code == 200


def test_translation_coming_is_marked_for_english_readers(client, db, people, write):
    notice = write(translated=False, publish=False)
    services.ask_translation(people.committee, notice, "en")
    services.publish_notice(people.committee, notice, mark_missing=True)
    db.session.commit()
    text = page_text(client.get(f"/notices/{notice.id}", headers={"Accept-Language": "en"}))
    assert "Translation coming" in text and "停水通知" in text
    zh = page_text(client.get(f"/notices/{notice.id}", headers={"Accept-Language": "zh-CN"}))
    assert "Translation coming" not in zh


def test_archive_lists_what_came_down(client, db, people, write, frozen):
    notice = write(title="旧闻")
    services.archive_notice(people.committee, notice)
    db.session.commit()
    frozen(minutes=1)
    assert _titles(client.get("/notices", headers={"Accept-Language": "zh-CN"})) == []
    archive = client.get("/notices/archive", headers={"Accept-Language": "zh-CN"})
    assert _titles(archive) == ["旧闻"]
    assert client.get(f"/notices/{notice.id}").status_code == 200


def test_print_page_has_every_content_language_and_a_qr_code(client, db, people, write):
    notice = write()
    response = client.get(f"/notices/{notice.id}/print", headers={"Accept-Language": "en"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "停水通知" in html and "Water cut" in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert f"http://consult.test/notices/{notice.id}" in html
    assert "扫码在线阅读" in html or "扫描" in html  # the Chinese column's own words


def test_committee_writes_and_publishes_through_the_forms(client, db, people, category):
    sign_in(client, people.committee)
    response = client.post("/notices/new", data={
        "title": "Lift repair", "body": "The lift is repaired on **Monday**.", "language": "en",
        "category": str(category.id), "scope": "community", "expires_at": "",
    })  # fmt: skip
    assert response.status_code == 302
    notice_id = int(response.headers["Location"].split("/")[2])
    page = client.post(f"/notices/{notice_id}/publish", data={"publish_at": ""})
    assert page.status_code == 422  # Chinese is missing
    client.post(f"/notices/{notice_id}/ask/zh-Hans")
    done = client.post(
        f"/notices/{notice_id}/publish", data={"publish_at": "", "mark_missing": "y"}
    )
    assert done.status_code == 302
    assert "Lift repair" in page_text(client.get("/notices"))


def test_bad_form_input_keeps_what_was_typed(client, db, people, category):
    sign_in(client, people.committee)
    response = client.post("/notices/new", data={
        "title": "Kept title", "body": "", "language": "en", "category": str(category.id),
        "scope": "grid", "grid": "", "expires_at": "not a time",
    })  # fmt: skip
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Kept title" in html


def test_subscriptions_page_suggests_then_saves(client, db, people, category):
    sign_in(client, people.anna)
    html = client.get("/notices/subscriptions").get_data(as_text=True)
    assert 'value="community" checked' in html or "checked" in html
    response = client.post("/notices/subscriptions", data={
        "categories": [str(category.id)], "scopes": ["community"]})  # fmt: skip
    assert response.status_code == 302
    assert services.subscriptions_of(people.anna) == {
        "categories": {category.id}, "scopes": {"community"}}  # fmt: skip


def test_a_translator_finds_the_notice_on_the_desk_and_the_board_follows(client, db, people, write):
    notice = write(translated=False, publish=False)
    services.ask_translation(people.committee, notice, "en")
    services.publish_notice(people.committee, notice, mark_missing=True)
    db.session.commit()
    sign_in(client, people.translator)
    assert "停水通知" in page_text(client.get("/desk?language=en"))
    response = client.post(
        f"/desk/notice/{notice.id}/en",
        data={"field_title": "Water cut", "field_body": "No water on Thursday."},
    )
    assert response.status_code == 302
    client.post("/account/sign-out")
    text = page_text(client.get(f"/notices/{notice.id}", headers={"Accept-Language": "en"}))
    assert "Water cut" in text and "Translation coming" not in text
    assert dict(services.languages_status(notice))["en"] == "written"
