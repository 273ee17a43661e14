"""Setting an election up: its texts, day, rule set, contests, stations, shifts, the mobile
ballot box's voters and the observer code of conduct."""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import (
    CodeOfConduct,
    Contest,
    ContestKind,
    Election,
    ElectionText,
    Rules,
)
from consult.elections.models.rules import ElectionMode, RelationKind, fraction
from consult.elections.services.common import ensure_committee, ensure_preparing, missing_languages
from consult.extensions import db
from consult.i18n import content_languages

audit.describe("election.created", _l("Election created"))
audit.describe("election.updated", _l("Election edited"))
audit.describe("election.rules_changed", _l("Election rule set changed"))
audit.describe("election.contests_changed", _l("Election contests changed"))
audit.describe("election.code_of_conduct_saved", _l("Observer code of conduct saved"))

DEFAULT_SEATS = {"director": 1, "deputy": 1, "member": 3}
MAX_SEATS = 20


def _check_texts(problems, texts):
    for language in content_languages():
        title = (texts.get(language) or ("", ""))[0]
        if not title.strip():
            problems.add(_l("Give the title in every content language."), f"title_{language}")


def _check_day(problems, election_day, today):
    if election_day is None:
        problems.add(_l("Choose the election day."), "election_day")
    elif election_day <= (today or clock.today()):
        problems.add(_l("Election day must be after today."), "election_day")


def create_election(actor, election_day, texts, seats=None, *, today=None):
    """A new election in preparation. ``texts`` is {language: (title, description)};
    ``seats`` {contest kind: seats} (0 leaves a contest out; default 1, 1 and 3)."""
    ensure_committee(actor)
    problems = Problems()
    _check_texts(problems, texts)
    _check_day(problems, election_day, today)
    seats = DEFAULT_SEATS if seats is None else seats
    _check_seats(problems, seats)
    problems.raise_any()
    election = Election(election_day=election_day, created_by_id=actor.id, rules=Rules())
    db.session.add(election)
    _write_texts(election, texts)
    _write_contests(election, seats)
    db.session.flush()
    audit.record(
        "election.created",
        election,
        actor=actor,
        data={"election_day": election_day, "seats": seats},
    )
    return election


def _write_texts(election, texts):
    existing = election.texts_by_language()
    for language, (title, description) in texts.items():
        if not (title or "").strip():
            continue
        row = existing.get(language)
        if row is None:
            row = ElectionText(language=language)
            election.texts.append(row)
        row.title, row.description = title.strip(), (description or "").strip()


def update_election(actor, election, election_day, texts, *, today=None):
    ensure_committee(actor)
    ensure_preparing(election)
    problems = Problems()
    _check_texts(problems, texts)
    if election_day != election.election_day:
        _check_day(problems, election_day, today)
    problems.raise_any()
    before = {"election_day": election.election_day.isoformat()}
    before.update({f"title_{t.language}": t.title for t in election.texts})
    election.election_day = election_day
    _write_texts(election, texts)
    db.session.flush()
    after = {"election_day": election_day.isoformat()}
    after.update({f"title_{t.language}": t.title for t in election.texts})
    changes = {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}
    audit.record("election.updated", election, actor=actor, changes=changes)
    return election


def update_rules(actor, election, values):
    """Keep the edited rule set (``values`` has the Rules fields the form edits)."""
    ensure_committee(actor)
    ensure_preparing(election)
    rules = election.rules
    before = rules.as_dict()
    problems = Problems()
    for name in ("turnout", "first_round_majority", "second_round_minimum"):
        if name in values and fraction(values[name]) is None:
            problems.add(_l("Write a fraction from 0 to 1, such as 1/2."), name)
    if values.get("mode", rules.mode) not in ElectionMode.values():
        problems.add(_l("Choose how the voters vote."), "mode")
    for name in ("staff_blocked_relations", "proxy_relations"):
        if any(kind not in RelationKind.values() for kind in values.get(name, [])):
            problems.add(_l("Choose family relations from the list."), name)
    if not 2 <= int(values.get("representatives_per_group", 3)) <= 3:
        problems.add(_l("A residents' group sends 2 or 3 representatives."), "representatives_per_group")  # fmt: skip
    problems.raise_any()
    for name, value in values.items():
        if hasattr(rules, name):
            setattr(rules, name, value)
    election.rules = rules
    after = rules.as_dict()
    changes = {k: (before[k], after[k]) for k in after if before[k] != after[k]}
    if changes:
        audit.record("election.rules_changed", election, actor=actor, changes=changes)
    return election


def _check_seats(problems, seats):
    for kind, count in seats.items():
        if kind not in ContestKind.values() or not 0 <= count <= MAX_SEATS:
            problems.add(
                _l("Seats are a number from 0 to %(max)d.", max=MAX_SEATS), f"seats_{kind}"
            )
    if not any(seats.values()):
        problems.add(_l("Give at least one contest a seat."))


def _write_contests(election, seats):
    by_kind = {c.kind: c for c in election.contests}
    for position, kind in enumerate(ContestKind):
        count = seats.get(kind.value, 0)
        contest = by_kind.get(kind)
        if count and contest is None:
            election.contests.append(Contest(kind=kind, seats=count, position=position))
        elif count:
            contest.seats = count
        elif contest is not None:
            if contest.candidates:
                raise ServiceError(
                    _l("A contest with candidates cannot be removed."), f"seats_{kind.value}"
                )
            election.contests.remove(contest)


def set_contests(actor, election, seats):
    ensure_committee(actor)
    ensure_preparing(election)
    problems = Problems()
    _check_seats(problems, seats)
    problems.raise_any()
    before = {c.kind.value: c.seats for c in election.contests}
    _write_contests(election, seats)
    db.session.flush()
    after = {c.kind.value: c.seats for c in election.contests}
    if before != after:
        audit.record(
            "election.contests_changed", election, actor=actor, changes={"seats": (before, after)}
        )
    return election


# The observer code of conduct --------------------------------------------------------------


def current_code(election):
    return db.session.scalars(
        select(CodeOfConduct)
        .where(CodeOfConduct.election_id == election.id)
        .order_by(CodeOfConduct.version.desc())
        .limit(1)
    ).first()


def save_code_of_conduct(actor, election, texts):
    """A new version of the code of conduct, written in every content language."""
    ensure_committee(actor)
    missing = missing_languages(texts)
    if missing:
        raise ServiceError(
            problems=[
                (_l("Write the code of conduct in every content language."), f"text_{lang}")
                for lang in missing
            ]  # fmt: skip
        )
    previous = current_code(election)
    if previous is not None and previous.texts == {k: v.strip() for k, v in texts.items()}:
        return previous
    code = CodeOfConduct(
        election_id=election.id,
        version=(previous.version + 1) if previous else 1,
        texts_json=json.dumps({k: v.strip() for k, v in texts.items()}, ensure_ascii=False),
        created_by_id=actor.id,
    )
    db.session.add(code)
    db.session.flush()
    audit.record("election.code_of_conduct_saved", election, actor=actor, data={"version": code.version})  # fmt: skip
    return code
