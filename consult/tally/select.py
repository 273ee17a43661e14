"""Choosing the top candidates of a one-round count, with ties handled by a stated rule.

Option ``tiebreak`` (for every method except irv/stv, which use RCTab's ``tiebreakMode``):

* ``"none"`` (default): a tie that decides a seat is reported (decision ``tied``) and the seat
  stays open: the committee decides, e.g. by a new vote among the tied;
* ``"candidate_order"``: the candidate listed earlier wins;
* ``"random"``: a draw with ``java.util.Random`` seeded by option ``seed``, logged.
"""

from __future__ import annotations

from consult.tally.model import Decision, TallyError
from consult.tally.ties import JavaRandom

TIEBREAKS = ("none", "candidate_order", "random")


def tiebreak_mode(options: dict) -> tuple[str, int | None]:
    mode = options.get("tiebreak", "none")
    if mode not in TIEBREAKS:
        raise TallyError(
            f"option tiebreak: unsupported value {mode!r}; expected one of {', '.join(TIEBREAKS)}"
        )
    seed = options.get("seed")
    if mode == "random" and type(seed) is not int:
        raise TallyError("option tiebreak 'random' needs a whole-number 'seed'")
    return mode, seed


def select_top(
    tally: dict,
    seats: int,
    candidates: list[str],
    options: dict,
    reason: str = "most_votes",
    eligible=None,
) -> tuple[list[str], list[Decision]]:
    """Winners: the ``seats`` candidates with the highest ``tally`` among ``eligible``."""
    mode, seed = tiebreak_mode(options)
    pool = [c for c in candidates if eligible is None or c in eligible]
    position = {c: i for i, c in enumerate(candidates)}
    ordered = sorted(pool, key=lambda c: (-tally[c], position[c]))
    winners: list[str] = []
    decisions: list[Decision] = []
    rng = JavaRandom(seed) if mode == "random" else None
    i = 0
    while len(winners) < seats and i < len(ordered):
        votes = tally[ordered[i]]
        level = [c for c in ordered if tally[c] == votes]
        free = seats - len(winners)
        if len(level) <= free:
            for c in level:
                winners.append(c)
                decisions.append(
                    Decision("elected", c, reason, {"votes": votes, "place": len(winners)})
                )
            i += len(level)
            continue
        if mode == "none":
            for c in level:
                decisions.append(
                    Decision(
                        "tied",
                        c,
                        "tie_open",
                        {"votes": votes, "seats_left": free, "tied": list(level)},
                    )
                )
            break
        if mode == "candidate_order":
            chosen = level[:free]
            tie = {
                "kind": "election",
                "tied": list(level),
                "selected": list(chosen),
                "votes": votes,
                "method": "candidate_order",
                "position": "earliest",
            }
        else:
            remaining = list(level)
            chosen, draws = [], []
            for _ in range(free):
                draw = rng.next_double()
                draws.append(repr(draw))
                chosen.append(remaining.pop(int(draw * len(remaining))))
            tie = {
                "kind": "election",
                "tied": list(level),
                "selected": list(chosen),
                "votes": votes,
                "method": "random",
                "seed": seed,
                "draws": draws,
                "draw": ", ".join(draws),
            }
        for c in chosen:
            winners.append(c)
            decisions.append(
                Decision("elected", c, reason, {"votes": votes, "place": len(winners)}, tie)
            )
        break
    return winners, decisions
