"""Election day in tests: an election ready to count (lists and candidates published, one
approved observer per station), the count begun on election day, and figures typed as the
count form sends them."""

from datetime import timedelta

from consult.elections.services import candidates, counts, decisions, signup
from tests.elections.conftest import DAY, add_candidates
from tests.elections.helpers import apply

# Ten voters are listed (the Chinese adults with a birth date in tests/elections/conftest).
VOTERS = 10
CANDIDATES = {
    "director": [("王芳", 12), ("陈磊", 8)],
    "member": [("周敏", 10), ("刘洋", 9), ("孙丽", 7)],
}
OBSERVER_EMAIL = "observer{number}@example.org"


def prepare(listed_election, committee_user, register, db, frozen, *, people=None, **kwargs):
    """Listed on D-20, candidates published on D-5, an approved observer at each station
    (``observer1@…`` at station 1 …): then election day, the count begun."""
    kwargs.setdefault("stations", 2)
    election = listed_election(**kwargs)
    add_candidates(committee_user, election, register, people or CANDIDATES)
    frozen(DAY - timedelta(days=5))
    candidates.publish_candidates(committee_user, election)
    for number, station in enumerate(election.stations, 1):
        name = f"Observer {number}"
        email = OBSERVER_EMAIL.format(number=number)
        application = apply(election, station.shifts[:1], full_name=name, latin_name=name, email=email)  # fmt: skip
        signup.confirm_application(application)
        decisions.approve_assignment(committee_user, application.assignments[0])
    frozen(DAY)
    counts.begin_count(committee_user, election)
    db.session.commit()
    return election


def contest(election, kind):
    return next(c for c in election.contests if c.kind.value == kind)


def observer(station):
    """The approved observer's assignment at ``station``."""
    from consult.elections.services.reviews import observer_assignments

    return observer_assignments(station)[0]


def figures(signed, cast, votes, *, invalid=0, blank=0, against=(), abstain=(), write_ins=()):
    """The count service's values: one number per candidate, in the round's order."""
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


def form_data(values, reason=None):
    """The same figures as the count page's form posts them."""
    data = {name: str(values[name]) for name in ("voters_signed", "ballots_cast", "invalid", "blank")}  # fmt: skip
    for key in ("votes", "against", "abstain"):
        for i, number in enumerate(values[key]):
            data[f"{key}_{i}"] = "" if number is None else str(number)
    for j, (name, number) in enumerate(values["write_ins"]):
        data[f"write_in_name_{j}"], data[f"write_in_votes_{j}"] = name, str(number)
    if reason:
        data["reason"] = reason
    return data


def enter(actor, election, kind, round_number, *stations_figures):
    """Enter one contest's counts at each station in turn (station 1 first)."""
    found = contest(election, kind)
    for station, values in zip(election.stations, stations_figures, strict=True):
        counts.enter_count(actor, found, station, round_number, values)
    return found
