"""One-round methods: ``plurality``, ``approval``, ``block``, ``score`` and ``yes_no``.

Ballots are ``{"marks": [...]}`` (``{"scores": {...}}`` for score). A ballot with no mark is an
abstention (弃权); a ballot that breaks the method's rule is an invalid ballot (无效票): counted
among the ballots cast but for no one. Both appear under ``inactive``.

* ``plurality``: one mark; more is invalid. The ``seats`` candidates with most votes win.
* ``approval``: any number of marks (a candidate marked twice makes the ballot invalid).
* ``block``: up to ``seats`` marks; a ballot marking more is invalid.
* ``score``: option ``max`` (default 10); each candidate gets a whole score from 0 to ``max``,
  a candidate left out scores 0; the highest total wins. A score out of range is an error.
* ``yes_no``: candidates are ``yes``, ``no``, ``abstain``; one mark (more is invalid; no mark
  counts as ``abstain``). Options: ``quorum`` (ballots needed, abstentions and invalid ballots
  included), ``majority_of``: ``"cast"`` (default: more yes than half of yes + no),
  ``"ballots"`` (more than half of all ballots cast) or ``"eligible"`` (more than half of
  ``eligible`` voters); ``eligible`` also gives the turnout.

Ties for a seat follow option ``tiebreak`` (see :mod:`consult.tally.select`).
"""

from __future__ import annotations

from fractions import Fraction

from consult.tally.model import Decision, Election, Result, Round, TallyError
from consult.tally.select import select_top

INVALID = "invalid"
ABSTAIN = "abstain"


def _marks_count(election: Election, valid) -> Result:
    tally = dict.fromkeys(election.candidates, 0)
    inactive = {INVALID: 0, ABSTAIN: 0}
    for b in election.ballots:
        if b.get("invalid"):
            inactive[INVALID] += b.count
        elif not b.marks:
            inactive[ABSTAIN] += b.count
        elif len(set(b.marks)) != len(b.marks) or not valid(b.marks):
            inactive[INVALID] += b.count
        else:
            for name in b.marks:
                tally[name] += b.count
    winners, decisions = select_top(tally, election.seats, election.candidates, election.options)
    rnd = Round(1, tally, None, inactive, decisions)
    return Result(
        election.method,
        winners,
        [rnd],
        list(election.candidates),
        election.seats,
        election.total_ballots,
    )


def _no_options(election: Election, allowed=("tiebreak", "seed")):
    unknown = sorted(set(election.options) - set(allowed))
    if unknown:
        raise TallyError(f"unknown option {unknown[0]!r} for {election.method}")


def count_plurality(election: Election) -> Result:
    _no_options(election)
    return _marks_count(election, lambda marks: len(marks) == 1)


def count_approval(election: Election) -> Result:
    _no_options(election)
    return _marks_count(election, lambda marks: True)


def count_block(election: Election) -> Result:
    _no_options(election)
    result = _marks_count(election, lambda marks: len(marks) <= election.seats)
    result.rounds[0].notes.append(("block_rule", {"seats": election.seats}))
    return result


def count_score(election: Election) -> Result:
    _no_options(election, ("tiebreak", "seed", "max"))
    top = election.options.get("max", 10)
    if type(top) is not int or top < 1:
        raise TallyError("option max must be a whole number of at least 1")
    tally = dict.fromkeys(election.candidates, 0)
    scored = dict.fromkeys(election.candidates, 0)
    inactive = {ABSTAIN: 0}
    for b in election.ballots:
        if not b.scores:
            inactive[ABSTAIN] += b.count
            continue
        for name, score in b.scores:
            if not 0 <= score <= top:
                raise TallyError(f"the score for {name!r} is {score}, outside 0..{top}", b.index)
            tally[name] += score * b.count
            scored[name] += b.count
    winners, decisions = select_top(
        tally, election.seats, election.candidates, election.options, reason="highest_score"
    )
    rnd = Round(1, tally, None, inactive, decisions, notes=[("score_rule", {"max": top})])
    rnd.extra["ballots_scoring"] = scored
    rnd.extra["ballots_counted"] = sum(b.count for b in election.ballots if b.scores)
    return Result(
        "score", winners, [rnd], list(election.candidates), election.seats, election.total_ballots
    )


def count_yes_no(election: Election) -> Result:
    _no_options(election, ("quorum", "majority_of", "eligible"))
    if sorted(election.candidates) != ["abstain", "no", "yes"]:
        raise TallyError("yes_no candidates are 'yes', 'no' and 'abstain'")
    opts = election.options
    basis = opts.get("majority_of", "cast")
    if basis not in ("cast", "ballots", "eligible"):
        raise TallyError("option majority_of must be 'cast', 'ballots' or 'eligible'")
    eligible = opts.get("eligible")
    if eligible is not None and (type(eligible) is not int or eligible < 1):
        raise TallyError("option eligible must be a whole number of at least 1")
    if basis == "eligible" and eligible is None:
        raise TallyError("majority_of 'eligible' needs option eligible")
    quorum = opts.get("quorum")
    if quorum is not None and (type(quorum) is not int or quorum < 0):
        raise TallyError("option quorum must be a whole number")
    tally = {"yes": 0, "no": 0, "abstain": 0}
    inactive = {INVALID: 0}
    for b in election.ballots:
        if b.get("invalid") or len(b.marks) > 1:
            inactive[INVALID] += b.count
        else:
            tally[b.marks[0] if b.marks else "abstain"] += b.count
    cast = election.total_ballots
    base = {"cast": tally["yes"] + tally["no"], "ballots": cast, "eligible": eligible}[basis]
    needed = base // 2 + 1
    params = {
        "yes": tally["yes"],
        "no": tally["no"],
        "abstain": tally["abstain"],
        "needed": needed,
        "basis": basis,
        "base": base,
        "ballots": cast,
    }
    notes = []
    if eligible:
        turnout = Fraction(cast, eligible)
        notes.append(
            (
                "turnout",
                {"ballots": cast, "eligible": eligible, "percent": f"{float(turnout) * 100:.1f}"},
            )
        )
    if quorum is not None and cast < quorum:
        decision = Decision("not_valid", "yes", "quorum", dict(params, quorum=quorum))
        winners = []
    elif tally["yes"] >= needed:
        decision = Decision("passed", "yes", "majority", params)
        winners = ["yes"]
    else:
        decision = Decision("rejected", "yes", "no_majority", params)
        winners = ["no"]
    rnd = Round(1, tally, needed, inactive, [decision], notes=notes)
    if quorum is not None:
        rnd.extra["quorum"] = quorum
    return Result("yes_no", winners, [rnd], ["yes", "no", "abstain"], 1, cast)
