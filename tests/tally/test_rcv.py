"""Instant runoff and STV by RCTab's rules: hand-checked counts."""

from __future__ import annotations

import pytest

from consult.tally import TallyError, count
from consult.tally.ties import JavaRandom
from tests.tally.ballots import ranked


def test_java_random_matches_java():
    assert JavaRandom(0).next_double() == 0.730967787376657
    assert JavaRandom(42)._next(32) == -1170105035


# -- instant runoff ------------------------------------------------------------------------
IRV_ROWS = [(4, "ABC"), (3, "BC"), (2, "CB"), (1, "C")]


def test_irv_threshold_recomputed_and_tie_by_candidate_order():
    out = ranked("irv", "ABC", IRV_ROWS)
    r1, r2 = out["rounds"]
    assert (r1["threshold"], r1["tally"]) == ("6", {"A": "4", "B": "3", "C": "3"})
    assert r1["decisions"] == [["eliminated", "C"]]
    assert r1["ties"][0]["method"] == "candidate_order"
    assert r1["transfers"] == {"C": {"B": "2", "exhaustedChoices": "1"}}
    assert (r2["threshold"], r2["tally"], r2["inactive"]) == (
        "5",
        {"A": "4", "B": "5"},
        {"exhaustedChoices": "1"},
    )
    assert r2["decisions"] == [["elected", "B"]]
    assert out["winners"] == ["B"]


def test_irv_seeded_random_draw_is_logged():
    out = ranked("irv", "ABC", IRV_ROWS, tiebreakMode="random", randomSeed=0)
    tie = out["rounds"][0]["ties"][0]
    assert tie["method"] == "random" and tie["seed"] == "0"
    assert tie["draw"] == "0.730967787376657" and tie["selected"] == "C"
    assert "random draw (seed 0" in out["rounds"][0]["explanation"]["en"]


def test_irv_previous_round_counts_break_a_tie():
    rows = [(6, "A"), (4, "B"), (3, "C"), (1, "DC")]
    out = ranked("irv", "ABCD", rows, tiebreakMode="previousRoundCountsThenRandom", randomSeed=7)
    rounds = out["rounds"]
    assert rounds[1]["tally"] == {"A": "6", "B": "4", "C": "4"}
    tie = rounds[1]["ties"][0]
    assert (tie["method"], tie["selected"], tie["previous_round"]) == ("previous_round", "C", "1")
    assert rounds[2]["threshold"] == "6" and out["winners"] == ["A"]


def test_irv_batch_elimination():
    rows = [(8, "A"), (6, "B"), (2, "CB"), (1, "DB")]
    out = ranked("irv", "ABCD", rows, batchElimination=True)
    assert out["rounds"][0]["decisions"] == [["eliminated", "D"], ["eliminated", "C"]]
    assert out["rounds"][1]["tally"] == {"A": "8", "B": "9"}
    assert out["winners"] == ["B"]


def test_irv_continue_until_two_candidates_remain():
    rows = [(6, "A"), (2, "B"), (1, "C"), (1, "D")]
    out = ranked("irv", "ABCD", rows, continueUntilTwoCandidatesRemain=True)
    assert [r["decisions"] for r in out["rounds"]] == [
        [["elected", "A"]],
        [["eliminated", "D"]],
        [["eliminated", "C"]],
        [],
    ]
    # as in RCTab, one last round shows the final two after the last elimination
    assert out["rounds"][-1]["tally"] == {"A": "6", "B": "2"}
    assert out["rounds"][-1]["inactive"] == {"exhaustedChoices": "2"}
    assert out["winners"] == ["A"]


def test_irv_overvote_rules_and_skipped_ranks():
    ballots = [
        {"ranking": [["A", "B"], "C"], "count": 2},
        {"ranking": [[], [], "B"]},
        {"ranking": ["C"], "count": 2},
        {"ranking": ["A"], "count": 2},
    ]
    base = {"method": "irv", "candidates": ["A", "B", "C"], "ballots": ballots}
    exhaust = count(base).to_dict()["rounds"][0]
    assert exhaust["inactive"] == {"overvotes": "2"}
    skip = count(
        dict(base, options={"overvoteRule": "alwaysSkipToNextRank", "maxSkippedRanksAllowed": 1})
    ).to_dict()["rounds"][0]
    assert skip["tally"] == {"A": "2", "B": "0", "C": "4"}
    assert skip["inactive"] == {"skippedRankings": "1"}


# -- single transferable vote ----------------------------------------------------------------
STV_ROWS = [(10, "AB"), (3, "B"), (4, "CD"), (2, "D")]


