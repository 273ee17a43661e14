"""The community's calendar: consultation end dates are the community's days."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app

from consult.core.models import utcnow


def community_zone():
    return ZoneInfo(current_app.config["COMMUNITY_TIMEZONE"])


def community_today(now=None):
    return (now or utcnow()).astimezone(community_zone()).date()


def end_of_day(day):
    """The last moment of ``day`` in the community's time zone, as an aware datetime."""
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=community_zone())
