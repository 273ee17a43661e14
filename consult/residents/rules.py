"""Rules about register values that the edit form and the CSV import share."""

from datetime import date, datetime

from flask import has_app_context

from consult.core.clock import community_zone


def community_today():
    """Today's date where the community is (COMMUNITY_TIMEZONE), not on the server."""
    if has_app_context():
        return datetime.now(community_zone()).date()
    return date.today()


def birth_date_in_future(day, today=None):
    """True for a birth date after ``today`` (the community's today by default)."""
    return day is not None and day > (today or community_today())
