"""Register imports in the background, with progress the job's page can show.

The upload page checks the file first (a dry run in the request, which reports every bad
row). A clean file becomes an ImportJob; a thread with its own app context checks it
again against the current register and writes it. In tests
(``REGISTER_IMPORT_IN_BACKGROUND`` false) the job runs inside the request instead.
"""

import json
import threading

from flask import current_app

from consult.core.models import utcnow
from consult.extensions import db
from consult.residents import importer
from consult.residents.csvformat import Problem
from consult.residents.models import ImportJob, ImportStatus

PROGRESS_COMMIT_EVERY = 2000


def in_background(app):
    return app.config.get("REGISTER_IMPORT_IN_BACKGROUND", not app.testing)


def start_import(actor, filename, text, total, encoding=None):
    """Create the job; the caller commits and then calls ``launch``."""
    job = ImportJob(
        filename=filename[:255], content=text, total=total, encoding=encoding, created_by=actor
    )
    db.session.add(job)
    db.session.flush()
    return job


def launch(job_id):
    app = current_app._get_current_object()
    if in_background(app):
        thread = threading.Thread(target=_run_in_thread, args=(app, job_id), daemon=True)
        thread.start()
        return thread
    run_job(job_id)
    return None


def _run_in_thread(app, job_id):
    with app.app_context():
        try:
            run_job(job_id)
        finally:
            db.session.remove()


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
        counts = importer.apply_checked(checked)
        _finish(job, ImportStatus.DONE, counts=counts)
    except Exception:
        current_app.logger.exception("register import %s failed", job_id)
        db.session.rollback()
        job = db.session.get(ImportJob, job_id)
        _finish(job, ImportStatus.FAILED, errors=[Problem(0, "unknown_problem")])
    return job


def _finish(job, status, counts=None, errors=None):
    job.move_to(status)
    job.counts = json.dumps(counts) if counts is not None else None
    job.errors = json.dumps([p.as_json() for p in errors]) if errors else None
    job.content = None  # the file holds personal data: not kept once imported
    job.finished_at = utcnow()
    db.session.commit()


def job_counts(job):
    return json.loads(job.counts) if job.counts else {}


def job_problems(job):
    return [Problem.from_json(item) for item in json.loads(job.errors)] if job.errors else []
