"""A published ballot list gives each ballot a receipt code: it is accepted and ignored."""

from __future__ import annotations

import json
import re

import pytest

from consult.tally import METHODS, TallyError, count
from consult.tally.inputs import _fast_group_rankings, parse
from tests.tally.test_cli import run

RANKED = [["A", "B", "C"], ["B", "C"], ["C", "B"], ["A", "B", "C"], ["B"], ["A", "C"], ["C"]]
MARKS = [["A"], ["B"], ["A"], ["C"], ["A"], [], ["A", "B"]]
CASES = {
    "irv": ("ranking", RANKED, {}),
    "stv": ("ranking", RANKED * 2, {}),
    "borda": ("ranking", RANKED, {}),
    "schulze": ("ranking", RANKED, {}),
    "plurality": ("marks", MARKS, {}),
    "approval": ("marks", MARKS, {}),
    "block": ("marks", MARKS, {}),
    "score": ("scores", [{"A": 3, "B": 1}, {"B": 5}, {"A": 3, "B": 1}, {"C": 2}], {"max": 5}),
    "yes_no": ("marks", [["yes"], ["no"], ["yes"], ["abstain"], ["yes", "no"]], {}),
    "committee_majority": (
        "marks",
        MARKS + [["A"], ["A"]],
        {"registered_voters": 12, "voters_signed": 9},
    ),
}


def receipt(i: int) -> str:
    return f"R{(i * 7919) % 10007:05d}"  # distinct codes, not in ballot order


def election(method: str, receipts: bool) -> dict:
    field, rows, options = CASES[method]
    ballots = [{field: row} for row in rows]
    if receipts:
        ballots = [b | {"receipt": receipt(i)} for i, b in enumerate(ballots)]
        ballots.sort(key=lambda b: b["receipt"])  # as the published list is
    out = {"method": method, "seats": 2 if method in ("stv", "committee_majority") else 1}
    out |= {"options": options, "ballots": ballots}
    if method != "yes_no":
        out["candidates"] = ["A", "B", "C"]
    return out


def test_every_method_has_a_case():
    assert set(CASES) == set(METHODS)


@pytest.mark.parametrize("method", METHODS)
def test_receipts_count_exactly_like_the_same_ballots_without(method):
    plain, receipted = election(method, False), election(method, True)
    assert len(parse(receipted).ballots) == len(parse(plain).ballots)  # the same groups
    assert count(receipted).to_dict() == count(plain).to_dict()


def test_receipts_beside_counts_and_on_every_marked_field():
    ballots = [
        {"ranking": ["A", "B"], "count": 3, "receipt": "x1"},
        {"ranking": ["A", "B"], "receipt": "x2"},
        {"ranking": ["B"], "count": 2},
    ]
    data = {"method": "irv", "candidates": ["A", "B"], "ballots": ballots}
    assert [(b.ranking, b.count) for b in parse(data).ballots] == [(("A", "B"), 4), (("B",), 2)]
    marked = [
        {"marks": ["A"], "against": ["B"], "write_ins": ["Wang Fang"], "receipt": "k1"},
        {"marks": ["A"], "against": ["B"], "write_ins": ["Wang Fang"], "receipt": "k2"},
        {"invalid": True, "receipt": "k3"},
    ]
    data = {"method": "committee_majority", "candidates": ["A", "B"], "ballots": marked}
    assert [b.count for b in parse(data).ballots] == [2, 1]


def test_receipts_keep_the_fast_grouping_of_plain_ranked_ballots():
    raw = [{"ranking": ["A", "B"], "receipt": "r1"}, {"ranking": ["A", "B"]}, {"ranking": ["B"]}]
    assert _fast_group_rankings(raw) == {("A", "B"): [2, 0], ("B",): [1, 0]}
    assert _fast_group_rankings(raw + [{"ranking": ["B"], "count": 2}]) is None  # general path


@pytest.mark.parametrize("method", ["irv", "plurality", "score"])
def test_a_receipt_that_is_not_a_string_is_named(method):
    data = election(method, True)
    data["ballots"][2]["receipt"] = 17
    with pytest.raises(TallyError, match=re.escape("ballot 3: 'receipt' must be a string")):
        count(data)


def test_the_cli_reads_a_published_ballot_list(tmp_path):
    """The canonical export: UTF-8, keys sorted, no extra whitespace, sorted by receipt."""
    path = tmp_path / "export.json"
    text = json.dumps(election("irv", True), sort_keys=True, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    done = run(str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == count(election("irv", False)).to_dict()
