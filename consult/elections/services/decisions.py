"""The committee's decisions on observers and volunteers, per shift: approve within each
shift's capacity per role, wait-list, decline, revoke. When a place comes free the wait
list moves up by itself. Every decision is sent to the person in their language."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.queue import enqueue
from consult.core.services import ServiceError
from consult.elections import clock
from consult.elections.models import (
    ApplicationStatus,
    AssignmentStatus,
    HelperApplication,
    HelperAssignment,
    HelperRole,
    PollingStation,
    Shift,
)
from consult.elections.services.common import ensure_committee
from consult.elections.services.signup import declared_relative, is_a_candidate, status_of
from consult.extensions import db

audit.describe("election.helper_approved", _l("Observer or volunteer approved"))
audit.describe("election.helper_wait_listed", _l("Observer or volunteer put on the wait list"))
audit.describe("election.helper_declined", _l("Observer or volunteer declined"))
audit.describe("election.helper_revoked", _l("Observer's or volunteer's badge revoked"))
audit.describe("election.helper_moved_up", _l("Moved up from the wait list"))

APPROVED = AssignmentStatus.APPROVED


def approved_count(shift, role):
    return db.session.scalar(
        select(func.count(HelperAssignment.id))
        .join(HelperApplication)
        .where(
            HelperAssignment.shift_id == shift.id,
            HelperAssignment.status == APPROVED.value,
            HelperApplication.role == HelperRole(role).value,
        )
    )


def overlapping_approved(application, shift):
    """Approved shifts of the same person (same e-mail or phone, any election) that overlap
    ``shift``: one person cannot be in two places at once."""
    same_person = []
    if application.email:
        same_person.append(HelperApplication.email == application.email)
    if application.phone:
        same_person.append(HelperApplication.phone == application.phone)
    if not same_person:
        return []
    return db.session.scalars(
        select(HelperAssignment)
        .join(HelperApplication)
        .join(Shift, HelperAssignment.shift_id == Shift.id)
        .where(
            or_(*same_person),
            HelperAssignment.status == APPROVED.value,
            Shift.id != shift.id,
            Shift.starts_at < shift.ends_at,
            Shift.ends_at > shift.starts_at,
        )
    ).all()


def approval_problems(assignment):
    """Why ``assignment`` cannot be approved now (empty when it can)."""
    application, shift = assignment.application, assignment.shift
    role = HelperRole(application.role)
    problems = []
    if status_of(application) is not ApplicationStatus.CONFIRMED:
        problems.append(_l("The person has not confirmed the sign-up."))
    if AssignmentStatus(assignment.status) not in (AssignmentStatus.REQUESTED, AssignmentStatus.WAIT_LISTED):  # fmt: skip
        problems.append(_l("Only a request or someone on the wait list can be approved."))
    if approved_count(shift, role) >= shift.capacity(role):
        problems.append(_l("The shift is full for this role: put the person on the wait list."))
    if overlapping_approved(application, shift):
        problems.append(_l("The person already holds an overlapping shift."))
    if role is HelperRole.OBSERVER:
        names = (application.full_name, application.latin_name)
        if application.relation_candidate_id or declared_relative(application.election, names):
            problems.append(_l("A candidate's relative cannot observe."))
        elif is_a_candidate(application.election, names):
            problems.append(_l("A candidate cannot observe the election."))
    return problems


def _decide(actor, assignment, status, action, message):
    assignment.move_to(status)
    assignment.decided_at = clock.now()
    assignment.decided_by_id = getattr(actor, "id", None)
    db.session.flush()
    audit.record(action, assignment, actor=actor, data={"shift": assignment.shift_id, "application": assignment.application_id})  # fmt: skip
    enqueue(
        "elections.helper_message",
        actor=actor,
        application_id=assignment.application_id,
        assignment_id=assignment.id,
        message=message,
    )
    return assignment


def approve_assignment(actor, assignment):
    ensure_committee(actor)
    problems = approval_problems(assignment)
    if problems:
        raise ServiceError(problems=[(p, None) for p in problems])
    return _decide(actor, assignment, APPROVED, "election.helper_approved", "approved")


def wait_list_assignment(actor, assignment):
    ensure_committee(actor)
    if AssignmentStatus(assignment.status) is not AssignmentStatus.REQUESTED:
        raise ServiceError(_l("Only a new request can be put on the wait list."))
    if status_of(assignment.application) is not ApplicationStatus.CONFIRMED:
        raise ServiceError(_l("The person has not confirmed the sign-up."))
    return _decide(actor, assignment, AssignmentStatus.WAIT_LISTED, "election.helper_wait_listed", "wait_listed")  # fmt: skip


def decline_assignment(actor, assignment):
    ensure_committee(actor)
    status = AssignmentStatus(assignment.status)
    if not status.can_move_to(AssignmentStatus.DECLINED):
        raise ServiceError(_l("This request has been decided already."))
    return _decide(actor, assignment, AssignmentStatus.DECLINED, "election.helper_declined", "declined")  # fmt: skip


def revoke_assignment(actor, assignment):
    """Withdraw an approval (the badge shows "revoked"); the wait list moves up."""
    ensure_committee(actor)
    if AssignmentStatus(assignment.status) is not APPROVED:
        raise ServiceError(_l("Only an approved person's badge can be revoked."))
    _decide(actor, assignment, AssignmentStatus.REVOKED, "election.helper_revoked", "revoked")
    promote_wait_list(actor, assignment.shift, HelperRole(assignment.application.role))
    return assignment


def wait_list(shift, role):
    return db.session.scalars(
        select(HelperAssignment)
        .join(HelperApplication)
        .where(
            HelperAssignment.shift_id == shift.id,
            HelperAssignment.status == AssignmentStatus.WAIT_LISTED.value,
            HelperApplication.role == HelperRole(role).value,
        )
        .order_by(HelperAssignment.requested_at, HelperAssignment.id)
    ).all()


def promote_wait_list(actor, shift, role):
    """Approve people from the wait list, first come first, while there is room (skipping
    anyone who can no longer be approved, such as someone now on an overlapping shift)."""
    promoted = []
    for assignment in wait_list(shift, role):
        if approved_count(shift, role) >= shift.capacity(role):
            break
        if approval_problems(assignment):
            continue
        promoted.append(_decide(actor, assignment, APPROVED, "election.helper_moved_up", "moved_up"))  # fmt: skip
    return promoted


def applications_by_shift(election):
    """[(station, [(shift, {role: [assignment, ...]})])] for the committee's page."""
    assignments = db.session.scalars(
        select(HelperAssignment)
        .join(HelperApplication)
        .where(HelperApplication.election_id == election.id)
        .options(selectinload(HelperAssignment.application))
        .order_by(HelperAssignment.requested_at, HelperAssignment.id)
    ).all()
    by_shift = {}
    for assignment in assignments:
        role = HelperRole(assignment.application.role).value
        by_shift.setdefault(assignment.shift_id, {}).setdefault(role, []).append(assignment)
    stations = db.session.scalars(
        select(PollingStation)
        .where(PollingStation.election_id == election.id)
        .options(selectinload(PollingStation.shifts))
        .order_by(PollingStation.id)
    ).all()
    return [
        (station, [(shift, by_shift.get(shift.id, {})) for shift in station.shifts])
        for station in stations
    ]
