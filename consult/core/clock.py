"""The community's time zone (COMMUNITY_TIMEZONE): its days and its clock times, whatever
the server's zone. Domains that compare with "now" keep their own clock module, so that
tests can move it; the zone is this one."""

from zoneinfo import ZoneInfo

from flask import current_app


def community_zone():
    return ZoneInfo(current_app.config["COMMUNITY_TIMEZONE"])
