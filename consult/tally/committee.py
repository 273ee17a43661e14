"""``committee_majority``: the residents' committee election rules (PRODUCT.md).

A round is given either as ballots or as its totals (the paper counts of the polling stations).

Ballots are ``{"marks": [...], "write_ins": [...], "against": [...], "abstain": [...],
"invalid": false, "count": n}``: ``marks`` are votes for listed candidates, ``write_ins`` votes
for another eligible person (另选他人, counted like a candidate), ``against`` and ``abstain``
are recorded but add no votes. A ballot voting for more people than there are seats is
invalid (无效票), as is one with ``"invalid": true``: counted among the ballots cast, for no one.

Totals replace ``"ballots"`` with ``"totals"``: one count, or a list of polling stations' counts
that are added up (the round then lists them under ``stations``)::

    "totals": {"registered_voters": 100,
               "voters_signed": 61, "ballots_issued": 62, "ballots_cast": 60,
               "invalid": 5, "blank": 5,
               "votes": {"Li Wei": 45, "Wang Fang": 35, "Zhang Min": 25},
               "write_ins": {"Zhou Li": 2},
               "against": {"Zhang Min": 10}, "abstain": {"Zhang Min": 5}}

    "totals": [{"station": "North gate", "ballots_cast": 31, ...},
               {"station": "Community hall", "ballots_cast": 29, ...}]

``ballots_cast`` (invalid ballots included) is required; ``invalid``, ``blank`` (valid ballots
voting for no one) and the name maps default to 0; a candidate left out has 0. ``votes`` name
listed candidates, ``write_ins`` anyone else. ``registered_voters`` (the whole round's, beside a
``"stations"`` list in ``{"registered_voters": n, "stations": [...]}``) may instead be the
option. The counts must add up: each is a whole number; ``invalid`` at most ``ballots_cast``;
a person's votes at most the valid ballots that are not blank; a candidate's votes, against
and abstain together at most the valid ballots; all votes at most ``seats`` per such ballot.
A station whose ballots exceed its ``voters_signed`` or ``ballots_issued`` is flagged.

Options:

* ``registered_voters`` (required, here or in the totals): the voter list; the election is
  valid only if the ballots cast are more than half of it.
* ``ballots_cast``: ballots cast, invalid ones included (default: the ballots given; a larger
  number counts the difference as invalid ballots not itemised).
* ``voters_signed``: voters who signed for a ballot. Casting more ballots than that voids the
  round (Zhejiang measures Art. 27: 所投的票数多于投票人数的无效): no one is elected by it.
* ``ballots_issued``: ballots handed out; casting more flags the count (a warning). It is not the
  law's test (a voter may be handed a new ballot for a spoilt one): ``voters_signed`` is.
* ``second_round_extra`` (default 1): the second round (另行选举) has as candidates the
  unelected with most first-round votes, as many as the unfilled seats plus this number (all
  candidates tied at the cut are included); a tie that decided a seat in round one instead sends
  exactly the tied candidates to a new vote.
* ``second_round``: ``{"ballots": [...], "ballots_cast": n, "voters_signed": n,
  "ballots_issued": n, "registered_voters": n}`` or ``{"totals": ..., "registered_voters": n}``,
  the second vote (voters default to round one's). It must again have more than half of the
  voters (``require_turnout_again``, default true); the most votes win, but a winner needs at
  least one third of its ballots cast.

With totals, ``ballots_cast``, ``voters_signed`` and ``ballots_issued`` go inside them.

Output: each round has ``against`` and ``abstain`` per candidate and ``write_ins`` (names);
``inactive`` holds the ``invalid`` ballots and, as ``abstain``, the blank ones. From totals, the
result has ``"input": "totals"`` and a round of added-up stations lists their names (or
positions, for unnamed ones) under ``stations``; everything else is what the same ballots give.

Round one: a candidate is elected with more than half of the ballots cast. If more pass than
there are seats, the most votes win; a tie for the last seat is left to a new vote.
``summary.status``: ``not_valid`` (with ``reason`` ``turnout`` or ``over_signed``),
``complete``, ``second_round_needed``, ``second_round_not_valid``, ``tie_new_vote`` (a tie for
the last seat in the second round: ``new_vote_candidates``) or ``seats_unfilled``: seats still
empty after the second round, which may stay vacant once the committee has at least 3 members
(Zhejiang measures Art. 30); the explanation says whether this contest alone elected 3.
"""

from __future__ import annotations

from consult.tally.committee_rounds import (
    ROUND_FIGURES,
    count_round,
    new_round,
    registered_voters,
    round_is_valid,
    whole,
)
from consult.tally.model import Decision, Election, Result, TallyError

OPTIONS = {
    "registered_voters",
    "ballots_cast",
    "voters_signed",
    "ballots_issued",
    "second_round_extra",
    "second_round",
    "require_turnout_again",
}
SECOND_ROUND_FIELDS = {"ballots", "totals", "registered_voters", *ROUND_FIGURES}
VACANCY_MEMBERS = 3  # Zhejiang measures Art. 30


def _pick(ranked, tally, seats, reason, params):
    """The ``seats`` best of ``ranked``; a tie at the cut is left open."""
    elected, decisions, tied = [], [], []
    i = 0
    while len(elected) < seats and i < len(ranked):
        level = [c for c in ranked if tally[c] == tally[ranked[i]]]
        if len(level) <= seats - len(elected):
            for c in level:
                elected.append(c)
                decisions.append(Decision("elected", c, reason, dict(params, votes=tally[c])))
            i += len(level)
        else:
            tied = level
            for c in level:
                decisions.append(
                    Decision(
                        "tied",
                        c,
                        "tie_new_vote",
                        {
                            "votes": tally[c],
                            "tied": list(level),
                            "seats_left": seats - len(elected),
                        },
                    )
                )
            break
    return elected, decisions, tied


