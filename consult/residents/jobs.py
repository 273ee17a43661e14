"""Register imports in the background, with progress the job's page can show.

The upload page checks the file first (a dry run in the request, which reports every bad
row). A clean file becomes an ImportJob, and a job on the task queue (``residents.import``)
checks it again against the current register and writes it, so an import survives a
restart of the web process. If the queue's worker dies during an import, the reaper fails
the job and the import with it; the file is kept so the committee can try again.
"""

import json
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core import audit
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.queue import Job, daily_at, enqueue, periodic, retry_job, task
from consult.core.services import ServiceError
from consult.core.urls import site_path
from consult.extensions import db
from consult.residents import importer
from consult.residents.csvformat import Problem
from consult.residents.full_import import listed_ids, mark_missing, missing_ids_json
from consult.residents.models import ImportJob, ImportStatus
from consult.residents.permissions import can_manage_register

PROGRESS_COMMIT_EVERY = 2000
PURGE_HOUR = 3  # community time: the moved-out residents' purge runs at 03:30
UNCONFIRMED_DAYS = 7  # a full import waiting for its confirmation is then cancelled

audit.describe("register.import_started", _l("Register import started"))
audit.describe("register.import_confirmed", _l("Full register import confirmed"))
audit.describe("register.import_cancelled", _l("Full register import cancelled"))


def _ensure(actor):
    if not can_manage_register(actor):
        raise ServiceError(_l("You are not allowed to change the resident register."))


def start_import(actor, filename, text, total, encoding=None, missing=None):
    """Create the import and its queued job (sent to the queue when the caller commits).

    ``missing``: for a full register file, the residents it leaves out (full_import's
    ``missing_from``). When there are any, the import waits for the committee to confirm
    that they are marked as moved out (``confirm_import``) and is not queued yet.
    """
    _ensure(actor)
    full = missing is not None
    job = ImportJob(
        filename=filename[:255],
        content=text,
        total=total,
        encoding=encoding,
        created_by=actor,
        full=full,
        moved_out_ids=missing_ids_json(missing) if full else None,
    )
    if missing:
        job.status = ImportStatus.CONFIRMING
    db.session.add(job)
    db.session.flush()
    if not missing:
        job.job_id = enqueue("residents.import", actor=actor, import_id=job.id).id
    data = {"filename": job.filename, "rows": total}
    if full:
        data["full"], data["would_move_out"] = True, len(missing)
    audit.record("register.import_started", job, actor=actor, data=data)
    return job


def confirm_import(actor, job):
    """The committee has seen who would be marked as moved out: import the full file."""
    _ensure(actor)
    if job.status != ImportStatus.CONFIRMING:
        raise ServiceError(_l("This import is not waiting for a confirmation."))
    job.move_to(ImportStatus.QUEUED)
    job.job_id = enqueue("residents.import", actor=actor, import_id=job.id).id
    audit.record("register.import_confirmed", job, actor=actor, data={"would_move_out": len(listed_ids(job))})  # fmt: skip
    return job


def cancel_import(actor, job):
    """Drop a full import waiting for confirmation: nothing is imported, nobody marked."""
    _ensure(actor)
    if job.status != ImportStatus.CONFIRMING:
        raise ServiceError(_l("This import is not waiting for a confirmation."))
    job.move_to(ImportStatus.CANCELLED)
    job.content = None
    job.finished_at = utcnow()
    audit.record("register.import_cancelled", job, actor=actor)
    return job


def retry_import(actor, job):
    """Try an import again whose worker stopped (its file is still here)."""
    _ensure(actor)
    queued = db.session.get(Job, job.job_id) if job.job_id else None
    if job.status != ImportStatus.FAILED or not job.content or queued is None:
        raise ServiceError(_l("This import cannot be tried again; upload the file again."))
    job.move_to(ImportStatus.QUEUED)
    job.processed = 0
    job.errors = None
    job.finished_at = None
    retry_job(actor, queued)
    return job


def import_failed(queued, import_id):
    """The queue gave up on the job (its worker died): the import failed, the file stays."""
    job = db.session.get(ImportJob, import_id)
    if job is not None and not job.finished:
        job.move_to(ImportStatus.FAILED)
        job.errors = json.dumps([Problem(0, "worker_stopped").as_json()])
        job.finished_at = utcnow()


@task("residents.import", on_failure=import_failed)
def import_task(queued, import_id):
    run_job(import_id)


def run_job(job_id):
    """Check and write one job's file; its row tells the status page how far it is."""
    job = db.session.get(ImportJob, job_id)
    job.move_to(ImportStatus.CHECKING)
    db.session.commit()
    last = [0]

    def checked_rows(count):
        # Progress is committed while checking only: no write transaction is open yet,
        # so the status page (another connection) can read it, on SQLite too.
        if count - last[0] >= PROGRESS_COMMIT_EVERY or count == job.total:
            last[0] = count
            job.processed = count
            db.session.commit()

    try:
        checked = importer.check(job.content, progress=checked_rows)
        job.processed, job.total = checked.processed, checked.processed
        if not checked.ok:
            _finish(job, ImportStatus.FAILED, errors=checked.problems)
            return job
        job.move_to(ImportStatus.SAVING)
        db.session.commit()
        counts = importer.apply_checked(checked, actor=job.created_by)
        if job.full:
            counts["residents_moved_out"] = mark_missing(
                job.created_by, listed_ids(job), import_job=job
            )
        _finish(job, ImportStatus.DONE, counts=counts)
    except Exception:
        current_app.logger.exception("register import %s failed", job_id)
        db.session.rollback()
        job = db.session.get(ImportJob, job_id)
        _finish(job, ImportStatus.FAILED, errors=[Problem(0, "unknown_problem")])
    return job


def _finish(job, status, counts=None, errors=None):
    from consult.residents import IMPORT_FINISHED

    job.move_to(status)
    job.counts = json.dumps(counts) if counts is not None else None
    job.errors = json.dumps([p.as_json() for p in errors]) if errors else None
    job.content = None  # the file holds personal data: not kept once imported
    job.finished_at = utcnow()
    if job.created_by is not None:
        path = site_path("residents.import_job", job_id=job.id)
        notify(IMPORT_FINISHED, [job.created_by], path=path, file=job.filename)
    db.session.commit()


def job_counts(job):
    return json.loads(job.counts) if job.counts else {}


def job_problems(job):
    return [Problem.from_json(item) for item in json.loads(job.errors)] if job.errors else []


def cancel_unconfirmed_imports(now=None):
    """A full import nobody confirmed within UNCONFIRMED_DAYS is cancelled: the file it
    keeps holds personal data."""
    now = now or utcnow()
    stale = db.session.scalars(
        select(ImportJob).where(
            ImportJob.status == ImportStatus.CONFIRMING,
            ImportJob.created_at < now - timedelta(days=UNCONFIRMED_DAYS),
        )
    ).all()
    for job in stale:
        job.move_to(ImportStatus.CANCELLED)
        job.content = None
        job.finished_at = now
        audit.record("register.import_cancelled", job, data={"unconfirmed_days": UNCONFIRMED_DAYS})  # fmt: skip
    return len(stale)


@periodic("residents.purge_moved_out", daily_at(PURGE_HOUR, 30))
def purge_moved_out_residents():
    """Each night, purge the moved-out residents whose retention has ended, and drop the
    files of full imports nobody confirmed."""
    from consult.residents.moving import purge_moved_out

    purge_moved_out()
    cancel_unconfirmed_imports()
