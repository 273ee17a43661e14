"""committee_majority: turnout, majority, second round and the one-third floor.

Every election here is counted twice, from its ballots and from their totals (the paper count),
and the two results must agree (tests/tally/totals.py).
"""

from __future__ import annotations

import pytest

from consult.tally import TallyError
from tests.tally.totals import count_both_ways


def committee(rows, seats, registered, candidates="ABCDE", **options):
    ballots = []
    for c, m in rows:
        ballots.append(dict(m, count=c) if isinstance(m, dict) else {"marks": list(m), "count": c})
    return count_both_ways(
        {
            "method": "committee_majority",
            "seats": seats,
            "candidates": list(candidates),
            "options": dict(options, registered_voters=registered),
            "ballots": ballots,
        }
    )


FIRST = [(20, "ABC"), (15, "ABD"), (10, "AE"), (5, "BCDE"), (5, "CD"), (5, "")]


def test_committee_turnout_must_exceed_half():
    out = committee([(50, "A")], 1, 100)
    assert out["winners"] == [] and out["summary"]["status"] == "not_valid"
    assert out["rounds"][0]["decisions"] == [["not_valid", "turnout"]]
    assert "选举无效" in out["rounds"][0]["explanation"]["zh_Hans"]


def test_committee_first_round_and_second_round_list():
    out = committee(FIRST, 3, 100)
    r = out["rounds"][0]
    assert r["threshold"] == "31"
    assert r["tally"] == {"A": "45", "B": "35", "C": "25", "D": "20", "E": "10"}
    assert r["inactive"] == {"invalid": "5", "abstain": "5"}
    assert out["winners"] == ["A", "B"]
    assert out["second_round_candidates"] == ["C", "D"]
    assert out["summary"] == {"status": "second_round_needed", "seats_unfilled": "1"}
    assert "另行选举" in r["explanation"]["zh_Hans"] and "另行選舉" in r["explanation"]["zh_Hant"]


def test_committee_second_round_most_votes_with_one_third():
    second = {
        "ballots": [
            {"marks": ["C"], "count": 30},
            {"marks": ["D"], "count": 20},
            {"marks": ["C", "D"], "count": 5},
            {"marks": [], "count": 3},
        ]
    }
    out = committee(FIRST, 3, 100, second_round=second)
    r2 = out["rounds"][1]
    assert (r2["threshold"], r2["tally"]) == ("20", {"C": "30", "D": "20"})
    assert r2["inactive"] == {"invalid": "5", "abstain": "3"}
    assert out["winners"] == ["A", "B", "C"] and out["summary"]["status"] == "complete"


def test_committee_second_round_one_third_floor():
    second = {
        "ballots": [
            {"marks": ["C"], "count": 15},
            {"marks": ["D"], "count": 14},
            {"marks": [], "count": 25},
            {"invalid": True, "count": 4},
        ]
    }
    out = committee(FIRST, 3, 100, second_round=second)
    r2 = out["rounds"][1]
    assert r2["threshold"] == "20"
    assert r2["decisions"] == [["not_elected", "C"]]
    assert out["winners"] == ["A", "B"]
    assert out["summary"] == {"status": "seats_unfilled", "seats_unfilled": "1"}
    assert "三分之一" in r2["explanation"]["zh_Hans"]


def test_committee_tie_for_a_seat_goes_to_a_new_vote():
    rows = [(30, "AB"), (30, "AC"), (30, "BC"), (10, "A")]
    out = committee(rows, 2, 150, candidates="ABC")
    assert out["rounds"][0]["tally"] == {"A": "70", "B": "60", "C": "60"}
    assert out["winners"] == ["A"]
    assert out["rounds"][0]["decisions"] == [
        ["elected", "A"],
        ["tied", "B"],
        ["tied", "C"],
        ["second_round", "B"],
        ["second_round", "C"],
    ]
    assert out["second_round_candidates"] == ["B", "C"]
    assert "票数相同" in out["rounds"][0]["explanation"]["zh_Hans"]


def test_committee_write_in_can_win_and_over_marked_ballots_are_invalid():
    rows = [
        (30, {"marks": [], "write_ins": ["Wang Fang"]}),
        (10, "A"),
        (5, "B"),
        (4, "AB"),
        (2, {"marks": ["A"], "against": ["B"]}),
    ]
    out = committee(rows, 1, 60, candidates="AB", ballots_cast=53, ballots_issued=52)
    r = out["rounds"][0]
    assert r["tally"] == {"A": "12", "B": "5", "Wang Fang": "30"}
    assert r["inactive"] == {"invalid": "6"}
    assert r["against"] == {"A": "0", "B": "2"}
    assert out["winners"] == ["Wang Fang"] and r["threshold"] == "27"
    assert out["warnings"] == ["53 ballots were cast but only 52 were issued"]
    assert "另选他人" in r["explanation"]["zh_Hans"]
    assert "另選他人" in r["explanation"]["zh_Hant"]


def test_committee_second_round_errors_say_so():
    second = {"ballots": [{"marks": ["C"]}, {"marks": ["A"]}]}
    with pytest.raises(TallyError, match=r"^second round: ballot 2: unknown candidate 'A'$"):
        committee(FIRST, 3, 100, second_round=second)


def test_committee_more_ballots_than_signatures_void_the_round():
    assert committee(FIRST, 3, 100, voters_signed=60)["winners"] == ["A", "B"]
    out = committee(FIRST, 3, 100, voters_signed=58)
    assert out["winners"] == [] and out["summary"] == {
        "status": "not_valid",
        "reason": "over_signed",
    }
    assert out["rounds"][0]["decisions"] == [["not_valid", "ballots_cast"]]
    second = {"ballots": [{"marks": ["C"], "count": 40}], "voters_signed": 39}
    out = committee(FIRST, 3, 100, second_round=second)
    assert out["winners"] == ["A", "B"]
    assert out["summary"]["status"] == "second_round_not_valid"
    assert "本次投票无效" in out["rounds"][1]["explanation"]["zh_Hans"]


def test_committee_seats_may_stay_vacant_with_three_members():
    rows = [(45, "ABC"), (15, "ABD"), (10, "DEF"), (10, "")]
    second = {
        "ballots": [
            {"marks": ["D"], "count": 30},
            {"marks": ["E"], "count": 10},
            {"marks": [], "count": 15},
        ]
    }
    out = committee(rows, 5, 100, candidates="ABCDEF", second_round=second)
    assert out["rounds"][0]["decisions"][:3] == [
        ["elected", "A"],
        ["elected", "B"],
        ["elected", "C"],
    ]
    assert out["second_round_candidates"] == ["D", "E", "F"]
    assert out["rounds"][1]["decisions"] == [["elected", "D"], ["not_elected", "E"]]
    assert out["winners"] == ["A", "B", "C", "D"]
    assert out["summary"] == {"status": "seats_unfilled", "seats_unfilled": "1"}
    assert "those seats may stay vacant" in out["rounds"][1]["explanation"]["en"]
