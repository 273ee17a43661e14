"""Read the native input form into an :class:`~consult.tally.model.Election`.

Native form::

    {"method": "irv", "seats": 1, "candidates": ["A", "B"], "options": {...},
     "ballots": [{"ranking": ["A", "B"], "count": 3}, {"marks": ["A"]}, {"scores": {"A": 5}}]}

``count`` defaults to 1. A ``ranking`` entry is a name, a list of names (an overvote; for
Borda and Schulze, candidates ranked equal), ``[]`` for a skipped rank, or ``"overvote"``
(RCTab's explicit overvote label). Identical ballots are grouped here, once, so that every
later step works on distinct ballots only; each group remembers the 1-based position of its
first ballot for error messages.

Any ballot may carry a ``receipt``: the receipt code that a published ballot list prints beside
each ballot. It must be a string and is otherwise ignored, so receipts never split identical
ballots into separate groups (and plain ranked ballots with receipts keep the fast grouping).

``committee_majority`` also takes the paper counts instead of ballots: ``"totals"`` in place of
``"ballots"`` (see :mod:`consult.tally.committee`).
"""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from operator import itemgetter
from typing import Any

from consult.tally.model import Ballot, Election, TallyError

RANKED = ("irv", "stv", "borda", "schulze")
MARKED = ("plurality", "approval", "block", "yes_no", "committee_majority")
SCORED = ("score",)
METHODS = (
    RANKED[:2]
    + ("plurality", "approval", "block", "score", "borda", "schulze")
    + (
        "yes_no",
        "committee_majority",
    )
)
OVERVOTE_LABEL = "overvote"
UWI = "Undeclared Write-ins"
YES_NO = ["yes", "no", "abstain"]
MARK_FIELDS = ("marks", "write_ins", "against", "abstain", "invalid")
RECEIPT = "receipt"
IGNORED = ("count", RECEIPT)  # not part of what a ballot says


def parse(data: Any) -> Election:
    if not isinstance(data, dict):
        raise TallyError("the input must be a JSON object")
    method = data.get("method")
    if method not in METHODS:
        raise TallyError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    candidates = data.get("candidates", YES_NO if method == "yes_no" else None)
    if not isinstance(candidates, list) or not candidates:
        raise TallyError("'candidates' must be a non-empty list of names")
    for name in candidates:
        if not isinstance(name, str) or not name.strip():
            raise TallyError(f"candidate names must be non-empty strings, not {name!r}")
    if len(set(candidates)) != len(candidates):
        raise TallyError("candidate names must be unique")
    seats = data.get("seats", 1)
    if type(seats) is not int or seats < 1:
        raise TallyError("'seats' must be a whole number of at least 1")
    if seats > len(candidates) and method not in ("yes_no", "committee_majority"):
        raise TallyError(f"{seats} seats but only {len(candidates)} candidates")
    options = data.get("options", {})
    if not isinstance(options, dict):
        raise TallyError("'options' must be an object")
    raw = data.get("ballots")
    if "totals" in data:
        return _totals_election(method, candidates, seats, options, data)
    if not isinstance(raw, list):
        raise TallyError("'ballots' must be a list")
    if method in RANKED:
        groups = _fast_group_rankings(raw)
        if groups is None:
            groups = _group_rankings(raw)
        known = set(candidates)
        ballots = [
            _check_ranking(key, count, index, method, known, raw)
            for key, (count, index) in groups.items()
        ]
    elif method in SCORED:
        ballots = [
            _check_scores(k, c, i, candidates) for k, (c, i) in _group(raw, "scores").items()
        ]
    else:
        ballots = [
            _check_marks(k, c, i, method, candidates) for k, (c, i) in _group(raw, "marks").items()
        ]
    total = sum(b.count for b in ballots)
    return Election(method, list(candidates), ballots, seats, dict(options), total, raw)


def _totals_election(method, candidates, seats, options, data) -> Election:
    """An election given by its paper counts: checked by ``committee_majority`` itself."""
    if method != "committee_majority":
        raise TallyError("'totals' are only counted by committee_majority")
    if "ballots" in data:
        raise TallyError("give either 'ballots' or 'totals', not both")
    return Election(method, list(candidates), [], seats, dict(options), totals=data["totals"])


def _receipt(ballot: dict, index: int) -> None:
    if type(ballot.get(RECEIPT, "")) is not str:
        raise TallyError("'receipt' must be a string", index)


def _count(ballot: dict, index: int) -> int:
    count = ballot.get("count", 1)
    if type(count) is not int or count < 0:
        raise TallyError("'count' must be a whole number of at least 0", index)
    return count


def _fast_group_rankings(raw: list) -> dict | None:
    """Group plain ``{"ranking": [names]}`` ballots, each perhaps with a string ``receipt``,
    with C-speed built-ins, or return None.

    The first-ballot index of a group is looked up only if that group turns out to be bad.
    """
    try:
        rankings = list(map(itemgetter("ranking"), raw))
        # one pass: each ballot's number of fields (1: no "count"), its ranking's type, and
        # the ranking itself as a hashable key
        counted = Counter(
            zip(map(len, raw), map(type, rankings), map(tuple, rankings), strict=True)
        )
        sizes = Counter()
        for (size, _, _), n in counted.items():
            sizes[size] += n
        if sizes.keys() - {1, 2} or any(kind is not list for _, kind, _ in counted):
            return None
        # two fields are plain only if the second is a string receipt: one more C-speed pass
        if sizes[2] and Counter(map(type, map(dict.get, raw, repeat(RECEIPT)))) != Counter(
            {str: sizes[2], type(None): sizes[1]}
        ):
            return None
    except (KeyError, TypeError, IndexError, AttributeError):
        return None
    if not counted:
        return None
    groups: dict = {}
    for (_, _, key), n in counted.items():
        entry = groups.get(key)
        if entry is None:
            groups[key] = [n, 0]
        else:
            entry[0] += n
    return groups


