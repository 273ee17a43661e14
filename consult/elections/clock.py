"""Community time: "today" and local dates, in one place so that tests can freeze them."""

from datetime import UTC, datetime, time

from consult.core.clock import community_zone


def now():
    return datetime.now(UTC)


def today(at=None):
    """The community's date at ``at`` (default: now)."""
    return (at or now()).astimezone(community_zone()).date()


def local_date(moment):
    return moment.astimezone(community_zone()).date() if moment else None


def at_local(day, clock_time):
    """The UTC moment of ``clock_time`` on ``day`` in community time."""
    return datetime.combine(day, clock_time or time(0), tzinfo=community_zone()).astimezone(UTC)


def local(moment):
    return moment.astimezone(community_zone())
