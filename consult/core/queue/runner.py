"""Enqueueing after commit, claiming and running a job, heartbeats, the reaper, retries."""

import json
import os
import socket
import threading
import traceback
from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import current_app, g, has_app_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import event, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from consult.core import audit
from consult.core.models import utcnow
from consult.core.queue.models import Job, JobStatus, PeriodicRun
from consult.core.queue.registry import PERIODIC, TASKS
from consult.core.services import ServiceError
from consult.extensions import db

PENDING = "consult.queue.pending"
WORKER_STOPPED = "The worker stopped while running this job (it was restarted or killed)."

audit.describe("job.retried", _l("Background job retried"))
audit.describe("job.failed", _l("Background job failed"))


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}"


# Enqueueing ---------------------------------------------------------------------------


def enqueue(kind, *, actor=None, **payload):
    """Create a job of ``kind``; it reaches the queue when this transaction commits."""
    if kind not in TASKS:
        raise ValueError(f"no task is registered for {kind!r}")
    job = Job(
        kind=kind,
        payload=json.dumps(payload, sort_keys=True),
        created_by_id=getattr(actor, "id", None)
        if getattr(actor, "is_authenticated", False)
        else None,
    )
    db.session.add(job)
    db.session.flush()
    db.session.info.setdefault(PENDING, []).append(job.id)
    return job


@event.listens_for(Session, "after_commit")
def _dispatch_committed(session):
    ids = session.info.pop(PENDING, [])
    if ids and has_app_context():
        current_app.extensions["consult.queue"].dispatch(ids)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session):
    session.info.pop(PENDING, None)


def run_pending():
    """Inline mode: run the jobs committed so far in this app context (tests, commands)."""
    while ids := g.pop("consult_inline_jobs", []):
        for job_id in ids:
            run_job(job_id)


# Running ------------------------------------------------------------------------------


def _claim(job_id):
    """Mark the job running for this worker, unless another worker got it first."""
    now = utcnow()
    claimed = db.session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.QUEUED.value)
        .values(
            status=JobStatus.RUNNING.value,
            started_at=now,
            heartbeat_at=now,
            worker=worker_name(),
            attempts=Job.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return claimed == 1


class _Heartbeat:
    """Every few seconds, in its own connection, the running job says it is alive."""

    def __init__(self, app, job_id):
        self.app, self.job_id = app, job_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True)

    def _beat(self):
        interval = self.app.config["JOB_HEARTBEAT_SECONDS"]
        while not self.stop.wait(interval):
            try:
                with self.app.app_context():
                    db.session.execute(
                        update(Job)
                        .where(Job.id == self.job_id, Job.status == JobStatus.RUNNING.value)
                        .values(heartbeat_at=utcnow())
                    )
                    db.session.commit()
            except Exception:  # the next beat tries again; the reaper is patient
                self.app.logger.warning("heartbeat of job %s failed", self.job_id)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=5)


def run_job(job_id):
    """Claim and run one job; record how it ended. Called by the worker (or inline)."""
    if not _claim(job_id):
        return None
    job = db.session.get(Job, job_id)
    spec = TASKS.get(job.kind)
    payload = json.loads(job.payload or "{}")
    kind = job.kind
    # No transaction stays open while the job runs: on SQLite it would hold the write lock.
    db.session.rollback()
    g.audit_actor_kind = "job"
    app = current_app._get_current_object()
    try:
        if spec is None:
            raise LookupError(f"no task is registered for {kind!r}")
        with _Heartbeat(app, job_id):
            spec.function(job, **payload)
        job = db.session.get(Job, job_id)
        job.move_to(JobStatus.DONE)
        job.finished_at = utcnow()
        db.session.commit()
    except Exception:
        app.logger.exception("job %s (%s) failed", job_id, kind)
        db.session.rollback()
        _fail(job_id, traceback.format_exc(limit=5))
    finally:
        g.pop("audit_actor_kind", None)
    return db.session.get(Job, job_id)


def _fail(job_id, error):
    job = db.session.get(Job, job_id)
    job.move_to(JobStatus.FAILED)
    job.error = error[-4000:]
    job.finished_at = utcnow()
    audit.record("job.failed", job, data={"kind": job.kind, "attempts": job.attempts})
    db.session.commit()
    spec = TASKS.get(job.kind)
    if spec is not None and spec.on_failure is not None:
        try:
            spec.on_failure(job, **json.loads(job.payload or "{}"))
            db.session.commit()
        except Exception:
            current_app.logger.exception("on_failure of job %s failed", job_id)
            db.session.rollback()


def reap_stale_jobs(now=None):
    """Jobs whose worker stopped beating are failed; jobs the queue never got are resent."""
    now = now or utcnow()
    config = current_app.config
    stale = now - timedelta(seconds=config["JOB_STALE_SECONDS"])
    dead = db.session.scalars(
        select(Job.id).where(Job.status == JobStatus.RUNNING.value, Job.heartbeat_at < stale)
    ).all()
    for job_id in dead:
        _fail(job_id, WORKER_STOPPED)
    forgotten = now - timedelta(seconds=config["JOB_RESEND_SECONDS"])
    lost = db.session.scalars(
        select(Job.id).where(Job.status == JobStatus.QUEUED.value, Job.created_at < forgotten)
    ).all()
    if lost:
        current_app.extensions["consult.queue"].dispatch(lost)
    return dead


def retry_job(actor, job):
    """Queue a failed job again (a service: the caller commits, which sends it)."""
    if JobStatus(job.status) is not JobStatus.FAILED:
        raise ServiceError(_l("Only a job that failed can be tried again."))
    job.move_to(JobStatus.QUEUED)
    job.error = None
    job.created_at = utcnow()
    audit.record("job.retried", job, actor=actor, data={"kind": job.kind})
    db.session.flush()
    db.session.info.setdefault(PENDING, []).append(job.id)
    return job


# Periodic jobs -------------------------------------------------------------------------


def run_due_periodic(now=None):
    """Run every periodic job due this minute that no other worker has claimed."""
    now = now or utcnow()
    local = now.astimezone(ZoneInfo(current_app.config["COMMUNITY_TIMEZONE"]))
    ran = []
    for spec in PERIODIC.values():
        if spec.due(local) and _claim_period(spec.name, spec.period(local)):
            g.audit_actor_kind = "job"
            try:
                spec.function()
                db.session.commit()
                ran.append(spec.name)
            except Exception:
                current_app.logger.exception("periodic job %s failed", spec.name)
                db.session.rollback()
            finally:
                g.pop("audit_actor_kind", None)
    return ran


def _claim_period(name, period):
    try:
        with db.session.begin_nested():
            db.session.add(PeriodicRun(name=name, period=period, worker=worker_name()))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True
