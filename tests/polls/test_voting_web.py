"""Every counting method through the web form: fill in, review, cast, receipt, counted."""

import json
import re

import pytest
from sqlalchemy import select

from consult.polls.models import PollBallot, PollResult
from tests.polls.conftest import account, cast, close_now, open_poll, option_id

RECEIPT = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def ranks(poll, *names):
    return {f"rank_{option_id(poll, name)}": str(rank) for rank, name in enumerate(names, 1)}


# method, poll settings, the form as Anna fills it, her ballot as stored, what others cast,
# the winners once counted
CASES = [
    ("plurality", {}, lambda p: {"choice": option_id(p, "Library")}, {"marks": ["图书馆"]},
     [{"choice": "Garden"}, {"choice": "Library"}], ["图书馆"]),
    ("approval", {"max_marks": 2}, lambda p: {"marks": [option_id(p, "Garden"), option_id(p, "Gym")]},
     {"marks": ["花园", "健身房"]}, [{"marks": ["Gym"]}], ["健身房"]),
    ("block", {"seats": 2}, lambda p: {"marks": [option_id(p, "Library"), option_id(p, "Gym")]},
     {"marks": ["图书馆", "健身房"]}, [{"marks": ["Library", "Garden"]}, {"marks": ["Gym"]}],
     ["图书馆", "健身房"]),
    ("yes_no", {}, lambda p: {"choice": option_id(p, "yes")}, {"marks": ["yes"]},
     [{"choice": "yes"}], ["yes"]),
    ("irv", {}, lambda p: ranks(p, "Library", "Garden"), {"ranking": ["图书馆", "花园"]},
     [{"ranks": ["Garden"]}, {"ranks": ["Garden"]}, {"ranks": ["Gym", "Library"]},
      {"ranks": ["Library"]}], ["图书馆"]),
    ("stv", {"seats": 2}, lambda p: ranks(p, "Gym", "Garden", "Library"),
     {"ranking": ["健身房", "花园", "图书馆"]}, [{"ranks": ["Garden"]}, {"ranks": ["Gym"]}],
     ["健身房", "花园"]),
    ("schulze", {}, lambda p: ranks(p, "Garden", "Gym"), {"ranking": ["花园", "健身房"]},
     [{"ranks": ["Garden", "Library"]}], ["花园"]),
    ("borda", {}, lambda p: ranks(p, "Gym", "Library", "Garden"),
     {"ranking": ["健身房", "图书馆", "花园"]}, [{"ranks": ["Gym"]}], ["健身房"]),
    ("score", {"score_max": 5}, lambda p: {f"score_{option_id(p, 'Garden')}": "5",
                                           f"score_{option_id(p, 'Gym')}": "2"},
     {"scores": {"花园": 5, "健身房": 2}}, [{"scores": {"Library": "4"}}], ["花园"]),
]  # fmt: skip


def _service_choices(poll, given):
    """What another voter casts, written with option names."""
    if "choice" in given:
        return {"choice": str(option_id(poll, given["choice"]))}
    if "marks" in given:
        return {"marks": [str(option_id(poll, name)) for name in given["marks"]]}
    if "ranks" in given:
        return {"ranks": {str(option_id(poll, n)): str(i) for i, n in enumerate(given["ranks"], 1)}}
    return {"scores": {str(option_id(poll, n)): s for n, s in given["scores"].items()}}


@pytest.mark.parametrize(
    "method, settings, form, stored, others, winners", CASES, ids=[c[0] for c in CASES]
)
def test_every_method_through_the_web_form(
    town, client_as, method, settings, form, stored, others, winners
):
    poll = open_poll(town, method=method, **settings)
    client = client_as(account(town, "Anna Smith"))
    page = client.get(f"/polls/{poll.id}/vote")
    assert page.status_code == 200
    assert "Review my ballot" in page.get_data(as_text=True)

    data = form(poll)
    review = client.post(f"/polls/{poll.id}/vote", data={**data, "step": "review"})
    assert review.status_code == 200
    assert "You are about to cast:" in review.get_data(as_text=True)

    response = client.post(f"/polls/{poll.id}/cast", data=data)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    receipt = RECEIPT.search(text).group(0)
    assert response.headers["Cache-Control"] == "no-store"

    ballot = town.db.session.scalars(
        select(PollBallot).where(PollBallot.poll_id == poll.id, PollBallot.receipt == receipt)
    ).one()
    assert json.loads(ballot.choices) == stored

    for name, given in zip(("王芳", "陈磊", "Tom Smith", "Марина Иванова"), others, strict=False):
        cast(town, name, poll, **_service_choices(poll, given))
    poll = close_now(town, poll)
    result = town.db.session.get(PollResult, poll.id)
    assert result.result["winners"] == winners
    listed = {b["receipt"]: b for b in json.loads(result.ballot_list)["ballots"]}
    assert {k: v for k, v in listed[receipt].items() if k != "receipt"} == stored


def test_the_review_page_can_go_back_with_the_choices_kept(town, client_as):
    poll = open_poll(town, method="irv")
    client = client_as(account(town, "Anna Smith"))
    data = ranks(poll, "Gym", "Garden")
    review = client.post(f"/polls/{poll.id}/vote", data={**data, "step": "review"})
    page = review.get_data(as_text=True)
    assert page.index("Gym") < page.index("Garden")  # listed in the order ranked
    back = client.post(f"/polls/{poll.id}/vote", data={**data, "step": "edit"})
    html = back.get_data(as_text=True)
    gym = option_id(poll, "Gym")
    assert re.search(rf'id="rank_{gym}"[^>]*>.*?<option selected value="1">', html, re.S)
    assert town.db.session.scalars(select(PollBallot)).first() is None  # nothing cast yet


def test_a_ranked_ballot_with_gaps_is_closed_up(town, client_as):
    poll = open_poll(town, method="irv")
    client = client_as(account(town, "Anna Smith"))
    data = {f"rank_{option_id(poll, 'Gym')}": "3", f"rank_{option_id(poll, 'Garden')}": "1"}
    response = client.post(f"/polls/{poll.id}/cast", data=data)
    assert response.status_code == 200
    stored = town.db.session.scalars(select(PollBallot.choices)).one()
    assert json.loads(stored) == {"ranking": ["花园", "健身房"]}


def test_a_blank_ballot_is_cast_when_nothing_is_chosen(town, client_as):
    poll = open_poll(town, method="plurality")
    client = client_as(account(town, "Anna Smith"))
    review = client.post(f"/polls/{poll.id}/vote", data={"step": "review"})
    assert "A blank ballot: you chose nothing." in review.get_data(as_text=True)
    assert client.post(f"/polls/{poll.id}/cast", data={}).status_code == 200
    assert json.loads(town.db.session.scalars(select(PollBallot.choices)).one()) == {"marks": []}


def test_the_receipt_code_is_shown_once(town, client_as):
    poll = open_poll(town, method="plurality")
    client = client_as(account(town, "Anna Smith"))
    data = {"choice": option_id(poll, "Gym")}
    first = client.post(f"/polls/{poll.id}/cast", data=data).get_data(as_text=True)
    receipt = RECEIPT.search(first).group(0)
    again = client.post(f"/polls/{poll.id}/cast", data=data)  # the page reloaded
    assert again.status_code == 422 and receipt not in again.get_data(as_text=True)
    assert town.db.session.scalars(select(PollBallot.receipt)).one() == receipt
