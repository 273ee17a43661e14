"""The community's calendar: consultation end dates are the community's days."""

from datetime import datetime

from consult.core.clock import community_zone
from consult.core.models import utcnow


def community_today(now=None):
    return (now or utcnow()).astimezone(community_zone()).date()


def end_of_day(day):
    """The last moment of ``day`` in the community's time zone, as an aware datetime."""
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=community_zone())
