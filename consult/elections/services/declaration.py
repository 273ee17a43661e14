"""Declaring the results (选举结果公告): refused until every contest is counted (its second
round too), every observer's objection is answered, and the rule set is one the counting
engine counts by. Seats still unfilled may be left vacant, by the committee's decision,
once the rule set's number of members (3) is elected; the declaration says so. Declaring
freezes the results document and closes the count."""

import json
from fractions import Fraction

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import Declaration, ElectionStatus
from consult.elections.models.rules import fraction
from consult.elections.services.common import ensure_committee, ensure_counting
from consult.elections.services.report import results_document, unfilled_contests
from consult.elections.services.results import election_results
from consult.elections.services.reviews import waiting_objections
from consult.extensions import db

audit.describe("election.declared", _l("Election results declared"))

# The shares consult.tally's committee_majority counts by (the law's defaults), with the
# rule set's labels for them.
ENGINE_RULES = {
    "turnout": (Fraction(1, 2), _l("Valid when more than this share of the voters vote")),
    "first_round_majority": (
        Fraction(1, 2),
        _l("First round: elected with more than this share of the ballots cast"),
    ),  # fmt: skip
    "second_round_minimum": (
        Fraction(1, 3),
        _l("Second round: at least this share of the ballots cast"),
    ),  # fmt: skip
    "vacancies_allowed_from": (
        3,
        _l("Seats may stay vacant once this many members are elected"),
    ),  # fmt: skip
}


def engine_differences(rules):
    """Problems for each rule whose value the counting engine does not count by."""
    found = []
    for name, (engine, label) in ENGINE_RULES.items():
        value = getattr(rules, name)
        ours = value if isinstance(engine, int) else fraction(value)
        if ours != engine:
            found.append(_l("The rule set says “%(rule)s”: %(value)s; the counting engine counts by the law's %(engine)s. Change the rule set back to declare with Consult.", rule=label, value=value, engine=str(engine)))  # fmt: skip
    return found


def _waiting(problems, outcome):
    label = outcome.contest.label
    if outcome.error:
        problems.add(_l("%(contest)s: the counts could not be tallied (%(error)s).", contest=label, error=outcome.error))  # fmt: skip
    elif outcome.result is None:
        names = ", ".join(s.name for s in outcome.missing[1])
        problems.add(_l("%(contest)s: waiting for the counts of %(stations)s.", contest=label, stations=names or "—"))  # fmt: skip
    elif outcome.status == "second_round_needed" and outcome.second_round is None:
        problems.add(_l("%(contest)s: a second round is needed; schedule it and enter its counts.", contest=label))  # fmt: skip
    elif outcome.status == "second_round_needed":
        names = ", ".join(s.name for s in outcome.missing[2])
        problems.add(_l("%(contest)s: waiting for the second round's counts of %(stations)s.", contest=label, stations=names))  # fmt: skip


def declaration_problems(election, outcomes=None, *, leave_vacant=None):
    """Everything that stops the declaration now ([] when it may be declared). With
    ``leave_vacant`` given (the form was sent), a missing decision on vacancies is one."""
    problems = Problems()
    for message in engine_differences(election.rules):
        problems.add(message)
    outcomes = election_results(election) if outcomes is None else outcomes
    for outcome in outcomes:
        _waiting(problems, outcome)
    waiting = waiting_objections(election)
    if waiting:
        problems.add(_l("Answer every observer's objection first (%(count)d waiting).", count=len(waiting)))  # fmt: skip
    if leave_vacant is not None and not problems:
        document = results_document(election, outcomes)
        if unfilled_contests(document) and document["vacancies_allowed"] and not leave_vacant:
            problems.add(_l("Seats remain unfilled: say whether they stay vacant."), "leave_vacant")  # fmt: skip
    return problems.items


def declared(election):
    return db.session.scalars(select(Declaration).filter_by(election_id=election.id)).first()


def declare_results(actor, election, *, leave_vacant=False, at=None):
    ensure_committee(actor)
    ensure_counting(election)
    outcomes = election_results(election)
    problems = declaration_problems(election, outcomes, leave_vacant=leave_vacant)
    if problems:
        raise ServiceError(problems=problems)
    document = results_document(election, outcomes)
    for contest in unfilled_contests(document):
        contest["vacant"] = bool(leave_vacant and document["vacancies_allowed"])
    moment = at or clock.now()
    election.move_to(ElectionStatus.DECLARED)
    document["status"] = ElectionStatus.DECLARED.value
    document["declared_at"] = moment.isoformat()
    declaration = Declaration(
        election_id=election.id,
        declared_at=moment,
        declared_by_id=actor.id,
        results_json=json.dumps(document, ensure_ascii=False, sort_keys=True),
    )
    db.session.add(declaration)
    db.session.flush()
    summary = [
        {
            "contest": c["kind"],
            "status": c["status"],
            "elected": c["elected"],
            "unfilled": c["unfilled"],
            "vacant": c["vacant"],
        }  # fmt: skip
        for c in document["contests"]
    ]
    audit.record("election.declared", election, actor=actor, data={"contests": summary})
    return declaration


def results_for(election):
    """The declared results, or the results as they stand (not declared yet)."""
    found = declared(election)
    return found.results if found is not None else results_document(election)
