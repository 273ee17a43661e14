"""Breaking ties by a stated rule, and logging how.

``JavaRandom`` reproduces ``java.util.Random`` bit for bit, so a seeded random draw here picks
the same candidate as RCTab does with the same ``randomSeed``. Every tie returns a record
(``tied``, ``selected``, ``method``, and for draws ``seed`` and ``draw``) that goes into the
round's decisions and explanation.
"""

from __future__ import annotations

from decimal import Decimal

from consult.tally.model import TallyError

_MULT = 0x5DEECE66D
_MASK = (1 << 48) - 1

MODES = (
    "useCandidateOrder",
    "random",
    "previousRoundCountsThenRandom",
    "generatePermutation",
)


class JavaRandom:
    """``java.util.Random``: the 48-bit linear congruential generator."""

    def __init__(self, seed: int):
        self.seed = seed
        self._state = (seed ^ _MULT) & _MASK

    def _next(self, bits: int) -> int:
        self._state = (self._state * _MULT + 0xB) & _MASK
        value = self._state >> (48 - bits)
        return value - (1 << bits) if value >= 1 << (bits - 1) else value

    def next_double(self) -> float:
        high = self._next(26) & ((1 << 26) - 1)
        low = self._next(27) & ((1 << 27) - 1)
        return ((high << 27) + low) * (1.0 / (1 << 53))

    def next_int(self, bound: int) -> int:
        if bound <= 0:
            raise ValueError("bound must be positive")
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:
            u = self._next(31)
            r = u % bound
        return r


def java_sorted(names):
    """Sort as Java's ``String.compareTo`` does (UTF-16 code units)."""
    return sorted(names, key=lambda s: s.encode("utf-16-be"))


class TieBreaker:
    """One per count. ``order`` is the candidate order used by ``useCandidateOrder``."""

    def __init__(self, mode: str, order: list[str], seed: int | None):
        if mode not in MODES:
            raise TallyError(
                f"option tiebreakMode: unsupported value {mode!r}; "
                f"expected one of {', '.join(MODES)}"
            )
        needs_seed = mode != "useCandidateOrder"
        if needs_seed and seed is None:
            raise TallyError(f"option tiebreakMode {mode!r} needs a randomSeed")
        self.mode = mode
        self.seed = seed
        self.random = JavaRandom(seed) if needs_seed else None
        self.order = list(order)
        if mode == "generatePermutation":
            permutation = java_sorted(self.order)
            for i in range(len(permutation), 1, -1):
                j = self.random.next_int(i)
                permutation[i - 1], permutation[j] = permutation[j], permutation[i - 1]
            self.order = permutation

    def choose(self, tied, *, winner: bool, votes, history=None) -> tuple[str, dict]:
        """Pick the winner (``winner=True``) or the loser among ``tied``.

        ``history`` is a list of earlier rounds' tallies, newest first, for
        ``previousRoundCountsThenRandom``.
        """
        tied = java_sorted(tied)
        record = {
            "kind": "election" if winner else "elimination",
            "tied": list(tied),
            "votes": votes,
        }
        if self.mode in ("useCandidateOrder", "generatePermutation"):
            order = self.order if winner else list(reversed(self.order))
            selected = next(c for c in order if c in tied)
            record.update(
                selected=selected,
                method="candidate_order",
                position="earliest" if winner else "latest",
            )
            return selected, record
        contenders = tied
        if self.mode == "previousRoundCountsThenRandom":
            for number, tally in history or ():
                counts = [(tally.get(c, Decimal(0)), c) for c in contenders]
                best = max(v for v, _ in counts) if winner else min(v for v, _ in counts)
                contenders = [c for v, c in counts if v == best]
                if len(contenders) == 1:
                    record.update(
                        selected=contenders[0],
                        method="previous_round",
                        previous_round=number,
                        previous_votes=best,
                    )
                    return contenders[0], record
        draw = self.random.next_double()
        selected = contenders[int(draw * len(contenders))]
        record.update(
            selected=selected,
            method="random",
            seed=self.seed,
            draw=repr(draw),
            drawn_among=list(contenders),
        )
        return selected, record
