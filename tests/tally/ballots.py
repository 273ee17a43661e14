"""Build a native election from compact rows, count it, and return the JSON contract.

A committee_majority election is counted from its ballots and from their totals, which must
agree (tests/tally/totals.py).
"""

from consult.tally import count
from tests.tally.totals import count_both_ways


def _tally(method, candidates, field, rows, seats, options):
    ballots = [{field: list(choice), "count": number} for number, choice in rows]
    election = {
        "method": method,
        "seats": seats,
        "candidates": list(candidates),
        "options": options,
        "ballots": ballots,
    }
    if method == "committee_majority":
        return count_both_ways(election)
    return count(election).to_dict()


def ranked(method, candidates, rows, seats=1, **options):
    """``rows``: (count, ranking) pairs."""
    return _tally(method, candidates, "ranking", rows, seats, options)


def marked(method, candidates, rows, seats=1, **options):
    """``rows``: (count, marks) pairs."""
    return _tally(method, candidates, "marks", rows, seats, options)
