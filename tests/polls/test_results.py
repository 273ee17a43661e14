"""Results: hidden while open unless live, published with a chart, rounds, turnout (small
groups hidden) and the explanation in the reader's language; the ballot list export
recounts to exactly the published result and its SHA-256 is the one in the audit trail."""

import hashlib
import json
import subprocess
import sys

from sqlalchemy import select

from consult.core.audit import AuditEntry
from consult.core.queue import run_pending
from consult.polls import paper, results
from consult.polls.models import PollResult
from consult.residents import importer
from consult.residents.models import Resident
from tests.conftest import PROJECT_ROOT
from tests.polls.conftest import account, cast, close_now, open_poll, option_id
from tests.residents.conftest import make_csv


def ranked(poll, *names):
    return {"ranks": {str(option_id(poll, n)): str(i) for i, n in enumerate(names, 1)}}


def irv_poll(town):
    poll = open_poll(town, method="irv")
    for name, order in [
        ("Anna Smith", ("Library", "Garden")), ("王芳", ("Garden",)), ("陈磊", ("Garden", "Gym")),
        ("Tom Smith", ("Gym", "Library")), ("Марина Иванова", ("Library",)),
    ]:  # fmt: skip
        cast(town, name, poll, **ranked(poll, *order))
    return poll


def test_results_are_hidden_while_the_poll_is_open(town, client, client_as):
    poll = irv_poll(town)
    page = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "Results, counts and the ballot list are published when the poll closes." in page
    assert "ballots counted" not in page and "<svg" not in page
    for path in ("ballots", "ballots.json", "ballots.csv"):
        assert client.get(f"/polls/{poll.id}/{path}").status_code == 404
    api = client.get(f"/api/v1/polls/{poll.id}").get_json()
    assert api["state"] == "open" and api["results"] is None
    assert client.get(f"/api/v1/polls/{poll.id}/ballots").status_code == 404
    committee = client_as(town.committee).get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "ballots counted" not in committee  # the committee does not see them either


def test_live_results_show_the_count_so_far(town, client):
    poll = open_poll(town, results_shown="live")
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    page = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "Results so far (live)" in page and "1 ballots counted." in page
    assert client.get(f"/polls/{poll.id}/ballots").status_code == 404  # the list only after


def test_published_results_with_rounds_chart_turnout_and_hash(town, client):
    poll = close_now(town, irv_poll(town))
    html = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "Winner:" in html and "Library" in html
    assert "Round 1" in html and "Round 2" in html and "eliminated" in html
    assert "<svg" in html and 'role="img"' in html and '<title id="chart-title">' in html
    assert '<desc id="chart-desc">' in html
    assert "5 of 7 voted (71.4%)." in html
    stored = town.db.session.get(PollResult, poll.id)
    assert stored.sha256 in html


def test_the_explanation_is_in_the_readers_language(town, client_as):
    poll = close_now(town, irv_poll(town))
    english = client_as(account(town, "Anna Smith"), locale="en").get(f"/polls/{poll.id}")
    chinese = client_as(account(town, "王芳"), locale="zh_Hans").get(f"/polls/{poll.id}")
    traditional = client_as(account(town, "Tom Smith"), locale="zh_Hant").get(f"/polls/{poll.id}")
    assert "Gym is eliminated" in english.get_data(as_text=True)
    assert "健身房 得票最少" in chinese.get_data(as_text=True)
    assert "健身房 得票最少" in traditional.get_data(as_text=True)  # 健身房 is the same in both
    assert "圖書館" in traditional.get_data(as_text=True)  # converted option text


