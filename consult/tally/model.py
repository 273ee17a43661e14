"""The data the engine works on and hands back.

``Election`` holds *grouped* ballots: identical ballots are merged into one ``Ballot`` with a
``count`` before any counting starts, so a million ballots that fall into a few hundred
patterns are counted as a few hundred. ``Ballot.index`` is the 1-based position of the first
ballot of the group in the input, which is what error messages name.

``Result.to_dict()`` produces the JSON contract of ``python -m consult.tally``: numbers are
strings, every round has ``round``, ``threshold``, ``tally``, ``inactive`` and ``decisions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consult.tally.numbers import fmt


class TallyError(ValueError):
    """Bad input: an unknown method or candidate, a malformed ballot, a bad option."""

    def __init__(self, message: str, ballot: int | None = None):
        self.ballot = ballot
        super().__init__(f"ballot {ballot}: {message}" if ballot is not None else message)


@dataclass(frozen=True, slots=True)
class Ballot:
    """One group of identical ballots.

    ``ranking`` entries are a name, a tuple of names (an overvote, or a tie for Borda/Schulze),
    ``()`` for a skipped rank, or the label ``"overvote"``. ``marks`` are names; ``scores`` a
    tuple of ``(name, score)`` pairs; ``extra`` holds method-specific fields (``write_ins``,
    ``against``, ``invalid``).
    """

    count: int
    index: int
    ranking: tuple | None = None
    marks: tuple | None = None
    scores: tuple | None = None
    extra: tuple = ()

    def get(self, key: str, default=None):
        for k, v in self.extra:
            if k == key:
                return v
        return default


@dataclass(slots=True)
class Election:
    method: str
    candidates: list[str]
    ballots: list[Ballot]
    seats: int = 1
    options: dict[str, Any] = field(default_factory=dict)
    total_ballots: int = 0
    source: list | None = field(default=None, repr=False, compare=False)
    # committee_majority's paper counts, given instead of ballots (checked when counted)
    totals: Any = None

    def __post_init__(self):
        if not self.total_ballots:
            self.total_ballots = sum(b.count for b in self.ballots)


@dataclass(slots=True)
class Decision:
    """``kind`` is elected, eliminated, passed, rejected, tied or not_valid; ``reason`` a code
    that ``consult.tally.explain`` turns into a sentence; ``params`` its placeholders."""

    kind: str
    candidate: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)
    tie: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"decision": self.kind, "candidate": self.candidate, "reason": self.reason}
        out.update({k: _jsonable(v) for k, v in self.params.items()})
        if self.tie:
            out["tie"] = _jsonable(self.tie)
        return out


@dataclass(slots=True)
class Round:
    number: int
    tally: dict[str, Any]
    threshold: Any = None
    inactive: dict[str, Any] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    transfers: dict[str, dict[str, Any]] = field(default_factory=dict)
    residual_surplus: Any = None
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    explanation: dict[str, str] = field(default_factory=dict)

    def active(self):
        return sum(self.tally.values())

    def inactive_total(self):
        return sum(self.inactive.values())

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "round": self.number,
            "threshold": fmt(self.threshold),
            "tally": {name: fmt(v) for name, v in self.tally.items()},
            "inactive": {k: fmt(v) for k, v in self.inactive.items() if v},
            "decisions": [[d.kind, d.candidate] for d in self.decisions],
            "details": [d.to_dict() for d in self.decisions],
        }
        if self.transfers:
            out["transfers"] = {
                src: {dst: fmt(v) for dst, v in dsts.items()}
                for src, dsts in self.transfers.items()
            }
        if self.residual_surplus is not None:
            out["residualSurplus"] = fmt(self.residual_surplus)
        ties = [d.tie for d in self.decisions if d.tie]
        if ties:
            out["ties"] = _jsonable(ties)
        out.update({k: _jsonable(v) for k, v in self.extra.items()})
        if self.explanation:
            out["explanation"] = dict(self.explanation)
        return out


@dataclass(slots=True)
class Result:
    method: str
    winners: list[str]
    rounds: list[Round]
    candidates: list[str] = field(default_factory=list)
    seats: int = 1
    total_ballots: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    summary: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method,
            "seats": self.seats,
            "candidates": list(self.candidates),
            "ballots": str(self.total_ballots),
            "winners": list(self.winners),
            "rounds": [r.to_dict() for r in self.rounds],
        }
        out.update({k: _jsonable(v) for k, v in self.extra.items()})
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.summary:
            out["summary"] = dict(self.summary)
        return out


def _jsonable(value):
    """Numbers to strings, tuples to lists, recursively."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | bool) or value is None:
        return value
    try:
        return fmt(value)
    except TypeError:
        return str(value)
