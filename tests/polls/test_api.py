"""Polls in the open-data API: the list, one poll with its results, the ballot list."""

import hashlib

from tests.polls.conftest import cast, close_now, open_poll, option_id


def test_list_and_one_poll_before_and_after_publication(town, client):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    listed = client.get("/api/v1/polls").get_json()
    assert [item["id"] for item in listed["items"]] == [poll.id] and listed["next"] is None
    item = listed["items"][0]
    assert item["question"] == {"zh": "选哪个？", "en": "Which one?"}
    assert [o["name"] for o in item["options"]] == ["花园", "图书馆", "健身房"]
    assert item["state"] == "open" and item["results"] is None
    assert item["electorate"] == 7 and item["url"].endswith(f"/polls/{poll.id}")

    close_now(town, poll)
    one = client.get(f"/api/v1/polls/{poll.id}").get_json()
    assert one["state"] == "published"
    assert one["results"]["winners"] == ["健身房"]
    assert one["results"]["count"]["rounds"][0]["tally"]["健身房"] == "1"
    ballots = client.get(f"/api/v1/polls/{poll.id}/ballots")
    assert ballots.status_code == 200 and ballots.mimetype == "application/json"
    assert hashlib.sha256(ballots.data).hexdigest() == one["results"]["sha256"]
    assert ballots.headers["Access-Control-Allow-Origin"] == "*"


def test_nothing_in_the_api_says_who_voted(town, client):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    close_now(town, poll)
    text = "".join(
        client.get(url).get_data(as_text=True)
        for url in ("/api/v1/polls", f"/api/v1/polls/{poll.id}", f"/api/v1/polls/{poll.id}/ballots")
    )
    for private in ("Anna", "Smith", "@example.org", "resident_id", "household_slot"):
        assert private not in text


def test_errors_are_json(town, client):
    assert client.get("/api/v1/polls/2147483647").status_code == 404
    response = client.get("/api/v1/polls/2147483647/ballots", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "404"
