"""Turn a committee_majority election given as ballots into its paper counts (the totals the
counting staff would enter), and check that both inputs give the same result.

The conversion is written here from the rules, not with the engine's own summing, so that the
comparison tests the engine's two readers against each other.
"""

from __future__ import annotations

from consult.tally import Result, count

ROUND_FIGURES = ("ballots_cast", "voters_signed", "ballots_issued")
# what describes the input form rather than the count: left out of the comparison
INPUT_FIELDS = ("input",)
ROUND_INPUT_FIELDS = ("stations",)


def paper_count(ballots, candidates, seats, **figures) -> dict:
    """The totals of one round: what counting staff would enter for these ballots."""
    votes = dict.fromkeys(candidates, 0)
    write_ins: dict[str, int] = {}
    against: dict[str, int] = {}
    abstain: dict[str, int] = {}
    invalid = blank = given = 0
    for ballot in ballots:
        number = ballot.get("count", 1)
        given += number
        people = list(ballot.get("marks", [])) + list(ballot.get("write_ins", []))
        if ballot.get("invalid") or len(people) > seats or len(set(people)) < len(people):
            invalid += number
            continue
        if not people:
            blank += number
        for name in people:
            if name in votes:
                votes[name] += number
            else:
                write_ins[name] = write_ins.get(name, 0) + number
        for name in ballot.get("against", []):
            against[name] = against.get(name, 0) + number
        for name in ballot.get("abstain", []):
            abstain[name] = abstain.get(name, 0) + number
    cast = figures.pop("ballots_cast", given)
    return {
        "ballots_cast": cast,
        "invalid": invalid + cast - given,  # ballots cast but not given are invalid
        "blank": blank,
        "votes": votes,
        "write_ins": write_ins,
        "against": against,
        "abstain": abstain,
        **figures,
    }


def ballots_to_totals(election: dict, second_round=None) -> dict:
    """The same election with every round's ballots replaced by their totals.

    ``second_round``: (candidates, seats) of the second vote, as announced after round one.
    """
    options = dict(election.get("options", {}))
    figures = {key: options.pop(key) for key in ROUND_FIGURES if key in options}
    converted = {key: value for key, value in election.items() if key != "ballots"}
    converted["totals"] = paper_count(
        election["ballots"], election["candidates"], election.get("seats", 1), **figures
    )
    second = options.get("second_round")
    if isinstance(second, dict) and "ballots" in second and second_round is not None:
        second = dict(second)
        names, seats = second_round
        figures = {key: second.pop(key) for key in ROUND_FIGURES if key in second}
        second["totals"] = paper_count(second.pop("ballots"), names, seats, **figures)
        options["second_round"] = second
    converted["options"] = options
    return converted


def without_input_form(result: Result) -> dict:
    out = result.to_dict()
    for key in INPUT_FIELDS:
        out.pop(key, None)
    for rnd in out["rounds"]:
        for key in ROUND_INPUT_FIELDS:
            rnd.pop(key, None)
    return out


def assert_same_result(from_ballots: Result, from_totals: Result) -> None:
    """Winners, rounds, decisions, explanations and the JSON output agree; only the fields that
    say which input was used may differ."""
    assert from_totals.extra.get("input") == "totals"
    assert "input" not in from_ballots.extra
    assert from_totals.winners == from_ballots.winners
    assert from_totals.summary == from_ballots.summary
    assert from_totals.warnings == from_ballots.warnings
    assert len(from_totals.rounds) == len(from_ballots.rounds)
    for ours, theirs in zip(from_totals.rounds, from_ballots.rounds, strict=True):
        assert ours.decisions == theirs.decisions
        assert ours.notes == theirs.notes
        assert ours.explanation == theirs.explanation
    assert without_input_form(from_totals) == without_input_form(from_ballots)


def second_round_of(result: Result):
    """(candidates, seats) of the second vote that round one of ``result`` calls for."""
    elected = sum(1 for d in result.rounds[0].decisions if d.kind == "elected")
    return result.extra.get("second_round_candidates", []), result.seats - elected


def count_both_ways(election: dict) -> dict:
    """Count a committee_majority election from its ballots and from its totals, check the two
    agree, and return the JSON output of the ballot count."""
    from_ballots = count(election)
    totals = ballots_to_totals(election, second_round_of(from_ballots))
    assert_same_result(from_ballots, count(totals))
    return from_ballots.to_dict()
