"""Candidates (候选人): nominated voters with a profile in every content language, more of
them than seats (差额), published in order of nomination votes; written withdrawals; the
family relations candidates declare."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import (
    Candidate,
    CandidateStatement,
    Contest,
    CountingStaff,
    DeclaredBy,
    Proxy,
    PublicationKind,
    Relation,
    RelationKind,
)
from consult.elections.services.common import ensure_committee, ensure_preparing, missing_languages
from consult.elections.services.publishing import last_publication, record_publication
from consult.elections.services.voters import is_listed
from consult.extensions import db

audit.describe("election.candidate_added", _l("Candidate added"))
audit.describe("election.candidate_updated", _l("Candidate edited"))
audit.describe("election.candidate_withdrawn", _l("Candidate withdrew"))
audit.describe("election.candidate_removed", _l("Candidate removed"))
audit.describe("election.relation_declared", _l("Family relation declared"))
audit.describe("election.relation_removed", _l("Family relation removed"))

FIELDS = ("contest_id", "name", "latin_name", "nomination_votes")


def candidates_of(election, *, active_only=False):
    """The candidates by contest, then by nomination votes (most first)."""
    stmt = (
        select(Candidate)
        .join(Contest)
        .where(Candidate.election_id == election.id)
        .options(selectinload(Candidate.statements), selectinload(Candidate.contest))
        .order_by(Contest.position, Candidate.nomination_votes.desc(), Candidate.id)
    )
    if active_only:
        stmt = stmt.where(Candidate.withdrawn_on.is_(None))
    return db.session.scalars(stmt).all()


def is_candidate(election, resident):
    return (
        resident is not None
        and db.session.scalar(
            select(Candidate.id).filter_by(election_id=election.id, resident_id=resident.id)
        )
        is not None
    )


def _check_profile(problems, name, latin_name, nomination_votes, statements):
    if not (name or "").strip():
        problems.add(_l("Give the name in its own script."), "name")
    if not (latin_name or "").strip():
        problems.add(_l("Give the name in Latin letters."), "latin_name")
    if nomination_votes is None or nomination_votes < 0:
        problems.add(_l("Nomination votes are a whole number, 0 or more."), "nomination_votes")
    for language in missing_languages(statements):
        problems.add(_l("Write the statement in every content language."), f"statement_{language}")


def _write_statements(candidate, statements):
    existing = {s.language: s for s in candidate.statements}
    for language, text in statements.items():
        text = (text or "").strip()
        if language in existing:
            existing[language].text = text
        elif text:
            candidate.statements.append(CandidateStatement(language=language, text=text))


def add_candidate(actor, election, contest, resident, *, name, latin_name, nomination_votes, statements):  # fmt: skip
    ensure_committee(actor)
    ensure_preparing(election)
    problems = Problems()
    if contest is None or contest.election_id != election.id:
        problems.add(_l("Choose the contest."), "contest")
    if resident is None or not is_listed(election, resident):
        problems.add(_l("A candidate must be on the voter list."), "resident")
    elif is_candidate(election, resident):
        problems.add(_l("This person is already a candidate in this election."), "resident")
    elif _holds_other_role(election, resident):
        problems.add(_l("This person is counting staff or a proxy in this election; a candidate cannot be."), "resident")  # fmt: skip
    _check_profile(problems, name, latin_name, nomination_votes, statements)
    problems.raise_any()
    candidate = Candidate(
        election_id=election.id,
        contest=contest,
        resident=resident,
        name=name.strip(),
        latin_name=latin_name.strip(),
        nomination_votes=nomination_votes,
    )
    db.session.add(candidate)
    _write_statements(candidate, statements)
    db.session.flush()
    audit.record("election.candidate_added", candidate, actor=actor, data={"contest": contest.kind.value, "resident": resident.id, "nomination_votes": nomination_votes})  # fmt: skip
    return candidate


def _holds_other_role(election, resident):
    staff = db.session.scalar(
        select(CountingStaff.id).filter_by(election_id=election.id, resident_id=resident.id)
    )
    proxy = db.session.scalar(
        select(Proxy.id).filter_by(election_id=election.id, proxy_id=resident.id)
    )
    return staff is not None or proxy is not None


def update_candidate(actor, candidate, contest, *, name, latin_name, nomination_votes, statements):  # fmt: skip
    ensure_committee(actor)
    ensure_preparing(candidate.contest.election)
    problems = Problems()
    if contest is None or contest.election_id != candidate.election_id:
        problems.add(_l("Choose the contest."), "contest")
    _check_profile(problems, name, latin_name, nomination_votes, statements)
    problems.raise_any()
    before = audit.snapshot(candidate, FIELDS)
    before_statements = {s.language: s.text for s in candidate.statements}
    candidate.contest = contest
    candidate.name, candidate.latin_name = name.strip(), latin_name.strip()
    candidate.nomination_votes = nomination_votes
    _write_statements(candidate, statements)
    db.session.flush()
    changes = audit.changes_since(before, candidate)
    after_statements = {s.language: s.text for s in candidate.statements}
    if after_statements != before_statements:
        changes["statements"] = (before_statements, after_statements)
        candidate.updated_at = clock.now()  # a changed profile is a changed list
    audit.record("election.candidate_updated", candidate, actor=actor, changes=changes)
    return candidate


def remove_candidate(actor, candidate):
    """Remove a nomination entered by mistake (before the list is published)."""
    ensure_committee(actor)
    election = candidate.contest.election
    if last_publication(election, PublicationKind.CANDIDATES) is not None:
        raise ServiceError(_l("The candidates are published: a candidate can only withdraw, in writing."))  # fmt: skip
    audit.record("election.candidate_removed", candidate, actor=actor, data={"resident": candidate.resident_id})  # fmt: skip
    db.session.delete(candidate)


def withdrawal_deadline(election):
    return election.election_day - timedelta(days=election.rules.withdrawal_days)


def withdraw_candidate(actor, candidate, signed_on, note, *, today=None):
    """Record a candidate's written withdrawal, received by the rule set's deadline (D-3)."""
    ensure_committee(actor)
    election = candidate.contest.election
    ensure_preparing(election)
    today = today or clock.today()
    if candidate.withdrawn:
        raise ServiceError(_l("This candidate has withdrawn already."))
    deadline = withdrawal_deadline(election)
    if today > deadline:
        raise ServiceError(_l("Withdrawals had to be received by %(day)s.", day=deadline.isoformat()))  # fmt: skip
    if signed_on is None or signed_on > today:
        raise ServiceError(_l("Give the date the written withdrawal was signed (not in the future)."), "signed_on")  # fmt: skip
    candidate.withdrawn_on, candidate.withdrawal_note = signed_on, (note or "").strip() or None
    db.session.flush()
    audit.record("election.candidate_withdrawn", candidate, actor=actor, data={"signed_on": signed_on})  # fmt: skip
    return candidate


def not_competitive(election):
    """The contests with no more active candidates than seats (差额 not met)."""
    active = candidates_of(election, active_only=True)
    counts = {}
    for candidate in active:
        counts[candidate.contest_id] = counts.get(candidate.contest_id, 0) + 1
    return [c for c in election.contests if counts.get(c.id, 0) <= c.seats]


def publish_candidates(actor, election, *, at=None):
    """Publish the candidates, in order of nomination votes. Refused while a contest has no
    more candidates than seats (when the rule set asks for 差额) or a profile lacks a
    content language."""
    ensure_committee(actor)
    ensure_preparing(election)
    problems = Problems()
    if election.rules.competitive:
        for contest in not_competitive(election):
            problems.add(_l("%(contest)s: %(seats)d seat(s) need more candidates than that (差额).", contest=contest.label, seats=contest.seats))  # fmt: skip
    active = candidates_of(election, active_only=True)
    for candidate in active:
        statements = {s.language: s.text for s in candidate.statements}
        if missing_languages(statements):
            problems.add(_l("%(name)s: the statement is missing in a content language.", name=candidate.name))  # fmt: skip
    if not active:
        problems.add(_l("There are no candidates to publish."))
    problems.raise_any()
    return record_publication(actor, election, PublicationKind.CANDIDATES, len(active), at=at)


def published_candidates(election):
    """What the public sees: nothing before publication; afterwards the candidates that
    were published (withdrawals marked), in order."""
    published = last_publication(election, PublicationKind.CANDIDATES)
    if published is None:
        return []
    return [c for c in candidates_of(election) if c.created_at <= published.published_at]


# Declared relations ---------------------------------------------------------------------


def declare_relation(actor, candidate, kind, declared_by, *, resident=None, name=None):
    """A family relation declared by the candidate or by someone else (an appointee)."""
    ensure_committee(actor)
    kind, declared_by = RelationKind.parse(kind), DeclaredBy.parse(declared_by)
    name = " ".join((name or "").split()) or None
    if kind is None:
        raise ServiceError(_l("Choose the family relation."), "kind")
    if declared_by is None:
        raise ServiceError(_l("Say who declared the relation."), "declared_by")
    if resident is None and name is None:
        raise ServiceError(_l("Give the relative's register number or name."), "resident")
    if resident is not None and resident.id == candidate.resident_id:
        raise ServiceError(_l("A candidate is not their own relative."), "resident")
    relation = Relation(
        election_id=candidate.election_id,
        candidate=candidate,
        resident=resident,
        relative_name=name or (resident.full_name if resident else None),
        kind=kind,
        declared_by=declared_by,
    )
    db.session.add(relation)
    db.session.flush()
    audit.record("election.relation_declared", relation, actor=actor, data={"candidate": candidate.id, "resident": getattr(resident, "id", None), "kind": kind.value, "declared_by": declared_by.value})  # fmt: skip
    return relation


def remove_relation(actor, relation):
    ensure_committee(actor)
    audit.record("election.relation_removed", relation, actor=actor, data={"candidate": relation.candidate_id})  # fmt: skip
    db.session.delete(relation)


def relations_of(election):
    return db.session.scalars(
        select(Relation)
        .where(Relation.election_id == election.id)
        .options(selectinload(Relation.candidate), selectinload(Relation.resident))
        .order_by(Relation.id)
    ).all()
