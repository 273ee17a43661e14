"""From the totals of one round of ``committee_majority`` to its :class:`Round`.

The figures that decide whether a round counts at all: registered voters and turnout, ballots
cast against the voters who signed for one (more voids the round) and against the ballots
issued (more is flagged), and the polling stations whose counts were added up.
"""

from __future__ import annotations

from consult.tally.committee_totals import RoundTotals, from_ballots, read_totals
from consult.tally.model import Decision, Round, TallyError

ROUND_FIGURES = ("ballots_cast", "voters_signed", "ballots_issued")


def whole(options, key, default=None, low=0, prefix="option "):
    value = options.get(key, default)
    if value is None:
        return None
    if type(value) is not int or value < low:
        raise TallyError(f"{prefix}{key} must be a whole number of at least {low}")
    return value


def count_round(source, ballots, candidates, seats, totals, prefix, second_round=False):
    """The totals of one round from ``totals`` or from ``ballots`` and the figures in
    ``source`` (the options, or the second_round object)."""
    if totals is not None:
        given = [key for key in ROUND_FIGURES if key in source]
        if given:
            raise TallyError(f"{prefix}{given[0]} goes inside totals when totals are given")
        return read_totals(totals, candidates, seats, second_round)
    allowed = set(candidates) if second_round else None
    counted = from_ballots(
        ballots, candidates, seats, whole(source, "ballots_cast", prefix=prefix), allowed
    )
    counted.signed = whole(source, "voters_signed", prefix=prefix)
    counted.issued = whole(source, "ballots_issued", prefix=prefix)
    return counted


def registered_voters(counted: RoundTotals, given, default=None, prefix="option "):
    """The round's registered voters: in its totals or given beside them (not both, unless
    they agree), else ``default``."""
    if given is not None and (type(given) is not int or given < 1):
        raise TallyError(f"{prefix}registered_voters must be a whole number of at least 1")
    if counted.registered is not None and given is not None and counted.registered != given:
        raise TallyError(
            f"{prefix}registered_voters is {given} but totals say {counted.registered}"
        )
    registered = counted.registered or given or default
    if counted.signed is not None and registered is not None and counted.signed > registered:
        raise TallyError(
            f"voters_signed ({counted.signed}) is more than the {registered} registered voters"
        )
    return registered


def new_round(number, counted: RoundTotals, threshold) -> Round:
    extra = {
        "against": counted.against,
        "abstain": counted.abstain,
        "write_ins": counted.write_ins,
    }
    if counted.stations:
        extra["stations"] = list(counted.stations)
    inactive = {"invalid": counted.invalid, "abstain": counted.blank}
    return Round(number, counted.tally, threshold, inactive, extra=extra)


def round_is_valid(
    result, rnd, counted: RoundTotals, registered, check_turnout=True, where=""
) -> bool:
    """Notes on the round's figures; False (with the decision) if the round is void."""
    if counted.stations:
        rnd.notes.append(("stations", {"count": len(counted.stations), "list": counted.stations}))
    for code, params in counted.flags:
        rnd.notes.append((code, params))
        station, cast = params["station"], params["ballots"]
        if code == "station_over_signed":
            more = f"only {params['signed']} voters signed for one"
        else:
            more = f"only {params['issued']} were issued"
        result.warnings.append(f"{where}station {station}: {cast} ballots were cast but {more}")
    cast, issued, signed = counted.cast, counted.issued, counted.signed
    if issued is not None and cast > issued:
        result.warnings.append(f"{where}{cast} ballots were cast but only {issued} were issued")
        rnd.notes.append(("over_issued", {"ballots": cast, "issued": issued}))
    enough = turnout(rnd, cast, registered) if check_turnout else True
    if signed is not None and cast > signed:
        rnd.decisions.append(
            Decision(
                "not_valid", "ballots_cast", "over_signed", {"ballots": cast, "signed": signed}
            )
        )
        return False
    if not enough:
        rnd.decisions.append(
            Decision("not_valid", "turnout", "turnout", {"ballots": cast, "eligible": registered})
        )
        return False
    return True


def turnout(rnd, cast, registered):
    valid = 2 * cast > registered
    rnd.notes.append(
        (
            "turnout",
            {
                "ballots": cast,
                "eligible": registered,
                "percent": f"{100 * cast / registered:.1f}",
                "valid": valid,
            },
        )
    )
    return valid
