"""GET /api/v1/proposals/<id>/comments: the visible thread, no person named."""

from consult.comments import moderation, services
from consult.multilingual import services as translations


def test_the_thread_in_the_api(client, db, people, proposal, say):
    first = say(people.wang, proposal, "停车**太难**。", "zh-Hans", stance="for")
    reply = say(people.anna, proposal, "Agreed.", parent=first)
    row = translations.save_translation(people.translator, first, "en", {"body": "Parking is **too hard**."})  # fmt: skip
    translations.verify_translation(people.second, first, row)
    gone = say(people.anna, proposal, "Call me on 13800000000")
    services.delete_comment(people.anna, gone)
    rude = say(people.anna, proposal, "Rude")
    moderation.hide_comment(people.committee, rude, "offensive", "Be kind.")
    db.session.commit()
    response = client.get(f"/api/v1/proposals/{proposal.id}/comments")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert body["next"] is None
    items = {item["id"]: item for item in body["items"]}
    assert list(items) == [first.id, reply.id, gone.id, rude.id]
    one = items[first.id]
    assert one["parent"] is None and one["language"] == "zh-Hans" and one["stance"] == "for"
    assert one["text"] == "停车**太难**。" and one["status"] == "visible"
    assert one["created_at"].endswith("+00:00")
    [english] = one["translations"]
    assert english == {"language": "en", "method": "human", "from_machine_draft": False,
                       "verified": True, "outdated": False, "revision": 1,
                       "text": "Parking is **too hard**."}  # fmt: skip
    assert items[reply.id]["parent"] == first.id and items[reply.id]["depth"] == 1
    assert items[gone.id]["status"] == "deleted" and items[gone.id]["text"] is None
    assert items[rude.id]["status"] == "hidden" and items[rude.id]["text"] is None
    # No person is named, and nothing hidden or deleted leaks.
    raw = response.get_data(as_text=True)
    for secret in ("王芳", "Anna", "wang.fang", "13800000000", "Rude", "Be kind", "author"):
        assert secret not in raw
    # Edited after its translation: the translation says it is outdated.
    services.edit_comment(people.wang, first, "停车真的太难。", "zh-Hans")
    db.session.commit()
    again = client.get(f"/api/v1/proposals/{proposal.id}/comments").get_json()
    assert again["items"][0]["translations"][0]["outdated"] is True
    assert again["items"][0]["text"] == "停车真的太难。"


def test_long_threads_come_in_pages(client, db, people, proposal, say):
    made = [say(people.anna, proposal, f"Comment {n}") for n in range(5)]
    page = client.get(f"/api/v1/proposals/{proposal.id}/comments?per_page=2").get_json()
    assert [item["id"] for item in page["items"]] == [made[0].id, made[1].id]
    assert page["next"].startswith("http://consult.test/api/v1/proposals/")
    seen = [item["id"] for item in page["items"]]
    while page["next"]:
        page = client.get(page["next"].removeprefix("http://consult.test")).get_json()
        seen += [item["id"] for item in page["items"]]
    assert seen == [comment.id for comment in made]
    assert client.get(f"/api/v1/proposals/{proposal.id}/comments?after=abc").status_code == 404


def test_unknown_and_private_proposals_are_not_found(client, db, people, write):
    draft = write(people.wang, published=False)
    for path in (f"/api/v1/proposals/{draft.id}/comments", "/api/v1/proposals/99999/comments"):
        response = client.get(path, headers={"Accept-Language": "zh-CN"})
        assert response.status_code == 404
        assert response.get_json()["error"]["code"] == "404"


def test_the_path_is_in_the_openapi_document(client, db):
    spec = client.get("/api/v1/openapi.json").get_json()
    path = spec["paths"]["/proposals/{target_id}/comments"]["get"]
    schema = spec["components"]["schemas"]["Comment"]
    assert "author" not in schema["properties"]
    assert path["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["items"]["items"] == {"$ref": "#/components/schemas/Comment"}  # fmt: skip