def ballot_index(election: Election, ballot: Ballot) -> int | None:
    """The 1-based position of the first input ballot of a group (found lazily)."""
    if ballot.index or election.source is None:
        return ballot.index or None
    return _first_index(election.source, ballot.ranking) or None


def _first_index(raw: list, key: tuple) -> int:
    for index, ballot in enumerate(raw, 1):
        ranking = ballot.get("ranking") if isinstance(ballot, dict) else None
        if (
            isinstance(ranking, list)
            and tuple(tuple(e) if isinstance(e, list) else e for e in ranking) == key
        ):
            return index
    return 0


def _group_rankings(raw: list) -> dict:
    groups: dict = {}
    get = groups.get
    for index, ballot in enumerate(raw, 1):
        if type(ballot) is not dict:
            raise TallyError("a ballot must be an object", index)
        ranking = ballot.get("ranking")
        if type(ranking) is not list:
            raise TallyError("a ranked ballot needs a 'ranking' list", index)
        count = ballot.get("count", 1)
        if type(count) is not int or count < 0:
            _count(ballot, index)
        if RECEIPT in ballot:
            _receipt(ballot, index)
        try:
            key = tuple(ranking)
            entry = get(key)
        except TypeError:
            key = tuple(_freeze_entry(e, index) for e in ranking)
            entry = get(key)
        if entry is None:
            groups[key] = [count, index]
        else:
            entry[0] += count
    return groups


def _freeze_entry(entry, index: int):
    if isinstance(entry, list):
        if not all(isinstance(n, str) for n in entry):
            raise TallyError("a ranking entry must be a name or a list of names", index)
        return tuple(entry)
    return entry


def _check_ranking(key: tuple, count: int, index: int, method: str, known: set, raw) -> Ballot:
    if known.issuperset(key):  # plain names only: the common case, checked in C
        return Ballot(count=count, index=index, ranking=key)
    rcv = method in ("irv", "stv")
    for entry in key:
        names = entry if isinstance(entry, tuple) else (entry,)
        for name in names:
            if name in known or (rcv and name == OVERVOTE_LABEL and len(names) == 1):
                continue
            index = index or _first_index(raw, key)
            if not isinstance(name, str):
                raise TallyError("a ranking entry must be a name or a list of names", index)
            raise TallyError(f"unknown candidate {name!r}", index)
    return Ballot(count=count, index=index, ranking=key)


def _freeze(value, index: int):
    if isinstance(value, list):
        return tuple(_freeze(v, index) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v, index)) for k, v in value.items()))
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    raise TallyError(f"unexpected value {value!r}", index)


def _group(raw: list, field: str) -> dict:
    groups: dict = {}
    for index, ballot in enumerate(raw, 1):
        if type(ballot) is not dict:
            raise TallyError("a ballot must be an object", index)
        count = _count(ballot, index)
        _receipt(ballot, index)
        key = tuple(sorted((k, _freeze(v, index)) for k, v in ballot.items() if k not in IGNORED))
        entry = groups.get(key)
        if entry is None:
            groups[key] = [count, index]
        else:
            entry[0] += count
    return groups


def _check_scores(key: tuple, count: int, index: int, candidates: list) -> Ballot:
    fields = dict(key)
    unknown = set(fields) - {"scores"}
    if unknown:
        raise TallyError(f"unexpected field {sorted(unknown)[0]!r} on a scored ballot", index)
    scores = fields.get("scores", ())
    if not isinstance(scores, tuple) or any(not isinstance(p, tuple) for p in scores):
        raise TallyError("a scored ballot needs a 'scores' object", index)
    known = set(candidates)
    for name, score in scores:
        if name not in known:
            raise TallyError(f"unknown candidate {name!r}", index)
        if type(score) is not int:
            raise TallyError(f"the score for {name!r} must be a whole number", index)
    return Ballot(count=count, index=index, scores=scores)


def _check_marks(key: tuple, count: int, index: int, method: str, candidates: list) -> Ballot:
    fields = dict(key)
    unknown = set(fields) - set(MARK_FIELDS)
    if unknown:
        raise TallyError(f"unexpected field {sorted(unknown)[0]!r} on a marked ballot", index)
    marks = fields.get("marks", ())
    if not isinstance(marks, tuple) or not all(isinstance(m, str) for m in marks):
        raise TallyError("'marks' must be a list of names", index)
    known = set(candidates)
    for name in marks:
        if name not in known:
            raise TallyError(f"unknown candidate {name!r}", index)
    extra = []
    for name in ("write_ins", "against", "abstain"):
        values = fields.get(name, ())
        if not isinstance(values, tuple) or not all(isinstance(v, str) for v in values):
            raise TallyError(f"{name!r} must be a list of names", index)
        if name != "write_ins":
            for value in values:
                if value not in known:
                    raise TallyError(f"unknown candidate {value!r}", index)
        if values:
            extra.append((name, values))
    if "write_ins" in fields and method != "committee_majority":
        raise TallyError("write-ins are only counted by committee_majority", index)
    invalid = fields.get("invalid", False)
    if not isinstance(invalid, bool):
        raise TallyError("'invalid' must be true or false", index)
    if invalid:
        extra.append(("invalid", True))
    return Ballot(count=count, index=index, marks=marks, extra=tuple(extra))
