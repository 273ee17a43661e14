"""Hand-checked counts for every method."""

from __future__ import annotations

import pytest

from consult.tally import METHODS, TallyError, count
from tests.tally.ballots import marked, ranked


def test_methods_listed():
    assert set(METHODS) == {
        "plurality",
        "approval",
        "block",
        "score",
        "borda",
        "schulze",
        "irv",
        "stv",
        "yes_no",
        "committee_majority",
    }


# -- one-round methods -------------------------------------------------------------------
def test_plurality_counts_invalid_and_abstain():
    out = marked("plurality", "AB", [(5, "A"), (3, "B"), (1, "AB"), (2, "")])
    r = out["rounds"][0]
    assert r["tally"] == {"A": "5", "B": "3"}
    assert r["inactive"] == {"invalid": "1", "abstain": "2"}
    assert out["winners"] == ["A"] and r["decisions"] == [["elected", "A"]]


def test_plurality_ties_follow_the_stated_rule():
    rows = [(2, "A"), (2, "B"), (1, "C")]
    open_tie = marked("plurality", "ABC", rows)
    assert open_tie["winners"] == []
    assert open_tie["rounds"][0]["decisions"] == [["tied", "A"], ["tied", "B"]]
    assert marked("plurality", "ABC", rows, tiebreak="candidate_order")["winners"] == ["A"]
    drawn = marked("plurality", "ABC", rows, tiebreak="random", seed=0)
    assert drawn["winners"] == ["B"]
    assert drawn["rounds"][0]["ties"][0]["draws"] == ["0.730967787376657"]


def test_approval_and_block():
    out = marked("approval", "ABC", [(3, "AB"), (2, "BC"), (1, "AA")], seats=2)
    assert out["rounds"][0]["tally"] == {"A": "3", "B": "5", "C": "2"}
    assert out["winners"] == ["B", "A"] and out["rounds"][0]["inactive"] == {"invalid": "1"}
    block = marked("block", "ABC", [(3, "AB"), (2, "C"), (1, "ABC")], seats=2)
    assert block["rounds"][0]["tally"] == {"A": "3", "B": "3", "C": "2"}
    assert block["rounds"][0]["inactive"] == {"invalid": "1"}
    assert block["winners"] == ["A", "B"]


def test_score():
    ballots = [{"scores": {"A": 5, "B": 3}, "count": 2}, {"scores": {"B": 5, "C": 4}}]
    out = count(
        {
            "method": "score",
            "candidates": ["A", "B", "C"],
            "options": {"max": 5},
            "ballots": ballots,
        }
    ).to_dict()
    assert out["rounds"][0]["tally"] == {"A": "10", "B": "11", "C": "4"}
    assert out["winners"] == ["B"]
    with pytest.raises(TallyError, match=r"^ballot 2: the score for 'A' is 6, outside 0..5$"):
        count(
            {
                "method": "score",
                "candidates": ["A"],
                "options": {"max": 5},
                "ballots": [{"scores": {"A": 1}}, {"scores": {"A": 6}}],
            }
        )


YES_NO = [(6, "yes"), (3, "no"), (2, "abstain"), (1, ["yes", "no"])]


@pytest.mark.parametrize(
    ("options", "decision", "threshold"),
    [
        ({}, "passed", "5"),
        ({"majority_of": "ballots"}, "rejected", "7"),
        ({"majority_of": "eligible", "eligible": 20}, "rejected", "11"),
        ({"quorum": 15}, "not_valid", "5"),
    ],
)
def test_yes_no(options, decision, threshold):
    ballots = [{"marks": [m] if isinstance(m, str) else m, "count": c} for c, m in YES_NO]
    out = count({"method": "yes_no", "options": options, "ballots": ballots}).to_dict()
    r = out["rounds"][0]
    assert r["tally"] == {"yes": "6", "no": "3", "abstain": "2"}
    assert r["inactive"] == {"invalid": "1"}
    assert r["decisions"] == [[decision, "yes"]] and r["threshold"] == threshold
    assert out["winners"] == {"passed": ["yes"], "rejected": ["no"], "not_valid": []}[decision]


def test_borda_shares_points_of_unranked_candidates():
    ballots = [
        {"ranking": ["A", "B", "C", "D"], "count": 3},
        {"ranking": ["B"], "count": 2},
        {"ranking": ["C", ["A", "D"]]},
    ]
    out = count({"method": "borda", "candidates": list("ABCD"), "ballots": ballots}).to_dict()
    r = out["rounds"][0]
    assert r["tally"] == {"A": "12.5", "B": "12", "C": "8", "D": "3.5"}
    assert out["winners"] == ["A"]
    assert "share the remaining points equally" in r["explanation"]["en"]


def test_schulze_wikipedia_example():
    rows = [
        (5, "ACBED"),
        (5, "ADECB"),
        (8, "BEDAC"),
        (3, "CABED"),
        (7, "CAEBD"),
        (2, "CBADE"),
        (7, "DCEBA"),
        (8, "EBADC"),
    ]
    out = ranked("schulze", "ABCDE", rows)
    assert out["winners"] == ["E"]
    assert out["ranking"] == [["E"], ["A"], ["C"], ["B"], ["D"]]
    assert out["pairwise"]["A"] == {"B": "20", "C": "26", "D": "30", "E": "22"}
    assert out["pairwise"]["E"] == {"A": "23", "B": "27", "C": "21", "D": "31"}
    assert out["strongest_paths"]["A"] == {"B": "28", "C": "28", "D": "30", "E": "24"}
    assert out["strongest_paths"]["E"] == {"A": "25", "B": "28", "C": "28", "D": "31"}
    assert out["strongest_paths"]["D"]["A"] == "25"
