"""What a poll's results page shows: winners, rounds, a chart, turnout, the explanation.

Choices are never broken down by group. Turnout is shown per grid and per building, except
for groups with fewer than MIN_GROUP voters; when that hides a single group of a level, the
next smallest is hidden too, so that no hidden figure follows from the total.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.extensions import db
from consult.i18n import current_locale_name
from consult.polls.ballot_form import option_label
from consult.polls.closing import ballot_list
from consult.polls.models import PollBallot, PollElectorate, PollResult, PollVoter
from consult.residents.models import Building, Grid
from consult.tally import count
from consult.tally.numbers import to_fraction

MIN_GROUP = 5

COLUMN_LABELS = {
    "borda": _l("Points"),
    "score": _l("Total score"),
    "schulze": _l("Options beaten"),
}
INACTIVE_LABELS = {
    "abstain": _l("Blank ballots"),
    "undervote": _l("Blank ballots"),
    "invalid": _l("Invalid ballots"),
    "overvotes": _l("Invalid ballots"),
    "exhaustedChoices": _l("Exhausted ballots (no further choice)"),
    "skippedRankings": _l("Exhausted ballots (no further choice)"),
    "repeatedRankings": _l("Exhausted ballots (no further choice)"),
    "finalRoundSurplus": _l("Surplus votes in the last round"),
}
DECISIONS = {
    "elected": _l("elected"),
    "eliminated": _l("eliminated"),
    "passed": _l("passed"),
    "rejected": _l("rejected"),
    "tied": _l("tie"),
    "not_valid": _l("not valid"),
}


@dataclass
class Row:
    label: object
    value: str
    number: Fraction
    decision: object = None
    winner: bool = False


@dataclass
class RoundView:
    number: int
    rows: list
    threshold: str | None
    inactive: list
    explanation: str


@dataclass
class ResultsView:
    ballots: int
    winners: list
    rounds: list
    column: object
    sha256: str | None = None
    closing_sha256: str | None = None
    live: bool = False
    meeting: list = field(default_factory=list)
    summary: object = None

    @property
    def last(self):
        return self.rounds[-1] if self.rounds else None


def labels_of(poll):
    return {option.name: option_label(option) for option in poll.options}


def _view(poll, result, explanations, **extra):
    labels = labels_of(poll)
    winners = set(result.get("winners", []))
    rounds = []
    count_rounds = len(result.get("rounds", []))
    for index, rnd in enumerate(result.get("rounds", [])):
        decided = {name: kind for kind, name in rnd.get("decisions", [])}
        last = index == count_rounds - 1
        rows = [
            Row(
                labels.get(name, name),
                value,
                to_fraction(value),
                DECISIONS.get(decided.get(name)),
                name in winners and (decided.get(name) in ("elected", "passed") or last),
            )
            for name, value in rnd.get("tally", {}).items()
        ]
        inactive = [
            (INACTIVE_LABELS.get(reason, reason), value)
            for reason, value in rnd.get("inactive", {}).items()
        ]
        text = (explanations or {}).get(current_locale_name()) or []
        rounds.append(
            RoundView(
                rnd.get("round", index + 1),
                rows,
                rnd.get("threshold"),
                inactive,
                text[index] if index < len(text) else "",
            )
        )
    view = ResultsView(
        ballots=int(result.get("ballots", 0)),
        winners=[labels.get(name, name) for name in result.get("winners", [])],
        rounds=rounds,
        column=COLUMN_LABELS.get(result.get("method"), _l("Votes")),
        **extra,
    )
    if poll.is_meeting:
        view.meeting = meeting_conditions(poll, result)
    return view


def published_results(poll):
    stored = db.session.get(PollResult, poll.id)
    if stored is None:
        return None
    return _view(
        poll,
        stored.result,
        stored.explanations,
        sha256=stored.sha256,
        closing_sha256=poll.closing_sha256,
    )


def live_results(poll):
    """The count of the ballots cast so far (for polls whose results are shown live)."""
    data = ballot_list(poll)
    result = count(data).to_dict()
    explanations = {
        locale: [r.get("explanation", {}).get(locale, "") for r in result["rounds"]]
        for locale in ("en", "zh_Hans", "zh_Hant")
    }
    return _view(poll, result, explanations, live=True)


def meeting_conditions(poll, result):
    """The residents' meeting's two conditions, each met or not, and which one decided."""
    entitled = poll.electorate_size or 0
    took_part = int(result.get("ballots", 0))
    tally = result["rounds"][0]["tally"] if result.get("rounds") else {}
    yes = int(tally.get("yes", 0))
    valid = took_part * 2 > entitled
    adopted = valid and yes * 2 > took_part
    conditions = [
        (
            valid,
            _l(
                "More than half of those entitled take part: %(took_part)s of %(entitled)s took part (more than %(half)s needed).",
                took_part=took_part,
                entitled=entitled,
                half=entitled // 2,
            ),
        ),
        (
            adopted,
            _l(
                "More than half of those who take part vote yes: %(yes)s of %(took_part)s voted yes.",
                yes=yes,
                took_part=took_part,
            ),
        ),
    ]
    if not valid:
        decided = _l(
            "Decided by the first condition: too few of those entitled took part, so the meeting's decision is not valid."
        )
    elif adopted:
        decided = _l("Both conditions are met: the decision is adopted.")
    else:
        decided = _l(
            "Decided by the second condition: the meeting was valid, but yes did not reach more than half of those who took part, so the decision is not adopted."
        )
    return [*conditions, (None, decided)]


# Turnout ---------------------------------------------------------------------------------


@dataclass
class TurnoutRow:
    name: str
    voters: int | None  # None: hidden (fewer than MIN_GROUP voters)
    entitled: int | None

    @property
    def percent(self):
        if self.voters is None or not self.entitled:
            return None
        return self.voters / self.entitled


@dataclass
class Turnout:
    voters: int
    ballots: int
    entitled: int
    grids: list
    buildings: list

    @property
    def percent(self):
        return self.voters / self.entitled if self.entitled else None


def turnout(poll):
    voters = db.session.scalar(select(func.count()).where(PollVoter.poll_id == poll.id))
    ballots = db.session.scalar(select(func.count()).where(PollBallot.poll_id == poll.id))
    return Turnout(
        voters=voters,
        ballots=ballots,
        entitled=poll.electorate_size or 0,
        grids=_groups(poll, PollElectorate.grid_id, Grid),
        buildings=_groups(poll, PollElectorate.building_id, Building),
    )


def _groups(poll, column, model):
    unit = PollElectorate.household_id if poll.per_household else PollElectorate.resident_id
    entitled = dict(
        db.session.execute(
            select(column, func.count(func.distinct(unit)))
            .where(PollElectorate.poll_id == poll.id)
            .group_by(column)
        ).all()
    )
    voted = dict(
        db.session.execute(
            select(column, func.count())
            .select_from(PollVoter)
            .join(
                PollElectorate,
                (PollElectorate.poll_id == PollVoter.poll_id)
                & (PollElectorate.resident_id == PollVoter.resident_id),
            )
            .where(PollVoter.poll_id == poll.id)
            .group_by(column)
        ).all()
    )
    names = dict(
        db.session.execute(select(model.id, model.name).where(model.id.in_(entitled))).all()
    )
    rows = [
        TurnoutRow(names.get(key, "?"), voted.get(key, 0), size) for key, size in entitled.items()
    ]
    return sorted(suppress_small(rows), key=lambda row: row.name)


def suppress_small(rows):
    """Hide the voters of groups with fewer than MIN_GROUP; if that hides a single group,
    hide the next smallest too, so that no hidden figure is the total minus the rest."""
    hidden = [row for row in rows if row.voters < MIN_GROUP]
    shown = sorted((row for row in rows if row.voters >= MIN_GROUP), key=lambda r: r.voters)
    if len(hidden) == 1 and shown:
        hidden.append(shown[0])
    for row in hidden:
        row.voters = None
    return rows
