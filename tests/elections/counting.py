"""Election day in tests: an election ready to count (lists and candidates published),
the count begun on election day, and figures typed as the count form sends them."""

from datetime import timedelta

from consult.elections.services import candidates, counts
from tests.elections.conftest import DAY, add_candidates

# Ten voters are listed (the Chinese adults with a birth date in tests/elections/conftest).
CANDIDATES = {
    "director": [("王芳", 12), ("陈磊", 8)],
    "member": [("周敏", 10), ("刘洋", 9), ("孙丽", 7)],
}


def prepare(listed_election, committee_user, register, db, frozen, **kwargs):
    """Listed on D-20, candidates published on D-5: then election day, the count begun."""
    election = listed_election(stations=kwargs.pop("stations", 2), **kwargs)
    add_candidates(committee_user, election, register, CANDIDATES)
    frozen(DAY - timedelta(days=5))
    candidates.publish_candidates(committee_user, election)
    frozen(DAY)
    counts.begin_count(committee_user, election)
    db.session.commit()
    return election


def contest(election, kind):
    return next(c for c in election.contests if c.kind.value == kind)


def figures(signed, cast, invalid=0, blank=0, votes=(), against=(), abstain=(), write_ins=()):
    """The count form's values: one number per candidate, in the round's order."""
    return {
        "voters_signed": signed,
        "ballots_cast": cast,
        "invalid": invalid,
        "blank": blank,
        "votes": list(votes),
        "against": list(against) or [0] * len(votes),
        "abstain": list(abstain) or [0] * len(votes),
        "write_ins": list(write_ins),
    }