def test_stv_surplus_transfer_is_fractional_and_exact():
    out = ranked("stv", "ABCD", STV_ROWS, seats=2)
    r = out["rounds"]
    assert r[0]["threshold"] == "7" and r[0]["decisions"] == [["elected", "A"]]
    assert r[0]["transfers"] == {"A": {"B": "3.0000"}}
    assert r[1]["tally"] == {"B": "6.0000", "C": "4", "D": "2", "A": "7.0000"}
    assert out["winners"] == ["A", "B"]
    assert r[-1]["inactive"] == {"exhaustedChoices": "6"}
    assert "passes on 0.3000 of its value" in r[0]["explanation"]["en"]


def test_stv_hare_and_fractional_thresholds():
    rows = [(4, "A"), (3, "B"), (2, "C"), (1, "D")]
    hare = ranked("stv", "ABCD", rows, seats=3, hareQuota=True, nonIntegerWinningThreshold=True)
    assert hare["rounds"][0]["threshold"] == "3.3334"
    whole = ranked("stv", "ABCD", rows, seats=3, hareQuota=True)
    assert whole["rounds"][0]["threshold"] == "4"
    droop = ranked(
        "stv",
        "ABCD",
        rows,
        seats=3,
        nonIntegerWinningThreshold=True,
        decimalPlacesForVoteArithmetic=2,
    )
    assert droop["rounds"][0]["threshold"] == "2.51"
    assert droop["winners"] == ["A", "B", "C"]


def test_irv_rejects_more_seats_and_unknown_rules():
    with pytest.raises(TallyError, match="irv elects one"):
        ranked("irv", "ABC", IRV_ROWS, seats=2)
    with pytest.raises(TallyError, match="overvoteRule"):
        ranked("irv", "ABC", IRV_ROWS, overvoteRule="guess")
    with pytest.raises(TallyError, match="unknown option"):
        ranked("irv", "ABC", IRV_ROWS, colour="blue")


def test_ranking_beyond_the_maximum_names_the_ballot():
    names = [f"C{i}" for i in range(11)]
    ballots = [{"ranking": names[:3]} for _ in range(16)] + [{"ranking": names}]
    with pytest.raises(TallyError) as err:
        count(
            {
                "method": "irv",
                "candidates": names,
                "options": {"maxRankingsAllowed": 10},
                "ballots": ballots,
            }
        )
    assert str(err.value) == "ballot 17: ranking has 11 choices, the maximum is 10"


def test_unknown_candidate_and_method():
    with pytest.raises(TallyError, match=r"^ballot 3: unknown candidate 'Z'$"):
        ranked("irv", "AB", [(1, "A"), (1, "B"), (1, "Z")])
    with pytest.raises(TallyError, match="unknown method 'dice'"):
        count({"method": "dice", "candidates": ["A"], "ballots": []})


def test_minimum_vote_threshold_eliminates_everyone_below_it():
    rows = [(6, "A"), (5, "B"), (2, "CA"), (1, "DB")]
    out = ranked("irv", "ABCD", rows, minimumVoteThreshold=3)
    first = out["rounds"][0]
    assert first["decisions"] == [["eliminated", "D"], ["eliminated", "C"]]
    assert [d["reason"] for d in first["details"]] == ["below_minimum", "below_minimum"]
    assert out["rounds"][1]["tally"] == {"A": "8", "B": "6"} and out["winners"] == ["A"]


def test_generated_permutation_is_seeded_and_logged():
    rows = [(3, "A"), (2, "B"), (2, "C"), (1, "D")]
    a = ranked("irv", "ABCD", rows, tiebreakMode="generatePermutation", randomSeed=5)
    b = ranked("irv", "ABCD", rows, tiebreakMode="generatePermutation", randomSeed=5)
    assert a == b
    ties = [t for r in a["rounds"] for t in r.get("ties", [])]
    assert ties and all(t["method"] == "candidate_order" for t in ties)


def test_undeclared_write_ins_go_first_and_cannot_win():
    uwi = "Undeclared Write-ins"
    ballots = [
        {"ranking": [uwi, "A"], "count": 6},
        {"ranking": ["A"], "count": 3},
        {"ranking": ["B"], "count": 4},
    ]
    out = count({"method": "irv", "candidates": ["A", "B", uwi], "ballots": ballots}).to_dict()
    assert out["rounds"][0]["decisions"] == [["eliminated", uwi]]
    assert out["rounds"][1]["tally"] == {"A": "9", "B": "4"}
    assert out["winners"] == ["A"]
