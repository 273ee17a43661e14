"""What the queue can run: tasks by kind, periodic jobs by name and schedule."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

TASKS = {}
PERIODIC = {}


@dataclass(frozen=True)
class TaskSpec:
    kind: str
    function: Callable
    on_failure: Callable | None = None


@dataclass(frozen=True)
class PeriodicSpec:
    """``due(local_time)`` says whether the minute ``local_time`` (community time) starts a
    period; ``period(local_time)`` names that period, so it runs once."""

    name: str
    function: Callable
    due: Callable[[datetime], bool]
    period: Callable[[datetime], str]


def task(kind, on_failure=None):
    """Register ``function(job, **payload)`` as what the queue runs for jobs of ``kind``.

    ``on_failure(job, **payload)`` runs (in its own transaction) when the job fails or its
    worker dies, so the domain can mark its own records.
    """

    def decorator(function):
        TASKS[kind] = TaskSpec(kind, function, on_failure)
        return function

    return decorator


def every_minutes(minutes):
    """A schedule: every ``minutes`` minutes (counted from midnight)."""

    def due(moment):
        return (moment.hour * 60 + moment.minute) % minutes == 0

    def period(moment):
        return moment.strftime("%Y-%m-%dT%H:%M")

    return due, period


def daily_at(hour, minute=0):
    """A schedule: once a day at ``hour:minute`` community time."""

    def due(moment):
        return moment.hour == hour and moment.minute == minute

    def period(moment):
        return moment.strftime("%Y-%m-%d")

    return due, period


def periodic(name, schedule):
    """Register ``function()`` to run on ``schedule`` (``every_minutes(n)``, ``daily_at(h, m)``)."""

    def decorator(function):
        due, period = schedule
        PERIODIC[name] = PeriodicSpec(name, function, due, period)
        return function

    return decorator
