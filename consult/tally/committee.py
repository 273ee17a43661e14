"""``committee_majority``: the residents' committee election rules (PRODUCT.md).

Ballots are ``{"marks": [...], "write_ins": [...], "against": [...], "abstain": [...],
"invalid": false, "count": n}``: ``marks`` are votes for listed candidates, ``write_ins`` votes
for another eligible person (另选他人, counted like a candidate), ``against`` and ``abstain``
are recorded but add no votes. A ballot voting for more people than there are seats is
invalid (无效票), as is one with ``"invalid": true``: counted among the ballots cast, for no one.

Options:

* ``registered_voters`` (required): the voter list; the election is valid only if the ballots
  cast are more than half of it.
* ``ballots_cast``: ballots cast, invalid ones included (default: the ballots given; a larger
  number counts the difference as invalid ballots not itemised).
* ``ballots_issued``: ballots handed out; casting more flags the count (a warning).
* ``second_round_extra`` (default 1): the second round (另行选举) has as candidates the
  unelected with most first-round votes, as many as the unfilled seats plus this number (all
  candidates tied at the cut are included); a tie that decided a seat in round one instead sends
  exactly the tied candidates to a new vote.
* ``second_round``: ``{"ballots": [...], "ballots_cast": n, "registered_voters": n}``, the
  second vote. It must again have more than half of the voters (``require_turnout_again``,
  default true); the most votes win, but a winner needs at least one third of its ballots cast.

Round one: a candidate is elected with more than half of the ballots cast. If more pass than
there are seats, the most votes win; a tie for the last seat is left to a new vote.
"""

from __future__ import annotations

from consult.tally.model import Decision, Election, Result, Round, TallyError

OPTIONS = {
    "registered_voters",
    "ballots_cast",
    "ballots_issued",
    "second_round_extra",
    "second_round",
    "require_turnout_again",
}


def _whole(options, key, default=None, low=0):
    value = options.get(key, default)
    if value is None:
        return None
    if type(value) is not int or value < low:
        raise TallyError(f"option {key} must be a whole number of at least {low}")
    return value


def _tally_round(ballots, candidates, seats, cast_given, allowed=None):
    tally = dict.fromkeys(candidates, 0)
    against = dict.fromkeys(candidates, 0)
    write_ins: list[str] = []
    invalid = abstain = counted = 0
    for b in ballots:
        counted += b.count
        people = list(b.marks) + list(b.get("write_ins", ()))
        if b.get("invalid") or len(set(people)) != len(people) or len(people) > seats:
            invalid += b.count
            continue
        if allowed is not None:
            for name in b.marks:
                if name not in allowed:
                    raise TallyError(f"{name!r} is not a candidate in this round", b.index)
        if not people:
            abstain += b.count
        for name in b.marks:
            tally[name] += b.count
        for name in b.get("write_ins", ()):
            if name not in tally:
                tally[name] = 0
                write_ins.append(name)
            tally[name] += b.count
        for name in b.get("against", ()):
            against[name] = against.get(name, 0) + b.count
    cast = counted if cast_given is None else cast_given
    if cast < counted:
        raise TallyError(f"ballots_cast ({cast}) is less than the {counted} ballots given")
    invalid += cast - counted
    return tally, against, write_ins, {"invalid": invalid, "abstain": abstain}, cast


def _turnout(rnd, cast, registered):
    valid = 2 * cast > registered
    rnd.notes.append(
        (
            "turnout",
            {
                "ballots": cast,
                "eligible": registered,
                "percent": f"{100 * cast / registered:.1f}",
                "valid": valid,
            },
        )
    )
    return valid


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
    registered = _whole(opts, "registered_voters", low=1)
    if registered is None:
        raise TallyError("committee_majority needs option registered_voters")
    issued = _whole(opts, "ballots_issued")
    extra_candidates = _whole(opts, "second_round_extra", 1)
    seats, candidates = election.seats, election.candidates
    tally, against, write_ins, inactive, cast = _tally_round(
        election.ballots, candidates, seats, _whole(opts, "ballots_cast")
    )
    needed = cast // 2 + 1
    first = Round(1, tally, needed, inactive, extra={"against": against, "write_ins": write_ins})
    result = Result("committee_majority", [], [first], list(candidates), seats, cast)
    if issued is not None and cast > issued:
        result.warnings.append(f"{cast} ballots were cast but only {issued} were issued")
        first.notes.append(("over_issued", {"ballots": cast, "issued": issued}))
    if not _turnout(first, cast, registered):
        first.decisions.append(
            Decision("not_valid", "turnout", "turnout", {"ballots": cast, "eligible": registered})
        )
        result.summary = {"status": "not_valid"}
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
    if not second:
        result.summary = {"status": "seats_unfilled", "seats_unfilled": str(unfilled)}
        return
    try:
        sub = parse(
            {
                "method": "committee_majority",
                "candidates": second,
                "ballots": data.get("ballots", []),
            }
        )
        registered = data.get("registered_voters", registered)
        if type(registered) is not int or registered < 1:
            raise TallyError("registered_voters must be a whole number of at least 1")
        cast_given = data.get("ballots_cast")
        if cast_given is not None and (type(cast_given) is not int or cast_given < 0):
            raise TallyError("ballots_cast must be a whole number")
        tally, against, write_ins, inactive, cast = _tally_round(
            sub.ballots, second, unfilled, cast_given, allowed=set(second)
        )
    except TallyError as exc:
        raise TallyError(f"second round: {exc}") from None
    floor = -(-cast // 3)
    rnd = Round(2, tally, floor, inactive, extra={"against": against, "write_ins": write_ins})
    result.rounds.append(rnd)
    if election.options.get("require_turnout_again", True) and not _turnout(rnd, cast, registered):
        rnd.decisions.append(
            Decision("not_valid", "turnout", "turnout", {"ballots": cast, "eligible": registered})
        )
        result.summary = {"status": "second_round_not_valid", "seats_unfilled": str(unfilled)}
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
    result.summary = {
        "status": "complete" if not left else "seats_unfilled",
        "seats_unfilled": str(left),
    }
