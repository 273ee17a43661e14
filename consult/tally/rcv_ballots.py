"""Reading RCTab-style ranked ballots: the ballot groups, the round sums, and where a ballot
goes in a round (:func:`scan`, RCTab's rules for skipped ranks, repeated candidates and
overvotes, in RCTab's order)."""

from __future__ import annotations

from consult.tally.inputs import OVERVOTE_LABEL, ballot_index
from consult.tally.model import TallyError
from consult.tally.numbers import ONE, ZERO

OVERVOTES = "overvotes"
SKIPPED = "skippedRankings"
EXHAUSTED = "exhaustedChoices"
REPEATED = "repeatedRankings"
UNDERVOTE = "undervote"
FINAL_SURPLUS = "finalRoundSurplus"
INACTIVE = (OVERVOTES, SKIPPED, EXHAUSTED, REPEATED, UNDERVOTE, FINAL_SURPLUS)


class Group:
    """Identical ballots: ``value`` is each one's current value, ``amount`` the group's total
    (a plain ``int`` while every ballot is whole, which keeps single-winner counts in ints)."""

    __slots__ = ("order", "ranks", "count", "value", "amount", "recipient")

    def __init__(self, ranks, count, order=None):
        self.order = order  # plain ballots: the candidates in rank order, no gaps or overvotes
        self.ranks = ranks
        self.count = count
        self.value = ONE
        self.amount = count
        self.recipient = None


class Sums:
    """Per-key sums kept as an ``int`` part and a ``Decimal`` part, so that a sum that only
    ever saw whole ballots stays whole (``"6"``) and one that saw a fractional ballot gets
    its scale (``"6.0000"``), exactly as RCTab's ``BigDecimal`` sums do."""

    __slots__ = ("whole", "part")

    def __init__(self, keys):
        self.whole = dict.fromkeys(keys, 0)
        self.part: dict = {}

    def add(self, key, amount):
        if type(amount) is int:
            self.whole[key] += amount
        else:
            self.part[key] = self.part.get(key, ZERO) + amount

    def get(self, key):
        whole = self.whole[key]
        part = self.part.get(key)
        return whole if part is None else part + whole

    def pop(self, key):
        self.part.pop(key, None)
        return self.whole.pop(key)

    def snapshot(self):
        return {k: self.get(k) for k in self.whole}


def build_groups(election, names, rules) -> list[Group]:
    """The distinct ballots as groups of (rank, candidate indexes) pairs; -1 is the overvote label."""
    index = {name: i for i, name in enumerate(names)}
    groups = []
    simple = set(names) - {OVERVOTE_LABEL}
    dup = rules.exhaust_on_duplicate
    for ballot in election.ballots:
        key = ballot.ranking
        if simple.issuperset(key) and not (dup and len(set(key)) < len(key)):
            # names only: no skipped rank, overvote or label, so reading the ballot is
            # just "the first continuing candidate" (``_Count._move`` does that inline)
            if len(key) > rules.max_rankings:
                raise TallyError(
                    f"ranking has {len(key)} choices, the maximum is {rules.max_rankings}",
                    ballot_index(election, ballot),
                )
            groups.append(Group(None, ballot.count, tuple(map(index.__getitem__, key))))
            continue
        ranks = []
        for position, entry in enumerate(ballot.ranking, 1):
            if entry == ():
                continue
            if entry == OVERVOTE_LABEL or entry == (OVERVOTE_LABEL,):
                if rules.overvote == "exhaustIfMultipleContinuing":
                    raise TallyError(
                        "the overvote label needs overvoteRule "
                        "exhaustImmediately or alwaysSkipToNextRank",
                        ballot_index(election, ballot),
                    )
                ranks.append((position, (-1,)))
            elif isinstance(entry, str):
                ranks.append((position, (index[entry],)))
            else:
                ranks.append((position, tuple(dict.fromkeys(index[n] for n in entry))))
        if ranks and ranks[-1][0] > rules.max_rankings:
            raise TallyError(
                f"ranking has {ranks[-1][0]} choices, the maximum is {rules.max_rankings}",
                ballot_index(election, ballot),
            )
        groups.append(Group(tuple(ranks), ballot.count))
    return groups


# -- reading ballots ---------------------------------------------------------------------


def scan(ranks, rules, live, final: bool):
    """Where a ballot goes now: a candidate index, or the reason it is inactive."""
    if not ranks:
        return UNDERVOTE
    max_skip = rules.max_skipped
    seen = set() if rules.exhaust_on_duplicate else None
    last = 0
    last_rank = ranks[-1][0]
    for rank, marks in ranks:
        if final:
            return FINAL_SURPLUS
        if max_skip is not None and rank - last > max_skip + 1:
            return SKIPPED
        last = rank
        if seen is not None:
            for c in marks:
                if c in seen:
                    return REPEATED
                seen.add(c)
        if len(marks) > 1 or marks[0] < 0:
            if marks[0] < 0 or rules.overvote != "exhaustIfMultipleContinuing":
                if rules.overvote == "exhaustImmediately":
                    return OVERVOTES
                if rank == last_rank:
                    return EXHAUSTED
                continue
            if sum(1 for c in marks if live[c]) > 1:
                return OVERVOTES
        for c in marks:
            if live[c]:
                return c
        if rank == last_rank:
            return EXHAUSTED
    return EXHAUSTED
