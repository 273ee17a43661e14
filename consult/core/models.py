"""Shared model helpers: UTC timestamps and the mixins every domain uses."""

from datetime import UTC, datetime

from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import DateTime, TypeDecorator

from consult.extensions import db


def utcnow():
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores naive UTC on every database and always hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; times are stored in UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False
    )


# Database objects that hand-written DDL makes for one dialect only (a full-text table and
# its shadow tables on SQLite, a generated column and its index on PostgreSQL): the models
# cannot describe them, so Alembic's comparison leaves them alone (``include_object``).
# Names are tables, indexes, or "table.column".
UNMANAGED = set()


def unmanaged(*names):
    """Declare database objects that the models do not describe (see UNMANAGED)."""
    UNMANAGED.update(names)


def include_object(obj, name, type_, reflected, compare_to):
    """Alembic's filter: skip what only exists in the database and is declared unmanaged."""
    if not reflected or compare_to is not None:
        return True
    key = f"{obj.table.name}.{name}" if type_ == "column" else name
    return key not in UNMANAGED


from consult.core.cache import DataVersion  # noqa: E402  (its table is core's)

__all__ = [
    "db", "utcnow", "UTCDateTime", "TimestampMixin", "DataVersion", "unmanaged", "include_object"
]  # fmt: skip
