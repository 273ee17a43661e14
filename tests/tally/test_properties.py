"""Properties that must hold for any ballots (hypothesis, kept small and fast)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consult.tally import count

NAMES = ["A", "B", "C", "D"]
FAST = settings(max_examples=40, deadline=None)

rankings = st.lists(
    st.permutations(NAMES).flatmap(lambda p: st.integers(0, len(p)).map(lambda k: list(p[:k]))),
    min_size=1,
    max_size=25,
)
marks = st.lists(
    st.lists(st.sampled_from(NAMES), min_size=0, max_size=2, unique=True), min_size=1, max_size=30
)


def _ranked(method, ballots, seats=1, **options):
    return count(
        {
            "method": method,
            "seats": seats,
            "candidates": NAMES,
            "options": options,
            "ballots": [{"ranking": r} for r in ballots],
        },
        explain=False,
    )


@FAST
@given(marks, st.integers(1, 5))
def test_plurality_more_support_never_hurts_the_winner(ballots, extra):
    election = {
        "method": "plurality",
        "candidates": NAMES,
        "ballots": [{"marks": m} for m in ballots],
    }
    before = count(election, explain=False).winners
    for winner in before:
        more = dict(election, ballots=election["ballots"] + [{"marks": [winner], "count": extra}])
        assert winner in count(more, explain=False).winners


@FAST
@given(
    rankings, st.randoms(use_true_random=False), st.sampled_from(["irv", "stv", "borda", "schulze"])
)
def test_counts_do_not_depend_on_ballot_order(ballots, rnd, method):
    shuffled = list(ballots)
    rnd.shuffle(shuffled)
    seats = 2 if method == "stv" else 1
    a = _ranked(method, ballots, seats).to_dict()
    b = _ranked(method, shuffled, seats).to_dict()
    for ra, rb in zip(a["rounds"], b["rounds"], strict=True):
        for key in ("threshold", "tally", "inactive", "decisions"):
            assert ra[key] == rb[key]
    assert a["winners"] == b["winners"]


@FAST
@given(rankings, st.sampled_from(["exhaustImmediately", "alwaysSkipToNextRank"]), st.integers(1, 3))
def test_active_plus_inactive_balances_every_round(ballots, overvote, seats):
    result = _ranked(
        "stv" if seats > 1 else "irv",
        ballots,
        seats,
        overvoteRule=overvote,
        nonIntegerWinningThreshold=seats == 3,
    )
    for rnd in result.rounds:
        total = rnd.active() + rnd.inactive_total() + (rnd.residual_surplus or 0)
        assert total == len(ballots)
    assert len(result.winners) == seats


@FAST
@given(rankings)
def test_grouped_counts_equal_repeated_ballots(ballots):
    doubled = count(
        {
            "method": "stv",
            "seats": 2,
            "candidates": NAMES,
            "ballots": [{"ranking": r, "count": 2} for r in ballots],
        },
        explain=False,
    )
    repeated = _ranked("stv", ballots + ballots, 2)
    assert doubled.to_dict()["rounds"] == repeated.to_dict()["rounds"]


@FAST
@given(rankings, st.integers(1, 3))
def test_plain_ballot_shortcut_agrees_with_the_full_rctab_reading(ballots, seats):
    """Writing each rank as a one-name list sends ballots through the general RCTab reader;
    the shortcut for plain ballots must give the same count."""
    method = "irv" if seats == 1 else "stv"
    plain = _ranked(method, ballots, seats).to_dict()
    wrapped = count(
        {
            "method": method,
            "seats": seats,
            "candidates": NAMES,
            "ballots": [{"ranking": [[n] for n in r]} for r in ballots],
        },
        explain=False,
    ).to_dict()
    assert plain["rounds"] == wrapped["rounds"] and plain["winners"] == wrapped["winners"]
