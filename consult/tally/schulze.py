"""The Schulze method (winning votes).

Each ballot ranks candidates (a list of names at one rank means equal); candidates it leaves
unranked come after all ranked ones, equal among themselves. ``pairwise[X][Y]`` is the number
of voters who prefer X to Y. A direct link X→Y has strength ``pairwise[X][Y]`` when X beats Y
(more voters prefer X to Y than Y to X) and 0 otherwise; ``strongest_paths[X][Y]`` is the
strength of the strongest path from X to Y, where a path is as strong as its weakest link.
X ranks above Y when ``strongest_paths[X][Y] > strongest_paths[Y][X]``. The result carries
both matrices and the full ranking (a list of levels, best first); ``seats`` winners are taken
from the top. Each candidate's ``tally`` is the number of candidates it ranks above.
"""

from __future__ import annotations

from consult.tally.borda import ballot_groups
from consult.tally.model import Election, Result, Round, TallyError
from consult.tally.select import select_top


def count_schulze(election: Election) -> Result:
    unknown = sorted(set(election.options) - {"tiebreak", "seed"})
    if unknown:
        raise TallyError(f"unknown option {unknown[0]!r} for schulze")
    cands = election.candidates
    n = len(cands)
    idx = {c: i for i, c in enumerate(cands)}
    known = set(cands)
    d = [[0] * n for _ in range(n)]
    abstain = 0
    for ballot in election.ballots:
        groups = ballot_groups(ballot, known)
        if not groups:
            abstain += ballot.count
            continue
        level = [len(groups)] * n
        for lv, names in enumerate(groups):
            for name in names:
                level[idx[name]] = lv
        w = ballot.count
        for i in range(n):
            li = level[i]
            row = d[i]
            for j in range(n):
                if li < level[j]:
                    row[j] += w
    p = [[d[i][j] if d[i][j] > d[j][i] else 0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            pji = p[j][i]
            if not pji:
                continue
            for k in range(n):
                if k not in (i, j):
                    via = min(pji, p[i][k])
                    if via > p[j][k]:
                        p[j][k] = via
    wins = {cands[i]: sum(1 for j in range(n) if p[i][j] > p[j][i]) for i in range(n)}
    order = sorted(cands, key=lambda c: (-wins[c], idx[c]))
    ranking: list[list[str]] = []
    for c in order:
        if ranking and wins[ranking[-1][0]] == wins[c]:
            ranking[-1].append(c)
        else:
            ranking.append([c])
    winners, decisions = select_top(
        wins, election.seats, cands, election.options, reason="schulze_rank"
    )
    rnd = Round(
        1,
        wins,
        None,
        {"abstain": abstain},
        decisions,
        notes=[("schulze_rule", {"ranking": " > ".join(" = ".join(g) for g in ranking)})],
    )
    extra = {
        "pairwise": {cands[i]: {cands[j]: d[i][j] for j in range(n) if j != i} for i in range(n)},
        "strongest_paths": {
            cands[i]: {cands[j]: p[i][j] for j in range(n) if j != i} for i in range(n)
        },
        "ranking": ranking,
    }
    return Result(
        "schulze", winners, [rnd], list(cands), election.seats, election.total_ballots, extra=extra
    )
