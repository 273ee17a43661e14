"""One round of ``committee_majority`` as totals: summed from ballots, or read from paper counts.

Both inputs end here, in a :class:`RoundTotals`, and everything after (turnout, majorities,
ties, the second round) works on that alone: so ballots and their totals count the same.
The shape of the paper counts is described in :mod:`consult.tally.committee`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consult.tally.model import TallyError

FIGURES = ("ballots_cast", "invalid", "blank", "voters_signed", "ballots_issued")
PEOPLE = ("votes", "write_ins", "against", "abstain")
COUNT_FIELDS = {"station", *FIGURES, *PEOPLE}
NUMBER_OF = {
    "votes": "the votes for",
    "write_ins": "the write-in votes for",
    "against": "the against count for",
    "abstain": "the abstain count for",
}


@dataclass(slots=True)
class RoundTotals:
    """``tally``: votes per person, this round's candidates first, then write-ins in the order
    they were first met. ``blank``: valid ballots voting for no one. ``signed``, ``issued``,
    ``registered``: None when not given. ``stations``: the labels of the polling stations whose
    counts were added up (empty for one count); ``flags``: notes on single stations."""

    tally: dict[str, int]
    write_ins: list[str]
    against: dict[str, int]
    abstain: dict[str, int]
    invalid: int
    blank: int
    cast: int
    signed: int | None = None
    issued: int | None = None
    registered: int | None = None
    stations: list[str] = field(default_factory=list)
    flags: list[tuple[str, dict]] = field(default_factory=list)


def from_ballots(ballots, candidates, seats, cast_given=None, allowed=None) -> RoundTotals:
    """Sum grouped ballots. A ballot voting for more people than ``seats``, or for one person
    twice, is an invalid ballot; ``cast_given`` above the ballots given adds invalid ballots
    not itemised."""
    tally = dict.fromkeys(candidates, 0)
    against = dict.fromkeys(candidates, 0)
    abstain = dict.fromkeys(candidates, 0)
    write_ins: list[str] = []
    invalid = blank = counted = 0
    for b in ballots:
        counted += b.count
        people = list(b.marks) + list(b.get("write_ins", ()))
        if b.get("invalid") or len(set(people)) != len(people) or len(people) > seats:
            invalid += b.count
            continue
        if allowed is not None:
            for name in b.marks:
                if name not in allowed:
                    raise TallyError(f"{name!r} is not a candidate in this round", b.index)
        if not people:
            blank += b.count
        for name in b.marks:
            tally[name] += b.count
        for name in b.get("write_ins", ()):
            if name not in tally:
                tally[name] = 0
                write_ins.append(name)
            tally[name] += b.count
        for name in b.get("against", ()):
            against[name] = against.get(name, 0) + b.count
        for name in b.get("abstain", ()):
            abstain[name] = abstain.get(name, 0) + b.count
    cast = counted if cast_given is None else cast_given
    if cast < counted:
        raise TallyError(f"ballots_cast ({cast}) is less than the {counted} ballots given")
    invalid += cast - counted
    return RoundTotals(tally, write_ins, against, abstain, invalid, blank, cast)


def read_totals(raw, candidates, seats, second_round=False) -> RoundTotals:
    """Read and check the paper counts of one round: one count, or a list of stations' counts
    (``[...]`` or ``{"stations": [...]}``) that are added up. Errors start with ``totals``."""
    if isinstance(raw, list):
        raw = {"stations": raw}
    if not isinstance(raw, dict):
        raise TallyError("'totals' must be an object or a list of polling stations' totals")
    registered = raw.get("registered_voters")
    if registered is not None and (type(registered) is not int or registered < 1):
        raise TallyError("totals: registered_voters must be a whole number of at least 1")
    rest = {k: v for k, v in raw.items() if k != "registered_voters"}
    if "stations" not in rest:
        counted = _read_count(rest, "totals", candidates, seats, second_round)
    else:
        stray = sorted(set(rest) - {"stations"})
        if stray:
            raise TallyError(f"totals: {stray[0]!r} goes in each station's totals")
        stations = rest["stations"]
        if not isinstance(stations, list) or not stations:
            raise TallyError("totals: 'stations' must be a non-empty list")
        counts = []
        for position, entry in enumerate(stations, 1):
            label, where = _label(entry, position)
            if any(label in c.stations for c in counts):
                raise TallyError(f"{where}: this station is listed twice")
            counts.append(_read_count(entry, where, candidates, seats, second_round, label))
        counted = _combine(counts, candidates)
    counted.registered = registered
    return counted


def _label(entry, position: int) -> tuple[str, str]:
    """A station's label (its name, else its position) and how errors name it."""
    name = entry.get("station") if isinstance(entry, dict) else None
    if name is None:
        return str(position), f"totals, station {position}"
    if not isinstance(name, str) or not name.strip():
        raise TallyError(f"totals, station {position}: 'station' must be a name")
    return name.strip(), f"totals, station {name.strip()!r}"


def _whole(value, what: str, where: str) -> int:
    if type(value) is not int or value < 0:
        raise TallyError(f"{where}: {what} must be a whole number of at least 0")
    return value


