"""consult.tally: the counting engine. Pure Python: it imports neither Flask nor SQLAlchemy.

>>> from consult.tally import count
>>> result = count({"method": "plurality", "candidates": ["A", "B"],
...                 "ballots": [{"marks": ["A"], "count": 2}, {"marks": ["B"]}]})
>>> result.winners
['A']

``count`` takes the native form (see :mod:`consult.tally.inputs`; ``committee_majority`` also
takes paper counts per polling station, see :mod:`consult.tally.committee`), an RCTab vector
(recognised by its ``rules`` key, see :mod:`consult.tally.rctab`) or an ``Election``, and
returns a :class:`~consult.tally.model.Result`; ``Result.to_dict()`` is the JSON contract of
``python -m consult.tally``. Bad input raises :class:`TallyError` naming the ballot.
"""

from __future__ import annotations

import gc

from consult.tally.inputs import METHODS, parse
from consult.tally.model import Ballot, Decision, Election, Result, Round, TallyError

__all__ = ["METHODS", "Ballot", "Decision", "Election", "Result", "Round", "TallyError", "count"]


def _counters():
    from consult.tally import borda, committee, rcv, schulze, simple

    return {
        "irv": rcv.count_rcv,
        "stv": rcv.count_rcv,
        "plurality": simple.count_plurality,
        "approval": simple.count_approval,
        "block": simple.count_block,
        "score": simple.count_score,
        "yes_no": simple.count_yes_no,
        "borda": borda.count_borda,
        "schulze": schulze.count_schulze,
        "committee_majority": committee.count_committee,
    }


def count(election, *, explain: bool = True) -> Result:
    """Count an election given as a dict (native or RCTab vector) or an ``Election``.

    ``explain=False`` skips the three-language explanations. The cyclic garbage collector is
    paused while counting (and restored after): with a million ballot dicts in memory its
    sweeps would cost more than the count, and counting creates no reference cycles.
    """
    from consult.tally import explain as explainer
    from consult.tally import rctab

    collecting = gc.isenabled()
    gc.disable()  # a million ballot dicts make the cyclic collector dominate; we build no cycles
    try:
        if isinstance(election, dict) and rctab.is_vector(election):
            election = rctab.vector_to_native(election)
        if not isinstance(election, Election):
            election = parse(election)
        if election.method not in METHODS:
            raise TallyError(f"unknown method {election.method!r}")
        result = _counters()[election.method](election)
        if explain:
            explainer.explain(result)
        return result
    finally:
        if collecting:
            gc.enable()
