"""Build a native election from compact rows, count it, and return the JSON contract."""

from consult.tally import count


def _tally(method, candidates, field, rows, seats, options):
    ballots = [{field: list(choice), "count": number} for number, choice in rows]
    election = {
        "method": method,
        "seats": seats,
        "candidates": list(candidates),
        "options": options,
        "ballots": ballots,
    }
    return count(election).to_dict()


def ranked(method, candidates, rows, seats=1, **options):
    """``rows``: (count, ranking) pairs."""
    return _tally(method, candidates, "ranking", rows, seats, options)


def marked(method, candidates, rows, seats=1, **options):
    """``rows``: (count, marks) pairs."""
    return _tally(method, candidates, "marks", rows, seats, options)
