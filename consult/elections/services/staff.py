"""Counting staff (监票人, 唱票人, 计票人): voters the committee appoints per station,
published before the day. No candidate, and no relative of a candidate that the candidate
or the appointee declared (spouse, parent, child, sibling by default), may serve."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.services import Problems, ServiceError
from consult.elections.models import (
    Candidate,
    CountingStaff,
    DeclaredBy,
    PublicationKind,
    Relation,
    StaffRole,
)
from consult.elections.services.candidates import declare_relation, is_candidate
from consult.elections.services.common import ensure_committee, ensure_preparing
from consult.elections.services.publishing import record_publication
from consult.elections.services.voters import is_listed
from consult.extensions import db

audit.describe("election.staff_appointed", _l("Counting staff appointed"))
audit.describe("election.staff_removed", _l("Counting staff removed"))


def blocking_relations(election, resident):
    """The declared relations that keep ``resident`` from the count (either side's)."""
    blocked = election.rules.staff_blocked_relations
    name = (resident.full_name or "").casefold()
    return [
        relation
        for relation in db.session.scalars(
            select(Relation)
            .join(Candidate, Relation.candidate_id == Candidate.id)
            .where(
                Relation.election_id == election.id,
                Candidate.withdrawn_on.is_(None),
                or_(Relation.resident_id == resident.id, Relation.resident_id.is_(None)),
            )
            .options(selectinload(Relation.candidate))
        )
        if relation.kind.value in blocked
        and (
            relation.resident_id == resident.id or (relation.relative_name or "").casefold() == name
        )
    ]


def staff_conflicts(election, resident):
    """Why ``resident`` may not serve as counting staff (empty when they may)."""
    reasons = []
    if is_candidate(election, resident):
        reasons.append(_l("%(name)s is a candidate.", name=resident.full_name))
    for relation in blocking_relations(election, resident):
        reasons.append(
            _l(
                "%(name)s is the %(relation)s of candidate %(candidate)s (declared by %(who)s).",
                name=resident.full_name,
                relation=str(relation.kind.label).lower(),
                candidate=relation.candidate.name,
                who=relation.declared_by.label,
            )
        )
    return reasons


def appoint_staff(actor, election, station, resident, role, declarations=()):
    """Appoint ``resident`` to ``station`` as ``role``. ``declarations`` are the appointee's
    own [(candidate, relation kind)]: kept, and they block the appointment like the
    candidates' declarations do."""
    ensure_committee(actor)
    ensure_preparing(election)
    problems = Problems()
    if station is None or station.election_id != election.id:
        problems.add(_l("Choose the polling station."), "station")
    if StaffRole.parse(role) is None:
        problems.add(_l("Choose the role."), "role")
    if resident is None or not is_listed(election, resident):
        problems.add(_l("Counting staff must be on the voter list."), "resident")
    elif db.session.scalar(
        select(CountingStaff.id).filter_by(election_id=election.id, resident_id=resident.id)
    ):
        problems.add(_l("This person is counting staff already."), "resident")
    problems.raise_any()
    for candidate, kind in declarations:
        declare_relation(actor, candidate, kind, DeclaredBy.APPOINTEE, resident=resident)
    reasons = staff_conflicts(election, resident)
    if reasons:
        raise ServiceError(problems=[(reason, "resident") for reason in reasons])
    staff = CountingStaff(
        election_id=election.id, station=station, resident=resident, role=StaffRole(role)
    )
    db.session.add(staff)
    db.session.flush()
    audit.record("election.staff_appointed", staff, actor=actor, data={"resident": resident.id, "station": station.id, "role": staff.role.value})  # fmt: skip
    return staff


def remove_staff(actor, staff):
    ensure_committee(actor)
    audit.record("election.staff_removed", staff, actor=actor, data={"resident": staff.resident_id})  # fmt: skip
    db.session.delete(staff)


def staff_of(election):
    return db.session.scalars(
        select(CountingStaff)
        .where(CountingStaff.election_id == election.id)
        .options(selectinload(CountingStaff.resident), selectinload(CountingStaff.station))
        .order_by(CountingStaff.station_id, CountingStaff.role, CountingStaff.id)
    ).all()


def conflicted_staff(election):
    """[(staff, reasons)] for appointments a later declaration or nomination conflicts with."""
    return [
        (staff, reasons)
        for staff in staff_of(election)
        if (reasons := staff_conflicts(election, staff.resident))
    ]


def publish_staff(actor, election, *, at=None):
    ensure_committee(actor)
    ensure_preparing(election)
    staff = staff_of(election)
    if not staff:
        raise ServiceError(_l("No counting staff are appointed yet."))
    conflicted = conflicted_staff(election)
    if conflicted:
        raise ServiceError(problems=[(reason, None) for _s, reasons in conflicted for reason in reasons])  # fmt: skip
    return record_publication(actor, election, PublicationKind.COUNTING_STAFF, len(staff), at=at)
