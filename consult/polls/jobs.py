"""The queue's part: open and close polls on time, publish, and tell people.

Whether a poll is open follows from its stored times at every request; these jobs only do
the side effects (ARCHITECTURE.md): fix the voter list of a poll that opened with nobody
around, record the closing and rewrite the rows, publish, send notifications.
"""

from sqlalchemy import select

from consult.accounts.models import User
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.queue import Job, JobStatus, every_minutes, periodic, task
from consult.core.urls import site_path
from consult.extensions import db
from consult.i18n import UI_LOCALES
from consult.polls import closing, electorate
from consult.polls.models import Poll, PollElectorate
from consult.polls.paper import paper_ticks
from consult.polls.services import schedule_closing
from consult.polls.texts import texts_per_locale
from consult.residents.models import Resident


@task("polls.close")
def close_task(job, poll_id):
    close(poll_id)


def close(poll_id):
    """Record the closing, rewrite the rows, and publish unless paper ballots are to come."""
    if not closing.record_closing(poll_id):
        return
    poll = db.session.get(Poll, poll_id)
    if poll.shuffled_at is None or poll.shuffled_at < poll.closed_at:
        closing.rewrite_in_random_order(poll_id)
    poll = db.session.get(Poll, poll_id)
    if poll.closing_sha256 is None:
        closing.record_ballot_list(poll_id, publish_now=paper_ticks(poll) == 0)


@task("polls.publish")
def publish_task(job, poll_id):
    publish(poll_id)


def publish(poll_id):
    """Mix the paper ballots in (a new shuffle) and publish."""
    poll = db.session.get(Poll, poll_id)
    if poll.published_at is not None or poll.closing_sha256 is None:
        return
    closing.rewrite_in_random_order(poll_id)
    closing.publish(poll_id)


def _electorate_accounts(poll_id):
    return db.session.scalars(
        select(User)
        .join(Resident, Resident.user_id == User.id)
        .join(PollElectorate, PollElectorate.resident_id == Resident.id)
        .where(PollElectorate.poll_id == poll_id, User.active.is_(True))
        .order_by(User.id)
    ).all()


def _tell(kind, poll_id):
    poll = db.session.get(Poll, poll_id)
    if poll is None or poll.cancelled_at is not None:
        return
    notify(
        kind,
        _electorate_accounts(poll_id),
        path=site_path("polls.poll", poll_id=poll_id),
        question=texts_per_locale(poll.question, UI_LOCALES),
    )
    db.session.commit()


@task("polls.opened")
def opened_task(job, poll_id):
    from consult.polls import POLL_OPENED

    _tell(POLL_OPENED, poll_id)


@task("polls.published")
def published_task(job, poll_id):
    from consult.polls import RESULTS_PUBLISHED

    _tell(RESULTS_PUBLISHED, poll_id)


@periodic("polls.tick", every_minutes(1))
def tick(now=None):
    """Fix the voter lists of polls that opened; ask for the closing of polls that closed."""
    now = now or utcnow()
    opening = db.session.scalars(
        select(Poll).where(
            Poll.opens_at <= now,
            Poll.closes_at > now,
            Poll.opened_at.is_(None),
            Poll.cancelled_at.is_(None),
        )
    ).all()
    for poll in opening:
        electorate.fix_electorate(poll)
        db.session.commit()
    closed = db.session.scalars(
        select(Poll).where(
            Poll.closes_at <= now, Poll.closing_sha256.is_(None), Poll.cancelled_at.is_(None)
        )
    ).all()
    for poll in closed:
        job = db.session.get(Job, poll.closing_job_id) if poll.closing_job_id else None
        if job is not None and JobStatus(job.status) in (JobStatus.QUEUED, JobStatus.RUNNING):
            continue
        schedule_closing(poll)
        db.session.commit()
