"""The two decisions of an RCTab round: who is elected, and otherwise who is eliminated."""

from __future__ import annotations

from consult.tally.model import Decision, TallyError
from consult.tally.rcv_rules import ONE_PER_ROUND


def identify_winners(count, tally, continuing, rnd):
    rules, names, uwi = count.rules, count.names, count.uwi
    threshold = count.threshold
    if uwi is not None and count.live[uwi] and tally.get(uwi, 0) != 0:
        return []
    levels = count._by_votes(tally)
    unfilled = rules.seats - len(count.won)
    selected: list[int] = []
    reason = "threshold"
    if unfilled > 0:
        if len(continuing) == unfilled:
            selected = list(continuing)
            reason = "remaining"
        elif rules.first_round_threshold and len(continuing) - 1 == rules.seats:
            selected = list(levels[-1][1])
            reason = "most_votes"
        else:
            selected = [c for c in continuing if tally[c] >= threshold and c != uwi]
    many = len(selected) > 1 and (rules.mode == ONE_PER_ROUND or rules.first_round_threshold)
    none = (
        rules.seats == 1
        and not selected
        and len(continuing) == 2
        and unfilled == 1
        and all(v >= rules.minimum for v, _ in levels)
    )
    tie = None
    if many or none:
        top, at_top = levels[-1]
        selected = list(at_top)
        reason = "one_per_round" if many else "last_two"
        if len(selected) > 1:
            chosen, tie = count.ties.choose(
                [names[c] for c in selected], winner=True, votes=top, history=count.history
            )
            selected = [names.index(chosen)]
    order = {c: i for i, c in enumerate(continuing)}
    selected.sort(key=lambda c: (-tally[c], order[c]))
    for c in selected:
        rnd.decisions.append(
            Decision("elected", names[c], reason, {"votes": tally[c], "threshold": threshold}, tie)
        )
    return selected


def eliminate(count, tally, continuing, rnd):
    rules, names, uwi = count.rules, count.names, count.uwi
    levels = count._by_votes(tally)
    if uwi is not None and count.live[uwi] and tally[uwi] > 0:
        rnd.decisions.append(Decision("eliminated", names[uwi], "write_ins", {"votes": tally[uwi]}))
        return [uwi]
    if rules.minimum > 0 and levels[0][0] < rules.minimum:
        below = [c for v, cs in levels if v < rules.minimum for c in cs]
        if len(below) == len([c for c in continuing if c != uwi]):
            raise TallyError("every candidate is below the minimumVoteThreshold")
        for c in below:
            rnd.decisions.append(
                Decision(
                    "eliminated",
                    names[c],
                    "below_minimum",
                    {"votes": tally[c], "minimum": rules.minimum},
                )
            )
        return below
    if rules.batch:
        batch = _batch(count, levels)
        if len(batch) > 1:
            for c, running, next_lowest in batch:
                rnd.decisions.append(
                    Decision(
                        "eliminated",
                        names[c],
                        "batch",
                        {"votes": tally[c], "combined": running, "next": next_lowest},
                    )
                )
            return [c for c, _, _ in batch]
    if not levels:
        raise TallyError("no candidate could be eliminated")
    low, at_low = levels[0]
    tie = None
    if len(at_low) > 1:
        chosen, tie = count.ties.choose(
            [names[c] for c in at_low], winner=False, votes=low, history=count.history
        )
        loser = names.index(chosen)
    else:
        loser = at_low[0]
    rnd.decisions.append(Decision("eliminated", names[loser], "fewest", {"votes": low}, tie))
    return [loser]


def _batch(count, levels):
    """RCTab's batch elimination: drop everyone whose combined votes can't reach the next."""
    running = 0
    seen: list[int] = []
    done: set[int] = set()
    eliminations: list = []
    previous: list = []
    for votes, candidates in levels:
        new = list(eliminations)
        if running < votes:
            for c in seen:
                if c not in done:
                    done.add(c)
                    new.append((c, running, votes))
        running += votes * len(candidates)
        seen.extend(candidates)
        if len(new) > len(eliminations):
            previous, eliminations = eliminations, new
    rules = count.rules
    if rules.continue_until_two and len(eliminations) + len(count.out) == len(count.names) - 1:
        eliminations = previous
    return eliminations
