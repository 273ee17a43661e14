"""Observers' and volunteers' sign-up (no account needed): the public form, the signed
confirmation link sent by e-mail or text message, lapsing, and the person's own
cancellation through their signed link."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.notifications.sms import sms_enabled
from consult.core.queue import enqueue
from consult.core.services import Problems, ServiceError
from consult.elections import clock
from consult.elections.models import (
    ApplicationStatus,
    AssignmentStatus,
    Candidate,
    ElectionStatus,
    HelperApplication,
    HelperAssignment,
    HelperRole,
    PollingStation,
    Relation,
    RelationKind,
    Shift,
)
from consult.elections.services.setup import current_code
from consult.extensions import db

CONFIRM_HOURS = 48  # an application not confirmed by then lapses

audit.describe("election.helper_signed_up", _l("Observer or volunteer signed up"))
audit.describe("election.helper_confirmed", _l("Observer or volunteer confirmed the sign-up"))
audit.describe("election.helper_lapsed", _l("Sign-up lapsed (not confirmed)"))
audit.describe("election.helper_cancelled", _l("Observer or volunteer cancelled a shift"))


def election_shifts(election):
    return db.session.scalars(
        select(Shift)
        .join(PollingStation)
        .where(PollingStation.election_id == election.id)
        .order_by(Shift.starts_at, PollingStation.name, Shift.id)
    ).all()


def signup_open(election, today=None):
    """Sign-up is open while the election is in preparation, until the day before, and
    there are shifts to sign up for."""
    today = today or clock.today()
    return (
        ElectionStatus(election.status) is ElectionStatus.PREPARING
        and today < election.election_day
        and bool(election_shifts(election))
    )


def normal_phone(phone):
    """+ and digits only, so "138 0000 0000" and "13800000000" are one person."""
    phone = (phone or "").strip()
    digits = "".join(ch for ch in phone if ch.isdigit())
    return ("+" if phone.startswith("+") else "") + digits if digits else None


def name_key(*names):
    return {" ".join(n.split()).casefold() for n in names if n and n.strip()}


def declared_relative(election, names):
    """A relation a candidate (or anyone) declared with someone of one of these names."""
    keys = name_key(*names)
    for relation in db.session.scalars(select(Relation).where(Relation.election_id == election.id)):
        relative = relation.relative_name or (relation.resident.full_name if relation.resident else "")  # fmt: skip
        latin = relation.resident.latin_name if relation.resident else None
        if keys & name_key(relative, latin):
            return relation
    return None


def is_a_candidate(election, names):
    keys = name_key(*names)
    return any(
        keys & name_key(c.name, c.latin_name)
        for c in db.session.scalars(select(Candidate).filter_by(election_id=election.id))
    )


def sign_up(election, values, shift_ids, *, locale="en", now=None):
    """A new application (unconfirmed) and its requested shifts; the confirmation link is
    sent by e-mail and/or text message once this commits."""
    now = now or clock.now()
    if not signup_open(election, clock.today(now)):
        raise ServiceError(_l("Sign-up for this election is closed."))
    problems = Problems()
    role = HelperRole.parse(values.get("role"))
    if role is None:
        problems.add(_l("Choose whether you want to observe or volunteer."), "role")
    email = (values.get("email") or "").strip().lower() or None
    phone = normal_phone(values.get("phone"))
    if not email and not phone:
        problems.add(_l("Give an e-mail address or a phone number, so that we can reach you."), "email")  # fmt: skip
    elif not email and not sms_enabled():
        problems.add(_l("Text messages cannot be sent yet: give an e-mail address."), "email")
    shifts = {s.id: s for s in election_shifts(election)}
    chosen = [shifts[i] for i in dict.fromkeys(shift_ids) if i in shifts]
    if not chosen:
        problems.add(_l("Choose at least one shift."), "shifts")
    for index, shift in enumerate(chosen):
        if any(shift.overlaps(other) for other in chosen[index + 1 :]):
            problems.add(_l("Two of the shifts you chose overlap; one person can hold only one of them."), "shifts")  # fmt: skip
            break
    code = current_code(election)
    candidate_id = values.get("relation_candidate_id")
    candidate = db.session.get(Candidate, candidate_id) if candidate_id else None
    kind = RelationKind.parse(values.get("relation_kind"))
    if candidate is not None and (candidate.election_id != election.id or kind is None):
        problems.add(_l("Say how you are related to the candidate."), "relation_kind")
    names = (values.get("full_name"), values.get("latin_name"))
    if role is HelperRole.OBSERVER:
        if code is None:
            problems.add(_l("Observers cannot sign up until the committee has written the code of conduct."))  # fmt: skip
        elif not values.get("accept_conduct"):
            problems.add(_l("Observers must accept the code of conduct."), "accept_conduct")
        if candidate is not None or declared_relative(election, names):
            problems.add(_l("Relatives of a candidate cannot observe this election; you may sign up as a volunteer."), "role")  # fmt: skip
        elif is_a_candidate(election, names):
            problems.add(_l("A candidate cannot observe the election."), "role")
    problems.raise_any()
    station_id = values.get("preferred_station_id")
    application = HelperApplication(
        election_id=election.id,
        role=role,
        full_name=" ".join(values["full_name"].split()),
        latin_name=" ".join(values["latin_name"].split()),
        nationality=values.get("nationality") or None,
        languages=values.get("languages") or "",
        email=email,
        phone=phone,
        locale=locale,
        preferred_station_id=station_id
        if station_id in {s.station_id for s in shifts.values()}
        else None,  # fmt: skip
        relation_candidate_id=candidate.id if candidate else None,
        relation_kind=kind if candidate else None,
        conduct_version=code.version if role is HelperRole.OBSERVER else None,
        created_at=now,
    )
    for shift in chosen:
        application.assignments.append(HelperAssignment(shift=shift, requested_at=now))
    db.session.add(application)
    db.session.flush()
    audit.record("election.helper_signed_up", application, actor=None, data={"role": role.value, "shifts": [s.id for s in chosen], "conduct_version": application.conduct_version})  # fmt: skip
    enqueue("elections.helper_message", application_id=application.id, message="confirm")
    return application


def lapse_due(application, now=None):
    return application.created_at + timedelta(hours=CONFIRM_HOURS) <= (now or clock.now())


def status_of(application, now=None):
    """The application's status, lapsed as soon as its time is up (job or no job)."""
    status = ApplicationStatus(application.status)
    if status is ApplicationStatus.UNCONFIRMED and lapse_due(application, now):
        return ApplicationStatus.LAPSED
    return status


