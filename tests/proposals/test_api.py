"""/api/v1/proposals: what a signed-out reader may see, filtered and keyset-paged, each
proposal with its original, translations, timeline and published answer."""

import re

import pytest

from consult.multilingual import services as translations
from consult.proposals import answers, categories, services


def _json(client, url, status=200, headers=None):
    response = client.get(url, headers=headers or {})
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return response.get_json()


@pytest.fixture
def published(db, people, write):
    parking = categories.create_category(people.committee, "Parking", "停车")
    lights = write(people.wang, title="路灯", body="太暗。", summary="")
    parking_proposal = write(people.wang, category_id=parking.id)
    row = translations.save_translation(
        people.translator, parking_proposal, "en",
        {"title": "Not enough parking", "summary": "No space.", "body": "Full."},
    )  # fmt: skip
    translations.verify_translation(people.second, parking_proposal, row)
    english = write(people.anna, title="Benches", language="en", body="More benches.")
    services.start_review(people.committee, english)
    answers.save_answer(people.committee, english, "adopted", "采纳。", "zh-Hans")
    translations.save_translation(people.translator, english.answer, "en", {"body": "Adopted."})
    answers.publish_answer(people.committee, english)
    write(people.anna, published=False, title="Secret draft", language="en", body="x")
    withdrawn = write(people.anna, title="Noise", language="en", body="Quiet.")
    services.withdraw_proposal(people.anna, withdrawn, "Solved already.")
    db.session.commit()
    return {"lights": lights, "parking": parking_proposal, "benches": english,
            "noise": withdrawn, "category": parking}  # fmt: skip


def test_the_list_shows_public_proposals_never_drafts(client, published):
    body = _json(client, "/api/v1/proposals")
    titles = {item["title"] for item in body["items"]}
    assert titles == {"路灯", "小区停车位不足怎么办", "Benches", "Noise"}
    assert body["next"] is None
    noise = next(item for item in body["items"] if item["title"] == "Noise")
    assert noise["state"] == "withdrawn"


def test_filters_by_state_category_and_language(client, published):
    def titles(query):
        return {item["title"] for item in _json(client, "/api/v1/proposals" + query)["items"]}

    assert titles("?state=answered") == {"Benches"}
    assert titles(f"?category={published['category'].id}") == {"小区停车位不足怎么办"}
    assert titles("?lang=zh") == {"路灯", "小区停车位不足怎么办"}
    assert titles("?lang=zh-Hans&state=open") == {"路灯", "小区停车位不足怎么办"}
    assert titles("?lang=en") == {"Benches", "Noise"}


def test_bad_filters_get_a_clear_error_in_the_readers_language(client, published):
    error = _json(client, "/api/v1/proposals?state=draft", status=400)["error"]
    assert error["code"] == "400" and "draft" in error["message"] and "open" in error["message"]
    error = _json(client, "/api/v1/proposals?category=x", status=400,
                  headers={"Accept-Language": "zh-CN"})["error"]  # fmt: skip
    assert error["message"] == "分类必须是数字。"
    _json(client, "/api/v1/proposals?lang=!!", status=400)


def test_a_proposal_with_its_translations_and_timeline(client, published):
    parking = _json(client, f"/api/v1/proposals/{published['parking'].id}")
    assert parking["title"] == "小区停车位不足怎么办" and parking["language"] == "zh-Hans"
    assert parking["body"].startswith("晚上七点以后")
    assert parking["category"]["names"]["zh-Hans"] == "停车"
    [english] = parking["translations"]
    assert english["language"] == "en" and english["method"] == "human"
    assert english["verified"] is True and english["outdated"] is False
    assert english["fields"]["title"] == "Not enough parking"
    assert [step["state"] for step in parking["timeline"]] == ["draft", "open"]
    assert parking["answer"] is None and parking["supports"] == 0
    assert parking["url"].endswith(f"/proposals/{published['parking'].id}")

    benches = _json(client, f"/api/v1/proposals/{published['benches'].id}")
    assert benches["state"] == "answered" and benches["outcome"] == "adopted"
    assert benches["answer"]["body"] == "采纳。" and benches["answer"]["language"] == "zh-Hans"
    assert benches["answer"]["translations"][0]["fields"]["body"] == "Adopted."


def test_an_edited_original_shows_its_translation_outdated(client, db, people, published):
    parking = published["parking"]
    services.update_proposal(
        people.wang, parking, title=parking.title, summary=parking.summary, body="新的正文。",
        language="zh-Hans", category_id=parking.category_id,
    )  # fmt: skip
    db.session.commit()
    body = _json(client, f"/api/v1/proposals/{parking.id}")
    assert body["revision"] == 2 and body["translations"][0]["outdated"] is True


def test_drafts_are_not_found_and_nothing_names_a_person(client, db, people, published):
    from sqlalchemy import select

    from consult.proposals.models import Proposal

    draft = db.session.scalars(select(Proposal).filter_by(title="Secret draft")).one()
    _json(client, f"/api/v1/proposals/{draft.id}", status=404)
    text = client.get("/api/v1/proposals").get_data(as_text=True)
    text += client.get(f"/api/v1/proposals/{published['parking'].id}").get_data(as_text=True)
    for private in ("王芳", "Anna Smith", "李娜", "@example.org"):
        assert private not in text


def test_pages_follow_next_links(client, published):
    seen, url = [], "/api/v1/proposals?per_page=1"
    while url:
        body = _json(client, url)
        seen += [item["id"] for item in body["items"]]
        url = body["next"] and re.sub(r"^https?://[^/]+", "", body["next"])
    assert len(seen) == 4 and seen == sorted(seen)
