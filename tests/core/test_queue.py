"""The task queue: jobs sent after commit, run by real workers, reaped when a worker dies,
retried, and periodic jobs that run once however many workers there are."""

import io
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import redis

import tests.sample_domain.tasks  # noqa: F401,I001  (registers the sample jobs)
from consult import create_app
from consult.core.models import utcnow
from consult.core.queue import Job, JobStatus, enqueue, reap_stale_jobs, retry_job, run_pending
from consult.extensions import db as _db
from tests.conftest import PROJECT_ROOT

REDIS_URL = os.environ.get("CONSULT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


# Inline (the tests' mode): jobs run at the end of the request that committed them ---------


def test_a_job_is_sent_only_when_its_transaction_commits(app, db, tmp_path, monkeypatch):
    notes = tmp_path / "notes.txt"
    monkeypatch.setenv("SAMPLE_NOTES", str(notes))
    with app.test_request_context():
        enqueue("sample.note", text="rolled back")
        db.session.rollback()
        job = enqueue("sample.note", text="committed")
        db.session.commit()
        run_pending()
        assert db.session.get(Job, job.id).status == JobStatus.DONE
    assert notes.read_text().split()[0] == "committed"
    assert len(notes.read_text().splitlines()) == 1


def test_a_failing_job_is_recorded_and_can_be_retried(app, db, create_user):
    committee = create_user(role="committee")
    with app.test_request_context():
        job = enqueue("sample.explode")
        db.session.commit()
        run_pending()
        job = db.session.get(Job, job.id)
        assert job.status == JobStatus.FAILED and "the sample job exploded" in job.error
        retry_job(committee, job)
        db.session.commit()
        run_pending()
        job = db.session.get(Job, job.id)
        assert job.status == JobStatus.FAILED and job.attempts == 2


def test_the_reaper_fails_a_job_whose_worker_stopped_beating(app, db):
    with app.test_request_context():
        job = enqueue("sample.note", text="never")
        job.status, job.heartbeat_at = JobStatus.RUNNING, utcnow() - timedelta(hours=1)
        db.session.commit()
        assert reap_stale_jobs() == [job.id]
        assert db.session.get(Job, job.id).status == JobStatus.FAILED


def test_a_register_import_goes_through_the_queue(client, db, signed_in):
    from tests.residents.conftest import make_csv

    signed_in("committee")
    response = client.post(
        "/register/import",
        data={"file": (io.BytesIO(make_csv()), "register.csv")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "The register has been imported." in response.get_data(as_text=True)
    [job] = db.session.query(Job).filter_by(kind="residents.import").all()
    assert job.status == JobStatus.DONE and job.attempts == 1


# Real workers (Huey on Redis, a database file both processes share) ------------------------


@pytest.fixture
def queue_env(tmp_path):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") or os.environ.get("CONSULT_TEST_DATABASE_URL"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    database = tmp_path / "queue.sqlite3"
    env = {
        **os.environ,
        "CONSULT_CONFIG": "development",
        "DATABASE_URL": f"sqlite:///{database}",
        "CONSULT_INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "queue-test",
        "REDIS_URL": REDIS_URL,
        "QUEUE_NAME": f"consult-test-{uuid.uuid4().hex[:8]}",
        "CONSULT_EXTRA_DOMAINS": "tests.sample_domain",
        "JOB_HEARTBEAT_SECONDS": "0.2",
        "JOB_STALE_SECONDS": "1",
        "SAMPLE_NOTES": str(tmp_path / "notes.txt"),
        "SAMPLE_TICKS": str(tmp_path / "ticks.txt"),
    }
    app = create_app(
        "development",
        overrides={
            "SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"],
            "REDIS_URL": REDIS_URL,
            "QUEUE_NAME": env["QUEUE_NAME"],
            "QUEUE_MODE": "huey",
            "JOB_STALE_SECONDS": 1,
            "SECRET_KEY": "queue-test",
        },
    )
    with app.app_context():
        _db.create_all()
    workers = []

    def start_worker():
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "queue", "worker", "--workers", "1"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers.append(process)
        return process

    yield app, env, start_worker
    for process in workers:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    with app.app_context():
        app.extensions["consult.queue"].huey.flush()
        _db.session.remove()
        _db.engine.dispose()


def _wait(app, job_id, status, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with app.app_context():
            job = _db.session.get(Job, job_id)
            if job.status == status:
                return job
            _db.session.remove()
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not become {status}")


def test_a_job_runs_in_a_real_worker_on_redis(queue_env):
    app, env, start_worker = queue_env
    with app.app_context():
        job = enqueue("sample.note", text="from-the-worker")
        _db.session.commit()
        job_id = job.id
    worker = start_worker()
    done = _wait(app, job_id, JobStatus.DONE)
    text, pid = Path(env["SAMPLE_NOTES"]).read_text().split()
    assert text == "from-the-worker" and int(pid) == worker.pid != os.getpid()
    assert done.attempts == 1 and done.worker.endswith(f":{worker.pid}")


def test_a_job_whose_worker_was_killed_is_marked_failed_and_retried(queue_env, tmp_path):
    app, env, start_worker = queue_env
    flag = tmp_path / "keep-running"
    flag.write_text("yes")
    with app.app_context():
        job_id = enqueue("sample.wait", flag=str(flag)).id
        _db.session.commit()
    worker = start_worker()
    _wait(app, job_id, JobStatus.RUNNING)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    time.sleep(1.5)  # longer than JOB_STALE_SECONDS: no heartbeat came
    with app.app_context():
        assert reap_stale_jobs() == [job_id]
        _db.session.commit()
        job = _db.session.get(Job, job_id)
        assert job.status == JobStatus.FAILED and "worker stopped" in job.error
        flag.unlink()
        retry_job(None, job)
        _db.session.commit()
    start_worker()
    assert _wait(app, job_id, JobStatus.DONE).attempts == 2


def test_a_periodic_job_runs_once_with_two_workers(queue_env):
    """Both workers' schedulers fire each minute; only one of them runs the job."""
    app, env, start_worker = queue_env
    first, second = start_worker(), start_worker()
    ticks = Path(env["SAMPLE_TICKS"])
    deadline = time.monotonic() + 75  # the next minute comes within 60 s
    while not ticks.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert ticks.exists(), "no periodic run within a minute"
    time.sleep(5)  # the other worker's scheduler fires within the same seconds
    lines = ticks.read_text().splitlines()
    minutes = [line.split()[0] for line in lines]
    assert len(minutes) == len(set(minutes)) >= 1, lines
    assert {int(line.split()[1]) for line in lines} <= {first.pid, second.pid}
