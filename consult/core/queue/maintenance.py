"""The queue's own periodic job: the reaper."""

from consult.core.queue.registry import every_minutes, periodic
from consult.core.queue.runner import reap_stale_jobs


@periodic("queue.reap", every_minutes(1))
def reap():
    reap_stale_jobs()
