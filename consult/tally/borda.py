"""Borda count.

Rule (also stated in every explanation): with ``n`` candidates, a ballot gives ``n - 1`` points
to its first choice, ``n - 2`` to its second, and so on down to 0. Candidates ranked equal
(a list of names at one rank) share the points of the places they take. Candidates the ballot
leaves unranked share the points of the remaining places equally, so every ballot hands out
the same ``n(n - 1)/2`` points. Skipped ranks (``[]``) are ignored; a ballot ranking no one is
an abstention; a candidate ranked twice is an error. Points are exact fractions.
"""

from __future__ import annotations

from fractions import Fraction

from consult.tally.model import Election, Result, Round, TallyError
from consult.tally.select import select_top


def ballot_groups(ballot, known: set) -> list[list[str]]:
    """The ranking as a list of levels (each a list of names), best first."""
    groups: list[list[str]] = []
    seen: set[str] = set()
    for entry in ballot.ranking:
        names = list(entry) if isinstance(entry, tuple) else [entry]
        if not names:
            continue
        for name in names:
            if name not in known:
                raise TallyError(f"unknown candidate {name!r}", ballot.index)
            if name in seen:
                raise TallyError(f"candidate {name!r} is ranked twice", ballot.index)
            seen.add(name)
        groups.append(names)
    return groups


def count_borda(election: Election) -> Result:
    unknown = sorted(set(election.options) - {"tiebreak", "seed"})
    if unknown:
        raise TallyError(f"unknown option {unknown[0]!r} for borda")
    candidates = election.candidates
    n = len(candidates)
    known = set(candidates)
    points = {c: Fraction(0) for c in candidates}
    abstain = 0
    for ballot in election.ballots:
        groups = ballot_groups(ballot, known)
        if not groups:
            abstain += ballot.count
            continue
        place = 0
        for names in groups:
            k = len(names)
            share = Fraction(sum(n - 1 - (place + j) for j in range(k)), k)
            for name in names:
                points[name] += share * ballot.count
            place += k
        rest = [c for c in candidates if not any(c in g for g in groups)]
        if rest:
            share = Fraction(n - place - 1, 2)
            for name in rest:
                points[name] += share * ballot.count
    winners, decisions = select_top(
        points, election.seats, candidates, election.options, reason="most_points"
    )
    rnd = Round(
        1,
        points,
        None,
        {"abstain": abstain},
        decisions,
        notes=[("borda_rule", {"n": n, "top": n - 1})],
    )
    return Result("borda", winners, [rnd], list(candidates), election.seats, election.total_ballots)
