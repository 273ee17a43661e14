"""Hand-checked counts for every method."""

from __future__ import annotations

import pytest

from consult.tally import METHODS, TallyError, count
from consult.tally.ties import JavaRandom


def ranked(method, candidates, rows, seats=1, **options):
    ballots = [{"ranking": list(r), "count": c} for c, r in rows]
    return count(
        {
            "method": method,
            "seats": seats,
            "candidates": list(candidates),
            "options": options,
            "ballots": ballots,
        }
    ).to_dict()


def marked(method, candidates, rows, seats=1, **options):
    ballots = [{"marks": list(m), "count": c} for c, m in rows]
    return count(
        {
            "method": method,
            "seats": seats,
            "candidates": list(candidates),
            "options": options,
            "ballots": ballots,
        }
    ).to_dict()


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


# -- residents' committee ----------------------------------------------------------------
def committee(rows, seats, registered, candidates="ABCDE", **options):
    ballots = []
    for c, m in rows:
        ballots.append(dict(m, count=c) if isinstance(m, dict) else {"marks": list(m), "count": c})
    return count(
        {
            "method": "committee_majority",
            "seats": seats,
            "candidates": list(candidates),
            "options": dict(options, registered_voters=registered),
            "ballots": ballots,
        }
    ).to_dict()


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