def test_the_ballot_list_recounts_to_the_published_result(town, client, tmp_path):
    poll = close_now(town, irv_poll(town))
    response = client.get(f"/polls/{poll.id}/ballots.json")
    body = response.data
    # Canonical: UTF-8, keys sorted, no extra whitespace, ballots sorted by receipt code.
    data = json.loads(body.decode("utf-8"))
    again = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert again.encode("utf-8") == body
    receipts = [ballot["receipt"] for ballot in data["ballots"]]
    assert receipts == sorted(receipts) and len(receipts) == 5
    assert all(set(b) <= {"ranking", "receipt"} for b in data["ballots"])
    assert client.get(f"/api/v1/polls/{poll.id}/ballots").data == body

    digest = hashlib.sha256(body).hexdigest()
    stored = town.db.session.get(PollResult, poll.id)
    assert digest == stored.sha256 == response.headers["X-Content-SHA256"]
    audited = [
        json.loads(e.details)["data"]["sha256"]
        for e in town.db.session.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(("poll.closed", "poll.published")))
        )
    ]
    assert audited == [digest, digest]

    path = tmp_path / "export.json"
    path.write_bytes(body)
    recount = subprocess.run(
        [sys.executable, "-m", "consult.tally", str(path)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, check=True,
    )  # fmt: skip
    assert json.loads(recount.stdout) == stored.result


def test_the_ballot_list_page_finds_a_receipt(town, client):
    poll = irv_poll(town)
    receipt = cast(town, "Lea Berg", poll, **ranked(poll, "Gym"))
    poll = close_now(town, poll)
    page = client.get(f"/polls/{poll.id}/ballots?receipt={receipt.lower().replace('-', ' ')}")
    html = page.get_data(as_text=True)
    assert f"Found: the ballot with receipt code {receipt}" in html
    missing = client.get(f"/polls/{poll.id}/ballots?receipt=0000-0000-0000")
    assert "No ballot in this list has that receipt code." in missing.get_data(as_text=True)


def test_the_csv_opens_in_excel(town, client):
    poll = close_now(town, irv_poll(town))
    body = client.get(f"/polls/{poll.id}/ballots.csv").data.decode("utf-8")
    assert body.startswith("\ufeffreceipt,花园,图书馆,健身房\r\n")
    assert len(body.strip().splitlines()) == 6


def test_small_groups_are_hidden_in_turnout(town, db, client):
    """Grid A: 6 voters, grid B: 2, grid C: 8 (on paper); the demo grids: none."""
    rows = []
    for grid, size in (("A", 6), ("B", 2), ("C", 8)):
        for n in range(size):
            rows.append({"household_code": f"{grid}{n}", "building": f"Block {grid}",
                         "grid": f"Grid {grid}", "full_name": f"Voter {grid}{n}",
                         "birth_date": "1990-01-01"})  # fmt: skip
    checked, _ = importer.import_register(make_csv(rows))
    assert checked.ok
    db.session.commit()
    poll = open_poll(town, base="register")
    names = [r["full_name"] for r in rows]
    ids = db.session.scalars(select(Resident.id).where(Resident.full_name.in_(names))).all()
    paper.tick_paper_voters(town.committee, poll, ids)
    db.session.commit()
    by_name = {row.name: row.voters for row in results.turnout(poll).grids}
    assert by_name == {"Grid A": 6, "Grid B": None, "Grid C": 8, "Grid One": None, "Grid Two": None}
    poll = close_now(town, poll)
    paper.request_publication(town.committee, poll)
    db.session.commit()
    run_pending()
    html = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    # by grid: B, One, Two; by building: Block B, B1, B2, B3
    assert html.count("hidden: fewer than 5 voters here") == 3 + 4
    assert "16 of 24 voted" in html


def test_one_hidden_group_hides_the_next_smallest_too():
    rows = [
        results.TurnoutRow("A", 6, 10),
        results.TurnoutRow("B", 2, 10),
        results.TurnoutRow("C", 8, 10),
    ]
    assert [row.voters for row in results.suppress_small(rows)] == [None, None, 8]
    rows = [results.TurnoutRow("A", 5, 10), results.TurnoutRow("C", 8, 10)]
    assert [row.voters for row in results.suppress_small(rows)] == [5, 8]


def test_the_ballot_list_is_canonical_for_every_kind_of_ballot(town):
    from consult.polls.closing import ballot_list_text

    for method, settings, choices in [
        ("score", {"score_max": 5}, lambda p: {"scores": {str(option_id(p, "Gym")): "3"}}),
        ("approval", {}, lambda p: {"marks": [str(option_id(p, "Gym"))]}),
        ("yes_no", {}, lambda p: {"choice": str(option_id(p, "no"))}),
    ]:
        poll = open_poll(town, method=method, **settings)
        cast(town, "Anna Smith", poll, **choices(poll))
        cast(town, "Tom Smith", poll)  # a blank ballot
        text = ballot_list_text(poll)
        again = json.dumps(
            json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        assert again == text, method
