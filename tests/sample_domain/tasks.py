"""Jobs for the queue's tests, run by real workers (tests/core/test_queue.py)."""

import os
import time
from pathlib import Path

from consult.core.queue import every_minutes, periodic, task


@task("sample.note")
def note(job, text):
    """Append ``text`` to the file SAMPLE_NOTES names: what ran, and in which process."""
    with open(os.environ["SAMPLE_NOTES"], "a", encoding="utf-8") as handle:
        handle.write(f"{text} {os.getpid()}\n")


@task("sample.wait")
def wait_while_flag(job, flag):
    """Keeps running while the file ``flag`` exists (a job a test can kill mid-run)."""
    while Path(flag).exists():
        time.sleep(0.1)


@task("sample.explode")
def explode(job):
    raise RuntimeError("the sample job exploded")


@periodic("sample.minutely", every_minutes(1))
def minutely():
    notes = os.environ.get("SAMPLE_TICKS")
    if notes:
        with open(notes, "a", encoding="utf-8") as handle:
            handle.write(f"{time.strftime('%H:%M')} {os.getpid()}\n")
