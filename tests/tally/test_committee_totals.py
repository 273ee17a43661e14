"""committee_majority from paper counts: the totals input, its checks, and stations added up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from consult.tally import TallyError, count

FIRST = {  # the paper count of tests/tally/test_committee.py's FIRST ballots, 3 seats
    "ballots_cast": 60,
    "invalid": 5,
    "blank": 5,
    "votes": {"A": 45, "B": 35, "C": 25, "D": 20, "E": 10},
}
NORTH = {
    "station": "North gate",
    "ballots_cast": 35,
    "invalid": 3,
    "blank": 2,
    "votes": {"A": 27, "B": 20, "C": 14, "D": 11, "E": 6},
}
HALL = {
    "station": "Hall",
    "ballots_cast": 25,
    "invalid": 2,
    "blank": 3,
    "votes": {"A": 18, "B": 15, "C": 11, "D": 9, "E": 4},
}


def election(totals, seats=3, candidates="ABCDE", registered=100, **options):
    if registered is not None:
        options["registered_voters"] = registered
    return {
        "method": "committee_majority",
        "seats": seats,
        "candidates": list(candidates),
        "options": options,
        "totals": totals,
    }


def counted(totals, **kwargs):
    return count(election(totals, **kwargs))


def text(result, round_number=1):
    return result.rounds[round_number - 1].explanation


def test_turnout_fails():
    result = counted({"ballots_cast": 50, "votes": {"A": 50}}, seats=1)
    out = result.to_dict()
    assert out["input"] == "totals" and out["winners"] == []
    assert out["summary"] == {"status": "not_valid", "reason": "turnout"}
    assert out["rounds"][0]["decisions"] == [["not_valid", "turnout"]]
    assert "50 of 100 registered voters voted, not more than half" in text(result)["en"]
    assert "选举无效" in text(result)["zh_Hans"] and "選舉無效" in text(result)["zh_Hant"]


def test_elected_in_round_one():
    totals = {"ballots_cast": 60, "votes": {"A": 45, "B": 35, "C": 31, "D": 29}}
    out = counted(totals).to_dict()
    first = out["rounds"][0]
    assert (first["threshold"], out["ballots"]) == ("31", "60")
    assert out["winners"] == ["A", "B", "C"] and out["summary"] == {"status": "complete"}
    assert first["tally"] == {"A": "45", "B": "35", "C": "31", "D": "29", "E": "0"}
    assert (
        "C is elected with 31 votes, more than half of the 60 ballots cast"
        in (first["explanation"]["en"])
    )


def test_a_tie_for_a_seat_goes_to_a_new_vote_among_the_tied():
    second = {"totals": {"ballots_cast": 90, "invalid": 2, "votes": {"A": 0, "B": 50, "C": 38}}}
    result = counted(
        {"ballots_cast": 100, "votes": {"A": 70, "B": 60, "C": 60}},
        seats=2,
        candidates="ABC",
        registered=150,
        second_round=second,
    )
    out = result.to_dict()
    assert out["rounds"][0]["decisions"][:3] == [["elected", "A"], ["tied", "B"], ["tied", "C"]]
    assert out["second_round_candidates"] == ["B", "C"]
    assert "票数相同" in text(result)["zh_Hans"] and "票數相同" in text(result)["zh_Hant"]
    assert out["rounds"][1]["threshold"] == "30"
    assert out["winners"] == ["A", "B"] and out["summary"]["status"] == "complete"


def test_second_round_one_third_floor_and_seats_that_may_stay_vacant_only_with_three():
    second = {
        "totals": {"ballots_cast": 58, "invalid": 4, "blank": 25, "votes": {"C": 15, "D": 14}}
    }
    result = counted(FIRST, second_round=second)
    out = result.to_dict()
    assert out["rounds"][1]["decisions"] == [["not_elected", "C"]]
    assert out["rounds"][1]["inactive"] == {"invalid": "4", "abstain": "25"}
    assert out["winners"] == ["A", "B"]
    assert out["summary"] == {"status": "seats_unfilled", "seats_unfilled": "1"}
    words = text(result, 2)
    assert words["en"].endswith(
        "1 seat(s) remain unfilled after the second round. They may stay vacant only if the "
        "committee has at least 3 members elected across all its contests (2 in this contest)."
    )
    assert "至少 3 名成员时，不足的席位才可以空缺" in words["zh_Hans"]
    assert "至少 3 名成員時，不足的席位才可以空缺" in words["zh_Hant"]


def test_seats_left_vacant_when_three_members_are_elected():
    first = {"ballots_cast": 80, "votes": {"A": 60, "B": 55, "C": 50, "D": 30, "E": 20, "F": 10}}
    second = {"totals": {"ballots_cast": 70, "votes": {"D": 30, "E": 20, "F": 15}}}
    result = counted(first, seats=5, candidates="ABCDEF", second_round=second)
    out = result.to_dict()
    assert out["second_round_candidates"] == ["D", "E", "F"]
    assert out["rounds"][1]["threshold"] == "24"
    assert out["rounds"][1]["decisions"] == [["elected", "D"], ["not_elected", "E"]]
    assert out["winners"] == ["A", "B", "C", "D"]
    assert out["summary"] == {"status": "seats_unfilled", "seats_unfilled": "1"}
    words = text(result, 2)
    assert (
        "With 4 members elected in this contest (at least 3), those seats may stay vacant"
        in (words["en"])
    )
    assert "已选出 4 名成员（不少于 3 名），不足的席位可以空缺" in words["zh_Hans"]
    assert "已選出 4 名成員（不少於 3 名），不足的席位可以空缺" in words["zh_Hant"]


def test_a_tie_in_the_second_round_calls_a_new_vote_not_a_vacancy():
    second = {"totals": {"ballots_cast": 60, "votes": {"C": 25, "D": 25}}}
    out = counted(FIRST, second_round=second).to_dict()
    assert out["rounds"][1]["decisions"] == [["tied", "C"], ["tied", "D"]]
    assert out["summary"] == {"status": "tie_new_vote", "seats_unfilled": "1"}
    assert out["new_vote_candidates"] == ["C", "D"]
    assert "vacant" not in out["rounds"][1]["explanation"]["en"]


def test_more_ballots_than_signatures_void_the_round():
    assert counted(dict(FIRST, voters_signed=60)).winners == ["A", "B"]  # as many is fine
    result = counted(dict(FIRST, voters_signed=59))
    out = result.to_dict()
    assert out["winners"] == [] and "second_round_candidates" not in out
    assert out["summary"] == {"status": "not_valid", "reason": "over_signed"}
    assert out["rounds"][0]["decisions"] == [["not_valid", "ballots_cast"]]
    assert "This vote is void: 60 ballots were cast but only 59 voters signed" in text(result)["en"]
    assert "本次投票无效" in text(result)["zh_Hans"] and "本次投票無效" in text(result)["zh_Hant"]


def test_a_void_second_round_elects_no_one():
    second = {"totals": {"voters_signed": 50, "ballots_cast": 51, "votes": {"C": 30, "D": 20}}}
    out = counted(FIRST, second_round=second).to_dict()
    assert out["winners"] == ["A", "B"]
    assert out["rounds"][1]["decisions"] == [["not_valid", "ballots_cast"]]
    assert out["summary"] == {
        "status": "second_round_not_valid",
        "seats_unfilled": "1",
        "reason": "over_signed",
    }


def test_ballots_issued_is_a_warning_as_with_ballots():
    out = counted(dict(FIRST, ballots_issued=59)).to_dict()
    assert out["winners"] == ["A", "B"]
    assert out["warnings"] == ["60 ballots were cast but only 59 were issued"]


@pytest.mark.parametrize("form", ["list", "object"])
def test_stations_are_added_up_and_the_result_says_so(form):
    flat = counted(FIRST)
    stations = [NORTH, HALL]
    if form == "list":
        combined = counted(stations)
    else:
        combined = counted({"registered_voters": 100, "stations": stations}, registered=None)
    a, b = flat.to_dict(), combined.to_dict()
    assert b["rounds"][0].pop("stations") == ["North gate", "Hall"]
    for out in (a, b):
        for rnd in out["rounds"]:
            rnd.pop("explanation")
    assert a == b
    said = "The counts of 2 polling stations are added together: North gate, Hall."
    assert text(combined)["en"] == said + " " + text(flat)["en"]
    assert text(combined)["zh_Hans"].startswith("合并了 2 个投票站的计票结果：North gate、Hall。")
    assert text(combined)["zh_Hant"].startswith("合併了 2 個投票站的計票結果：North gate、Hall。")


def test_unnamed_stations_are_numbered():
    plain = [{k: v for k, v in s.items() if k != "station"} for s in (NORTH, HALL)]
    assert counted(plain).to_dict()["rounds"][0]["stations"] == ["1", "2"]


def test_a_station_with_more_ballots_than_signatures_is_flagged_and_the_sum_decides():
    flagged = counted([dict(NORTH, voters_signed=34), dict(HALL, voters_signed=26)])
    assert flagged.winners == ["A", "B"]
    assert flagged.warnings == [
        "station North gate: 35 ballots were cast but only 34 voters signed for one"
    ]
    assert "投票站 North gate 投出 35 张选票，但只有 34 名选民签名领票" in text(flagged)["zh_Hans"]
    assert "投票站 North gate 投出 35 張選票，但只有 34 名選民簽名領票" in text(flagged)["zh_Hant"]
    void = counted([dict(NORTH, voters_signed=34), dict(HALL, voters_signed=25)])
    assert void.summary == {"status": "not_valid", "reason": "over_signed"}
    issued = counted([dict(NORTH, ballots_issued=34), dict(HALL, ballots_issued=30)])
    assert issued.winners == ["A", "B"]
    assert issued.warnings == ["station North gate: 35 ballots were cast but only 34 were issued"]
    assert "投票站 North gate 投出 35 张选票，但只发出 34 张" in text(issued)["zh_Hans"]
    assert "投票站 North gate 投出 35 張選票，但只發出 34 張" in text(issued)["zh_Hant"]


def test_registered_voters_in_the_totals():
    inside = counted(dict(FIRST, registered_voters=100), registered=None).to_dict()
    assert inside["rounds"][0]["explanation"]["en"].startswith("Turnout: 60 of 100 (60.0%).")
    assert counted(dict(FIRST, registered_voters=100)).winners == ["A", "B"]  # agreeing twice


def test_round_one_from_ballots_and_round_two_from_totals():
    rows = [(20, "ABC"), (15, "ABD"), (10, "AE"), (5, "BCDE"), (5, "CD"), (5, "")]
    data = election(FIRST, second_round={"totals": {"ballots_cast": 58, "votes": {"C": 30}}})
    data.pop("totals")
    data["ballots"] = [{"marks": list(m), "count": n} for n, m in rows]
    out = count(data).to_dict()
    assert "input" not in out and out["winners"] == ["A", "B", "C"]


def bad(totals, message, **kwargs):
    with pytest.raises(TallyError, match="^" + re.escape(message) + "$"):
        counted(totals, **kwargs)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ballots_cast": -1}, "totals: ballots_cast must be a whole number of at least 0"),
        ({"invalid": 1.5}, "totals: invalid must be a whole number of at least 0"),
        ({"votes": {"A": -2}}, "totals: the votes for 'A' must be a whole number of at least 0"),
        ({"votes": {"Q": 1}}, "totals: unknown candidate 'Q' in votes"),
        ({"against": {"Q": 1}}, "totals: unknown candidate 'Q' in against"),
        ({"votes": ["A"]}, "totals: 'votes' must be an object of names and numbers"),
        ({"invalid": 61}, "totals: ballots_cast (60) is less than the 61 invalid ballots"),
        ({"blank": 56}, "totals: 56 blank ballots, more than the 55 valid ballots"),
        (
            {"votes": {"A": 51}},
            "totals: 'A' has 51 votes, more than the 50 valid ballots that are not blank",
        ),
        (
            {"blank": 0, "votes": {"A": 56}},
            "totals: 'A' has 56 votes, more than the 55 valid ballots",
        ),
        (
            {"write_ins": {"Zhou Li": 51}},
            "totals: write-in 'Zhou Li' has 51 votes, more than the 50 valid ballots that are "
            "not blank",
        ),
        (
            {"against": {"E": 46}},
            "totals: 'E' has 10 votes, 46 against and 0 abstain, more than the 55 valid ballots",
        ),
        (
            {"write_ins": {"A": 1}},
            "totals: write-in 'A' is a listed candidate; give those under votes",
        ),
        ({"spoilt": 2}, "totals: unexpected field 'spoilt'"),
        ({"voters_signed": 120}, "voters_signed (120) is more than the 100 registered voters"),
        (
            {"registered_voters": 120},
            "option registered_voters is 100 but totals say 120",
        ),
    ],
)
def test_bad_totals_are_named_in_one_line(change, message):
    bad(FIRST | change, message)


def test_more_votes_than_the_ballots_can_hold():
    bad(
        FIRST,
        "totals: 135 votes in all, more than 50 valid ballots that are not blank can hold "
        "with 2 seat(s) each",
        seats=2,
    )


@pytest.mark.parametrize(
    ("totals", "message"),
    [
        ("60", "'totals' must be an object or a list of polling stations' totals"),
        ({"votes": {"A": 1}}, "totals: ballots_cast is missing"),
        ([], "totals: 'stations' must be a non-empty list"),
        ([NORTH, "Hall"], "totals, station 2: a station's totals must be an object"),
        (
            [NORTH, HALL | {"invalid": 26}],
            "totals, station 'Hall': ballots_cast (25) is less than the 26 invalid ballots",
        ),
        (
            [NORTH, HALL | {"registered_voters": 50}],
            "totals, station 'Hall': registered_voters belongs to the whole round",
        ),
        (
            {"ballots_cast": 60, "stations": [NORTH, HALL]},
            "totals: 'ballots_cast' goes in each station's totals",
        ),
        (
            [NORTH | {"voters_signed": 35}, HALL],
            "totals: voters_signed is given for some stations but not for all",
        ),
        ([NORTH, HALL, NORTH], "totals, station 'North gate': this station is listed twice"),
        ([NORTH, HALL | {"station": 5}], "totals, station 2: 'station' must be a name"),
    ],
)
def test_bad_station_lists_are_named_in_one_line(totals, message):
    bad(totals, message)


def test_totals_and_options_that_do_not_go_together():
    bad(FIRST, "option ballots_cast goes inside totals when totals are given", ballots_cast=60)
    bad(
        FIRST,
        "committee_majority needs registered_voters (an option, or in totals)",
        registered=None,
    )
    with pytest.raises(TallyError, match=r"^'totals' are only counted by committee_majority$"):
        count({"method": "plurality", "candidates": ["A"], "totals": FIRST})
    with pytest.raises(TallyError, match=r"^give either 'ballots' or 'totals', not both$"):
        count(election(FIRST) | {"ballots": []})


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            {"totals": {"ballots_cast": 50, "votes": {"A": 3, "C": 20}}},
            "second round: totals: 'A' is not a candidate in this round",
        ),
        (
            {"totals": {"ballots_cast": 50, "votes": {"Q": 3}}},
            "second round: totals: 'Q' is not a candidate in this round",
        ),
        (
            {"totals": {"ballots_cast": 50}, "ballots": []},
            "second round: give either ballots or totals, not both",
        ),
        (
            {"totals": {"ballots_cast": 50}, "voters_signed": 50},
            "second round: voters_signed goes inside totals when totals are given",
        ),
        (
            {"totals": {"ballots_cast": 50}, "station": "Hall"},
            "second round: unexpected field 'station'",
        ),
        (
            {"totals": {"ballots_cast": 50, "votes": {"C": 51}}},
            "second round: totals: 'C' has 51 votes, more than the 50 valid ballots",
        ),
    ],
)
def test_bad_second_round_totals(second, message):
    bad(FIRST, message, second_round=second)


def test_the_cli_reads_totals(tmp_path):
    from tests.tally.test_cli import run

    path = tmp_path / "count.json"
    path.write_text(json.dumps(election([NORTH, HALL])), encoding="utf-8")
    done = run(str(path))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out == counted([NORTH, HALL]).to_dict()
    assert out["input"] == "totals" and out["rounds"][0]["stations"] == ["North gate", "Hall"]
    done = run(str(path), "--explain", "zh_Hant")
    assert done.returncode == 0, done.stderr
    assert "合併了 2 個投票站的計票結果" in done.stdout and "當選: A、B" in done.stdout
    broken = election([NORTH, HALL | {"votes": {"A": 21}}])
    done = run("-", stdin=json.dumps(broken))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "error: totals, station 'Hall': 'A' has 21 votes, more than the 20 valid ballots "
        "that are not blank\n"
    )


def test_the_readme_example_counts():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Committee elections from paper counts")[1]
    example = json.loads(section.split("```json")[1].split("```")[0])
    result = count(example)
    assert result.winners == ["Li Wei", "Wang Fang", "Zhang Min"]
    assert result.rounds[0].extra["stations"] == ["North gate", "Community hall"]
    assert result.summary == {"status": "complete", "seats_unfilled": "0"}