def count_committee(election: Election) -> Result:
    opts = election.options
    unknown = sorted(set(opts) - OPTIONS)
    if unknown:
        raise TallyError(f"unknown option {unknown[0]!r} for committee_majority")
    given = whole(opts, "registered_voters", low=1)
    if given is None and election.totals is None:
        raise TallyError("committee_majority needs option registered_voters")
    extra_candidates = whole(opts, "second_round_extra", 1)
    seats, candidates = election.seats, election.candidates
    counted = count_round(opts, election.ballots, candidates, seats, election.totals, "option ")
    registered = registered_voters(counted, given)
    if registered is None:
        raise TallyError("committee_majority needs registered_voters (an option, or in totals)")
    tally, cast = counted.tally, counted.cast
    needed = cast // 2 + 1
    first = new_round(1, counted, needed)
    result = Result("committee_majority", [], [first], list(candidates), seats, cast)
    if election.totals is not None:
        result.extra["input"] = "totals"
    if not round_is_valid(result, first, counted, registered):
        result.summary = {"status": "not_valid", "reason": first.decisions[-1].reason}
        return result
    position = {c: i for i, c in enumerate(tally)}
    ranked = sorted(tally, key=lambda c: (-tally[c], position[c]))
    passing = [c for c in ranked if tally[c] >= needed]
    elected, decisions, tied = _pick(
        passing, tally, seats, "majority", {"needed": needed, "ballots": cast}
    )
    first.decisions.extend(decisions)
    result.winners.extend(elected)
    unfilled = seats - len(elected)
    if not unfilled:
        result.summary = {"status": "complete"}
        return result
    rest = [c for c in ranked if c not in elected and tally[c] > 0]
    if tied:
        second = list(tied)
    else:
        size = unfilled + extra_candidates
        second = rest[:size]
        if len(rest) > size and size:
            second += [c for c in rest[size:] if tally[c] == tally[second[-1]]]
    for c in second:
        first.decisions.append(
            Decision(
                "second_round", c, "next_in_votes", {"votes": tally[c], "seats_left": unfilled}
            )
        )
    result.extra["second_round_candidates"] = second
    result.summary = {"status": "second_round_needed", "seats_unfilled": str(unfilled)}
    data = opts.get("second_round")
    if data is None:
        return result
    _second_round(election, result, data, second, unfilled, registered)
    return result


def _second_round(election, result, data, second, unfilled, registered):
    from consult.tally.inputs import parse

    if not isinstance(data, dict):
        raise TallyError("option second_round must be an object")
    unknown = sorted(set(data) - SECOND_ROUND_FIELDS)
    if unknown:
        raise TallyError(f"second round: unexpected field {unknown[0]!r}")
    if not second:
        result.summary = {"status": "seats_unfilled", "seats_unfilled": str(unfilled)}
        return
    try:
        totals = data.get("totals")
        if totals is not None and "ballots" in data:
            raise TallyError("give either ballots or totals, not both")
        ballots = []
        if totals is None:
            ballots = parse(
                {
                    "method": "committee_majority",
                    "candidates": second,
                    "ballots": data.get("ballots", []),
                }
            ).ballots
        counted = count_round(data, ballots, second, unfilled, totals, "", second_round=True)
        registered = registered_voters(counted, data.get("registered_voters"), registered, "")
    except TallyError as exc:
        raise TallyError(f"second round: {exc}") from None
    tally, cast = counted.tally, counted.cast
    floor = -(-cast // 3)
    rnd = new_round(2, counted, floor)
    result.rounds.append(rnd)
    turnout = election.options.get("require_turnout_again", True)
    if not round_is_valid(result, rnd, counted, registered, turnout, "second round: "):
        result.summary = {
            "status": "second_round_not_valid",
            "seats_unfilled": str(unfilled),
            "reason": rnd.decisions[-1].reason,
        }
        return
    position = {c: i for i, c in enumerate(tally)}
    ranked = sorted(tally, key=lambda c: (-tally[c], position[c]))
    enough = [c for c in ranked if 3 * tally[c] >= cast]
    elected, decisions, tied = _pick(
        enough, tally, unfilled, "second_round_most", {"floor": floor, "ballots": cast}
    )
    rnd.decisions.extend(decisions)
    for c in ranked[:unfilled]:
        if c not in enough:
            rnd.decisions.append(
                Decision(
                    "not_elected",
                    c,
                    "below_one_third",
                    {"votes": tally[c], "floor": floor, "ballots": cast},
                )
            )
    result.winners.extend(elected)
    left = unfilled - len(elected)
    if tied:
        result.extra["new_vote_candidates"] = list(tied)
        result.summary = {"status": "tie_new_vote", "seats_unfilled": str(left)}
        return
    result.summary = {
        "status": "complete" if not left else "seats_unfilled",
        "seats_unfilled": str(left),
    }
    if left:
        members = len(result.winners)
        rule = "vacant_allowed" if members >= VACANCY_MEMBERS else "vacant_if_three"
        rnd.notes.append((rule, {"seats_unfilled": left, "elected": members}))
