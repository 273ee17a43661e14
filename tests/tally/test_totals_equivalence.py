"""Ballots and their totals count the same (hypothesis, kept small and fast).

The committee cases counted from ballots elsewhere in the suite go through the same check
(tests/tally/test_committee.py and tests/tally/ballots.py count them both ways).
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.tally import count
from tests.tally.totals import (
    assert_same_result,
    ballots_to_totals,
    count_both_ways,
    paper_count,
    second_round_of,
    without_input_form,
)

NAMES = list("ABCDE")
WRITE_INS = ["Wang Fang", "Zhou Li", "A"]  # "A" is a listed name written in by hand
FAST = settings(max_examples=60, deadline=None)


@st.composite
def ballots(draw, candidates):
    """One ballot: each candidate marked for, against, abstain or left, perhaps write-ins."""
    stance = draw(
        st.lists(
            st.sampled_from(["for", "against", "abstain", None]),
            min_size=len(candidates),
            max_size=len(candidates),
        )
    )
    out = {"marks": [c for c, s in zip(candidates, stance, strict=True) if s == "for"]}
    for kind in ("against", "abstain"):
        names = [c for c, s in zip(candidates, stance, strict=True) if s == kind]
        if names:
            out[kind] = names
    written = draw(st.lists(st.sampled_from(WRITE_INS), max_size=2, unique=True))
    # a listed name written in is a vote for that candidate: never beside against or abstain
    marked = {c for c, s in zip(candidates, stance, strict=True) if s in ("against", "abstain")}
    written = [name for name in written if name not in marked]
    if written:
        out["write_ins"] = written
    if draw(st.integers(0, 9)) == 0:
        out["invalid"] = True
    number = draw(st.integers(0, 4))
    if number != 1:
        out["count"] = number
    return out


def _figures(draw, given_ballots: int) -> dict:
    """ballots_cast, voters_signed (a few either side) and ballots_issued, each perhaps."""
    figures = {}
    cast = given_ballots
    if draw(st.booleans()):
        cast += draw(st.integers(0, 3))
        figures["ballots_cast"] = cast
    for key in ("voters_signed", "ballots_issued"):
        if draw(st.booleans()):
            figures[key] = draw(st.integers(max(0, cast - 2), cast + 2))
    return figures


@st.composite
def elections(draw):
    candidates = NAMES[: draw(st.integers(2, 5))]
    seats = draw(st.integers(1, len(candidates)))
    given_ballots = draw(st.lists(ballots(candidates), min_size=1, max_size=25))
    number = sum(b.get("count", 1) for b in given_ballots)
    options = _figures(draw, number)
    low = max(1, options.get("voters_signed", 1))
    options["registered_voters"] = draw(st.integers(low, max(low, 2 * number + 3)))
    return {
        "method": "committee_majority",
        "seats": seats,
        "candidates": candidates,
        "options": options,
        "ballots": given_ballots,
    }


def _with_second_round(draw, election):
    """The election with a random second vote among the candidates round one sends to it."""
    names, seats = second_round_of(count(election, explain=False))
    if not names:
        return election, (names, seats)
    second_ballots = draw(st.lists(ballots(names), max_size=15))
    second = {"ballots": second_ballots}
    second.update(_figures(draw, sum(b.get("count", 1) for b in second_ballots)))
    signed = second.get("voters_signed", 0)
    if draw(st.booleans()) or signed > election["options"]["registered_voters"]:
        second["registered_voters"] = max(signed, 1) + draw(st.integers(0, 40))
    options = dict(election["options"], second_round=second)
    options["require_turnout_again"] = draw(st.booleans())
    return dict(election, options=options), (names, seats)


@FAST
@given(elections(), st.data())
def test_random_ballots_and_their_totals_give_the_same_result(election, data):
    election, second = _with_second_round(data.draw, election)
    from_ballots = count(election)
    assert_same_result(from_ballots, count(ballots_to_totals(election, second)))


@FAST
@given(elections(), st.data())
def test_station_counts_add_up_to_the_round(election, data):
    """Cut the ballots into up to three stations, in order, and enter each station's count."""
    plain = dict(election, options={"registered_voters": election["options"]["registered_voters"]})
    rows = plain["ballots"]
    cuts = sorted(data.draw(st.lists(st.integers(0, len(rows)), min_size=2, max_size=2)))
    parts = [rows[: cuts[0]], rows[cuts[0] : cuts[1]], rows[cuts[1] :]]
    stations = [
        paper_count(part, plain["candidates"], plain["seats"]) | {"station": f"S{i}"}
        for i, part in enumerate(parts)
    ]
    whole = count(ballots_to_totals(plain))
    split = count({k: v for k, v in plain.items() if k != "ballots"} | {"totals": stations})
    assert split.rounds[0].extra["stations"] == ["S0", "S1", "S2"]
    a, b = without_input_form(whole), without_input_form(split)
    for out in (a, b):
        for rnd in out["rounds"]:
            rnd.pop("explanation")
    assert a == b
    for lang, sentence in whole.rounds[0].explanation.items():
        assert split.rounds[0].explanation[lang].endswith(sentence)


def test_the_comparison_catches_a_count_that_differs():
    """One vote moved between candidates in the totals is noticed."""
    election = {
        "method": "committee_majority",
        "seats": 1,
        "candidates": ["A", "B"],
        "options": {"registered_voters": 10},
        "ballots": [{"marks": ["A"], "count": 4}, {"marks": ["B"], "count": 3}],
    }
    totals = ballots_to_totals(election)
    assert totals["totals"]["votes"] == {"A": 4, "B": 3}
    assert_same_result(count(election), count(totals))
    moved = copy.deepcopy(totals)
    moved["totals"]["votes"] = {"A": 3, "B": 4}
    with pytest.raises(AssertionError):
        assert_same_result(count(election), count(moved))
    with pytest.raises(AssertionError):  # the same count given as ballots is not "totals"
        assert_same_result(count(election), count(election))


def test_the_second_round_is_converted_too():
    rows = [{"marks": ["A", "B"], "count": 30}, {"marks": ["C"], "count": 25}]
    second = {"ballots": [{"marks": ["C"], "count": 40}, {"invalid": True, "count": 2}]}
    election = {
        "method": "committee_majority",
        "seats": 3,
        "candidates": list("ABCD"),
        "options": {"registered_voters": 80, "second_round": second},
        "ballots": rows,
    }
    out = count_both_ways(election)
    assert out["winners"] == ["A", "B", "C"]
    converted = ballots_to_totals(election, (["C"], 1))["options"]["second_round"]
    assert converted["totals"]["votes"] == {"C": 40}
    assert converted["totals"]["invalid"] == 2 and "ballots" not in converted