def _people(entry, key, where, candidates, second_round) -> dict[str, int]:
    given = entry.get(key, {})
    if not isinstance(given, dict):
        raise TallyError(f"{where}: {key!r} must be an object of names and numbers")
    out: dict[str, int] = {} if key == "write_ins" else dict.fromkeys(candidates, 0)
    for name, number in given.items():
        number = _whole(number, f"{NUMBER_OF[key]} {name!r}", where)
        if key == "write_ins":
            if not isinstance(name, str) or not name.strip():
                raise TallyError(f"{where}: a write-in needs a name")
            if name in candidates:
                raise TallyError(
                    f"{where}: write-in {name!r} is a listed candidate; give those under votes"
                )
            out[name] = number
        elif name in out:
            out[name] = number
        elif second_round:
            if number:
                raise TallyError(f"{where}: {name!r} is not a candidate in this round")
        else:
            raise TallyError(f"{where}: unknown candidate {name!r} in {key}")
    return out


def _read_count(entry, where, candidates, seats, second_round, label=None) -> RoundTotals:
    if not isinstance(entry, dict):
        raise TallyError(f"{where}: a station's totals must be an object")
    unknown = sorted(set(entry) - COUNT_FIELDS)
    if unknown:
        if unknown[0] == "registered_voters":
            raise TallyError(f"{where}: registered_voters belongs to the whole round")
        raise TallyError(f"{where}: unexpected field {unknown[0]!r}")
    if "ballots_cast" not in entry:
        raise TallyError(f"{where}: ballots_cast is missing")
    cast = _whole(entry["ballots_cast"], "ballots_cast", where)
    invalid = _whole(entry.get("invalid", 0), "invalid", where)
    blank = _whole(entry.get("blank", 0), "blank", where)
    signed, issued = (
        None if entry.get(k) is None else _whole(entry[k], k, where)
        for k in ("voters_signed", "ballots_issued")
    )
    votes = _people(entry, "votes", where, candidates, second_round)
    write_ins = _people(entry, "write_ins", where, candidates, second_round)
    against = _people(entry, "against", where, candidates, second_round)
    abstain = _people(entry, "abstain", where, candidates, second_round)
    if invalid > cast:
        raise TallyError(
            f"{where}: ballots_cast ({cast}) is less than the {invalid} invalid ballots"
        )
    valid = cast - invalid
    if blank > valid:
        raise TallyError(f"{where}: {blank} blank ballots, more than the {valid} valid ballots")
    marking = valid - blank
    some = "valid ballots" + (" that are not blank" if blank else "")
    for name, number in (votes | write_ins).items():
        if number > marking:
            who = f"write-in {name!r}" if name in write_ins else repr(name)
            raise TallyError(f"{where}: {who} has {number} votes, more than the {marking} {some}")
    for name in candidates:
        marked = votes[name] + against[name] + abstain[name]
        if marked > valid:
            raise TallyError(
                f"{where}: {name!r} has {votes[name]} votes, {against[name]} against and "
                f"{abstain[name]} abstain, more than the {valid} valid ballots"
            )
    total = sum(votes.values()) + sum(write_ins.values())
    if total > marking * seats:
        raise TallyError(
            f"{where}: {total} votes in all, more than {marking} {some} can hold "
            f"with {seats} seat(s) each"
        )
    tally = votes | write_ins
    counted = RoundTotals(tally, list(write_ins), against, abstain, invalid, blank, cast)
    counted.signed, counted.issued = signed, issued
    if label is not None:
        counted.stations = [label]
    return counted


def _combine(counts: list[RoundTotals], candidates) -> RoundTotals:
    """Add up the stations' counts; flag a station with more ballots than signatures or than
    ballots issued."""
    tally = dict.fromkeys(candidates, 0)
    against = dict.fromkeys(candidates, 0)
    abstain = dict.fromkeys(candidates, 0)
    write_ins: list[str] = []
    flags: list[tuple[str, dict]] = []
    for c in counts:
        for name, number in c.tally.items():
            if name not in tally:
                tally[name] = 0
                write_ins.append(name)
            tally[name] += number
        for name in candidates:
            against[name] += c.against[name]
            abstain[name] += c.abstain[name]
        station = c.stations[0]
        if c.signed is not None and c.cast > c.signed:
            flags.append(
                ("station_over_signed", {"station": station, "ballots": c.cast, "signed": c.signed})
            )
        if c.issued is not None and c.cast > c.issued:
            flags.append(
                ("station_over_issued", {"station": station, "ballots": c.cast, "issued": c.issued})
            )
    combined = RoundTotals(
        tally,
        write_ins,
        against,
        abstain,
        sum(c.invalid for c in counts),
        sum(c.blank for c in counts),
        sum(c.cast for c in counts),
        stations=[c.stations[0] for c in counts],
        flags=flags,
    )
    combined.signed = _all_or_none(counts, "signed", "voters_signed")
    combined.issued = _all_or_none(counts, "issued", "ballots_issued")
    return combined


def _all_or_none(counts, attribute: str, name: str) -> int | None:
    values = [getattr(c, attribute) for c in counts]
    if all(v is None for v in values):
        return None
    if any(v is None for v in values):
        raise TallyError(f"totals: {name} is given for some stations but not for all")
    return sum(values)
