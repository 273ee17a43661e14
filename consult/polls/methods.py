"""What each counting method asks of a ballot, and how a ballot form becomes a ballot.

The form sends *raw choices* keyed by option id (strings, as typed or tampered with):

- one choice (plurality, yes/no): ``{"choice": "12"}``
- marks (approval, block): ``{"marks": ["12", "14"]}``
- ranks (irv, stv, schulze, borda): ``{"ranks": {"12": "1", "14": "2"}}``
- scores (score): ``{"scores": {"12": "5"}}``

:func:`ballot_from` checks them and returns the ballot in consult.tally's native form
(``{"marks": [...]}``, ``{"ranking": [...]}``, ``{"scores": {...}}``), with option names; every
problem names the form field it concerns. A ballot marking nothing is a blank ballot.
"""

import math

from flask_babel import lazy_gettext as _l

from consult.core.services import Problems
from consult.polls.models import MeetingRule, PollMethod

ONE_CHOICE = (PollMethod.PLURALITY, PollMethod.YES_NO)
MARKS = (PollMethod.APPROVAL, PollMethod.BLOCK)
RANKS = (PollMethod.IRV, PollMethod.STV, PollMethod.SCHULZE, PollMethod.BORDA)
SCORES = (PollMethod.SCORE,)
# Methods that elect one winner only (the others take a number of seats).
SINGLE_SEAT = (PollMethod.IRV, PollMethod.YES_NO)
YES_NO_NAMES = ("yes", "no", "abstain")
DEFAULT_SCORE_MAX = 5
MAX_OPTIONS = 50


def kind_of(method):
    method = PollMethod(method)
    if method in ONE_CHOICE:
        return "choice"
    if method in MARKS:
        return "marks"
    if method in RANKS:
        return "ranks"
    return "scores"


def mark_limit(poll):
    """How many marks a ballot may carry (None: any number)."""
    if poll.method == PollMethod.BLOCK:
        return poll.seats
    if poll.method == PollMethod.APPROVAL:
        return poll.max_marks
    return 1


def _unknown(problems, field, value):
    problems.add(_l("There is no option “%(value)s” in this poll.", value=str(value)[:40]), field)


_OPTION_NAMES = {}


def option_names(poll):
    """{option id as text: name}, in the options' order. Kept per open poll (its options
    cannot change once it has opened), so casting need not load them again."""
    key = (poll.id, poll.opened_at)
    names = _OPTION_NAMES.get(key) if poll.opened_at else None
    if names is None:
        names = {str(option.id): option.name for option in poll.options}
        if poll.opened_at:
            if len(_OPTION_NAMES) > 256:
                _OPTION_NAMES.clear()
            _OPTION_NAMES[key] = names
    return names


def ballot_from(poll, raw):
    """The native ballot for ``raw`` choices, or ServiceError naming every problem."""
    by_id = option_names(poll)
    kind = kind_of(poll.method)
    problems = Problems()
    if kind == "choice":
        value = (raw.get("choice") or "").strip()
        marks = []
        if value:
            if value in by_id:
                marks = [by_id[value]]
            else:
                _unknown(problems, "choice", value)
        problems.raise_any()
        return {"marks": marks}
    if kind == "marks":
        values = [v for v in raw.get("marks") or [] if v]
        marks = []
        for value in values:
            if value not in by_id:
                _unknown(problems, "marks", value)
            elif by_id[value] not in marks:
                marks.append(by_id[value])
        limit = mark_limit(poll)
        if limit is not None and len(marks) > limit:
            problems.add(
                _l(
                    "You marked %(count)s options; mark at most %(limit)s.",
                    count=len(marks),
                    limit=limit,
                ),
                "marks",
            )
        problems.raise_any()
        order = {name: position for position, name in enumerate(by_id.values())}
        return {"marks": sorted(marks, key=order.get)}
    if kind == "ranks":
        return {"ranking": _ranking(poll, by_id, raw.get("ranks") or {}, problems)}
    return {"scores": _scores(poll, by_id, raw.get("scores") or {}, problems)}


def _ranking(poll, by_id, ranks, problems):
    highest = len(by_id)
    chosen = {}
    for option_id, value in ranks.items():
        value = (value or "").strip()
        field = f"rank_{option_id}"
        if option_id not in by_id:
            if value:
                _unknown(problems, field, option_id)
            continue
        if not value:
            continue
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= highest):
            problems.add(_l("Choose a rank from 1 to %(highest)s.", highest=highest), field)
            continue
        chosen[option_id] = int(value)
    taken = {}
    for option_id, rank in chosen.items():
        taken.setdefault(rank, []).append(option_id)
    for rank, option_ids in sorted(taken.items()):
        if len(option_ids) > 1:
            for option_id in option_ids:
                problems.add(
                    _l(
                        "Rank %(rank)s is given to more than one option; give each rank once.",
                        rank=rank,
                    ),
                    f"rank_{option_id}",
                )
    problems.raise_any()
    # Gaps are closed up: ranks 1, 3 and 4 mean first, second and third (the review says so).
    return [by_id[option_id] for option_id, _ in sorted(chosen.items(), key=lambda item: item[1])]


def _scores(poll, by_id, scores, problems):
    top = poll.score_max or DEFAULT_SCORE_MAX
    given = {}
    for option_id, value in scores.items():
        value = (value or "").strip()
        field = f"score_{option_id}"
        if option_id not in by_id:
            if value:
                _unknown(problems, field, option_id)
            continue
        if not value:
            continue
        if not (value.isascii() and value.isdigit() and 0 <= int(value) <= top):
            problems.add(_l("Choose a score from 0 to %(top)s.", top=top), field)
            continue
        given[by_id[option_id]] = int(value)
    problems.raise_any()
    order = {name: position for position, name in enumerate(by_id.values())}
    return dict(sorted(given.items(), key=lambda item: order[item[0]]))


def is_blank(ballot):
    return not any(ballot.get(key) for key in ("marks", "ranking", "scores"))


# Counting ------------------------------------------------------------------------------


def quorum_for(poll, electorate):
    """Ballots needed for a valid yes/no result, or None."""
    if poll.is_meeting:
        return electorate // 2 + 1  # more than half of those entitled take part
    if poll.quorum_percent:
        return math.ceil(electorate * poll.quorum_percent / 100)
    return None


def tally_options(poll, electorate):
    """consult.tally's options for this poll (its stated defaults otherwise)."""
    method = PollMethod(poll.method)
    if method == PollMethod.SCORE:
        return {"max": poll.score_max or DEFAULT_SCORE_MAX}
    if method != PollMethod.YES_NO:
        return {}
    options = {"eligible": electorate} if electorate else {}
    quorum = quorum_for(poll, electorate)
    if quorum is not None:
        options["quorum"] = quorum
    if poll.meeting != MeetingRule.NONE:
        # Adopted by more than half of those who take part (abstentions included).
        options["majority_of"] = "ballots"
    return options