def confirm_application(application, *, now=None):
    status = status_of(application, now)
    if status is ApplicationStatus.CONFIRMED:
        return application
    if status is not ApplicationStatus.UNCONFIRMED:
        raise ServiceError(_l("This sign-up was not confirmed in time, or was withdrawn. Sign up again."))  # fmt: skip
    application.move_to(ApplicationStatus.CONFIRMED)
    application.confirmed_at = now or clock.now()
    db.session.flush()
    audit.record("election.helper_confirmed", application)
    return application


def lapse_unconfirmed(now=None):
    """Mark applications whose confirmation time is up as lapsed (the periodic job)."""
    now = now or clock.now()
    cutoff = now - timedelta(hours=CONFIRM_HOURS)
    stale = db.session.scalars(
        select(HelperApplication).where(
            HelperApplication.status == ApplicationStatus.UNCONFIRMED.value,
            HelperApplication.created_at <= cutoff,
        )
    ).all()
    for application in stale:
        application.move_to(ApplicationStatus.LAPSED)
        for assignment in application.assignments:
            if assignment.status is AssignmentStatus.REQUESTED:
                assignment.move_to(AssignmentStatus.CANCELLED)
        audit.record("election.helper_lapsed", application)
    db.session.flush()
    return len(stale)


def cancel_assignment(application, assignment):
    """The person gives up one shift (their signed link); the wait list moves up."""
    from consult.elections.services.decisions import promote_wait_list

    if assignment.application_id != application.id:
        raise ServiceError(_l("This shift is not part of your sign-up."))
    status = AssignmentStatus(assignment.status)
    if not status.can_move_to(AssignmentStatus.CANCELLED):
        raise ServiceError(_l("This shift cannot be cancelled any more."))
    was_approved = status is AssignmentStatus.APPROVED
    assignment.move_to(AssignmentStatus.CANCELLED)
    assignment.decided_at = clock.now()
    db.session.flush()
    audit.record("election.helper_cancelled", assignment, data={"shift": assignment.shift_id})
    if was_approved:
        promote_wait_list(None, assignment.shift, HelperRole(application.role))
    finished = (AssignmentStatus.CANCELLED, AssignmentStatus.DECLINED, AssignmentStatus.REVOKED)
    status = ApplicationStatus(application.status)
    if all(a.status in finished for a in application.assignments) and status.can_move_to(
        ApplicationStatus.WITHDRAWN
    ):
        application.move_to(ApplicationStatus.WITHDRAWN)
    return assignment
