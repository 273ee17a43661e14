"""Huey, bound to an app: one task that runs a job by id, one periodic tick a minute."""

from pathlib import Path

from flask import g
from huey import RedisHuey, SqliteHuey, crontab

from consult.core.queue.runner import run_due_periodic, run_job, run_pending


class QueueBackend:
    def __init__(self, app):
        self.app = app
        self.mode = app.config["QUEUE_MODE"]
        self.huey, self.run_job_task = make_huey(app) if self.mode == "huey" else (None, None)

    def dispatch(self, job_ids):
        """Hand committed jobs to the queue (or, inline, to the end of this request)."""
        if self.mode == "inline":
            g.setdefault("consult_inline_jobs", []).extend(job_ids)
            return
        for job_id in job_ids:
            self.huey.enqueue(self.run_job_task.s(job_id))


def make_huey(app):
    url = app.config.get("REDIS_URL")
    if url:
        huey = RedisHuey(app.config["QUEUE_NAME"], url=url, results=False)
    else:
        path = Path(app.config.get("QUEUE_PATH") or Path(app.instance_path) / "queue.sqlite3")
        huey = SqliteHuey(app.config["QUEUE_NAME"], filename=str(path), results=False)

    @huey.task(name="run_job")
    def run_job_task(job_id):
        with app.app_context():
            run_job(job_id)

    @huey.periodic_task(crontab(), name="periodic_tick")
    def periodic_tick():
        with app.app_context():
            run_due_periodic()

    return huey, run_job_task


def init_app(app):
    app.config.setdefault("QUEUE_MODE", "huey")
    backend = QueueBackend(app)
    app.extensions["consult.queue"] = backend
    if backend.mode == "inline":

        @app.after_request
        def run_inline_jobs(response):
            run_pending()
            return response
