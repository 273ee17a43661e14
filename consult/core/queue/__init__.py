"""Background work on a task queue (Huey): never a thread of the web process.

Domains register what can run in the background and what runs periodically::

    @task("residents.import", on_failure=mark_import_failed)
    def import_register(job, import_id): ...

    @periodic("notifications.digest", due=daily_at(18, 0))
    def send_digests(): ...

and ask for it inside a service: ``enqueue("residents.import", actor=user, import_id=7)``.
The job is a row in ``jobs`` (its status, attempts, heartbeat, error); it is handed to the
queue only when the transaction that made it commits. The worker (``flask --app wsgi queue
worker``, started by ``make run``) claims it, runs it with a heartbeat, and records how it
ended. A job whose worker died is found by the reaper (a periodic job) and marked failed,
and can be retried. A periodic job runs once per period however many workers there are.

Huey's storage is SQLite in the instance folder by default and Redis when ``REDIS_URL`` is
set; ``QUEUE_MODE = "inline"`` (the tests' default) runs jobs in the web process at the end of
the request instead, with no worker.
"""

from consult.core.queue.models import Job, JobStatus, PeriodicRun
from consult.core.queue.registry import PERIODIC, TASKS, daily_at, every_minutes, periodic, task
from consult.core.queue.runner import enqueue, reap_stale_jobs, retry_job, run_job, run_pending

__all__ = [
    "Job",
    "JobStatus",
    "PERIODIC",
    "PeriodicRun",
    "TASKS",
    "daily_at",
    "enqueue",
    "every_minutes",
    "periodic",
    "reap_stale_jobs",
    "retry_job",
    "run_job",
    "run_pending",
    "task",
]
