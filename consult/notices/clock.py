"""The notices' clock: "now" in one place, so that tests can move it (publish and archive
times are compared with it on every request)."""

from datetime import UTC, datetime


def now():
    return datetime.now(UTC)
