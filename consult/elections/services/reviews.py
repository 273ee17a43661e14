"""Observers countersign (签字确认) their station's count, or record an objection (异议)
with its text, through the signed link in their messages (no account). A countersignature
covers the count as entered then: after a correction it is shown as given to an earlier
entry. The committee answers every objection before it may declare; both stay on record."""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core import audit
from consult.core.notifications import notify
from consult.core.queue import enqueue
from consult.core.services import ServiceError
from consult.elections import clock
from consult.elections.models import (
    AssignmentStatus,
    CountReview,
    HelperApplication,
    HelperAssignment,
    HelperRole,
    ReviewKind,
    Shift,
)
from consult.elections.services.common import (
    committee_members,
    ensure_committee,
    ensure_counting,
    titles,
)
from consult.elections.services.results import current_entries
from consult.extensions import db

audit.describe("election.count_countersigned", _l("Station count countersigned by an observer"))
audit.describe("election.count_objection", _l("Objection to a station count recorded"))
audit.describe("election.count_objection_answered", _l("Objection to a station count answered"))

MIN_TEXT = 5


def observer_assignments(station):
    """The approved observers' assignments to the station's shifts."""
    return db.session.scalars(
        select(HelperAssignment)
        .join(Shift, HelperAssignment.shift_id == Shift.id)
        .join(HelperApplication, HelperAssignment.application_id == HelperApplication.id)
        .where(
            Shift.station_id == station.id,
            HelperAssignment.status == AssignmentStatus.APPROVED.value,
            HelperApplication.role == HelperRole.OBSERVER.value,
        )
        .options(selectinload(HelperAssignment.application))
        .order_by(HelperAssignment.id)
    ).all()


def may_review(assignment):
    """Whether the assignment is an approved observer's (whose link may countersign)."""
    return (
        assignment.status is AssignmentStatus.APPROVED
        and assignment.application.role is HelperRole.OBSERVER
    )


def station_entries(station, number):
    """The current entries of every contest at ``station`` for round ``number``."""
    entries = []
    for contest in station.election.contests:
        entry = current_entries(contest, number).get(station.id)
        if entry is not None:
            entries.append(entry)
    return entries


def is_current(review):
    """Whether a countersignature covers the count as it stands now."""
    entries = station_entries(review.station, review.round)
    return sorted(e.id for e in entries) == sorted(review.entries)


def review_count(assignment, number, kind, text=None, *, at=None):
    """The observer of ``assignment`` countersigns their station's count of round
    ``number``, or objects to it with ``text``."""
    if not may_review(assignment):
        raise ServiceError(_l("Only an approved observer of this station can countersign its count."))  # fmt: skip
    station = assignment.shift.station
    ensure_counting(station.election)
    kind = ReviewKind.parse(kind)
    if kind is None:
        raise ServiceError(_l("Choose to countersign or to object."))
    entries = station_entries(station, number)
    if not entries:
        raise ServiceError(_l("Nothing to countersign yet: the committee has not entered this count."))  # fmt: skip
    ids = sorted(e.id for e in entries)
    text = (text or "").strip() or None
    if kind is ReviewKind.OBJECTION and len(text or "") < MIN_TEXT:
        raise ServiceError(_l("Say what is wrong with the count."), "text")
    if kind is ReviewKind.COUNTERSIGNED:
        text = None
        if any(r.entries == ids and r.kind is kind for r in reviews_by(assignment, number)):
            raise ServiceError(_l("You have countersigned this count already."))
    review = CountReview(
        election_id=station.election_id,
        station_id=station.id,
        round=number,
        assignment_id=assignment.id,
        kind=kind,
        text=text,
        entries_json=json.dumps(ids),
        made_at=at or clock.now(),
    )
    db.session.add(review)
    db.session.flush()
    action = "election.count_countersigned" if kind is ReviewKind.COUNTERSIGNED else "election.count_objection"  # fmt: skip
    audit.record(action, review, data={"station": station.id, "round": number, "assignment": assignment.id, "entries": ids, "text": text})  # fmt: skip
    if kind is ReviewKind.OBJECTION:
        from consult.elections import COUNT_OBJECTION

        election = station.election
        notify(COUNT_OBJECTION, committee_members(), path=f"/elections/{election.id}/count", title=titles(election), station=station.name)  # fmt: skip
    return review


def reviews_by(assignment, number=None):
    stmt = select(CountReview).filter_by(assignment_id=assignment.id)
    if number is not None:
        stmt = stmt.filter_by(round=number)
    return db.session.scalars(stmt.order_by(CountReview.made_at, CountReview.id)).all()


def reviews_of(election):
    return db.session.scalars(
        select(CountReview)
        .filter_by(election_id=election.id)
        .options(
            selectinload(CountReview.assignment).selectinload(HelperAssignment.application),
            selectinload(CountReview.station),
        )
        .order_by(CountReview.station_id, CountReview.round, CountReview.made_at, CountReview.id)
    ).all()


def waiting_objections(election):
    return [review for review in reviews_of(election) if review.waiting]


def answer_objection(actor, review, answer, *, at=None):
    """The committee's answer to an observer's objection; the observer is told."""
    ensure_committee(actor)
    ensure_counting(review.station.election)
    if review.kind is not ReviewKind.OBJECTION:
        raise ServiceError(_l("Only an objection is answered."))
    if review.answered_at is not None:
        raise ServiceError(_l("This objection has been answered already."))
    answer = (answer or "").strip()
    if len(answer) < 2:
        raise ServiceError(_l("Write the answer; the observer and the public read it."), "answer")
    review.answer, review.answered_at, review.answered_by_id = answer, at or clock.now(), actor.id
    db.session.flush()
    audit.record("election.count_objection_answered", review, actor=actor, data={"answer": answer})
    enqueue("elections.helper_message", actor=actor, application_id=review.assignment.application_id, assignment_id=review.assignment_id, message="answered")  # fmt: skip
    return review
