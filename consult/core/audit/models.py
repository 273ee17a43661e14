"""The audit trail's tables: entries (append-only, hash-chained), the chain head, and the
personal values kept beside the chain so they can be purged while the chain still verifies.
"""

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from consult.core.models import UTCDateTime, db

GENESIS = "0" * 64


class AuditEntry(db.Model):
    """Who did what, to what, when. ``details`` is canonical JSON; personal values in it are
    replaced by their digests (see AuditPersonalValue)."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)  # position in the chain: 1, 2, 3 ...
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # No foreign key: an entry outlives the account that made it.
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_kind: Mapped[str] = mapped_column(String(20))  # user, command, job, system
    action: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None]
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditPersonalValue(db.Model):
    """A personal value an entry mentions. The entry holds only ``digest`` =
    SHA-256(salt + value); purging removes salt and value, and the chain still verifies."""

    __tablename__ = "audit_personal_values"
    __table_args__ = (Index("ix_audit_personal_values_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("audit_entries.id"), index=True)
    digest: Mapped[str] = mapped_column(String(64), index=True)
    salt: Mapped[str | None] = mapped_column(String(32))
    value: Mapped[str | None] = mapped_column(Text)
    subject_type: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditChainHead(db.Model):
    """One row: the last entry's position and hash. Writers lock it, so the chain follows
    commit order."""

    __tablename__ = "audit_chain_head"
    __table_args__ = {"info": {"bookkeeping": True}}  # present in an empty database

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)


# The database itself refuses to change or remove an entry (the migration creates the same).
APPEND_ONLY_MESSAGE = "the audit trail is append-only"
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER audit_entries_no_{verb.lower()} BEFORE {verb} ON audit_entries "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
    for verb in ("UPDATE", "DELETE")
]
POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$",
    "CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries "
    "FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()",
    "CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()",
]
POSTGRESQL_DROP = ["DROP FUNCTION IF EXISTS audit_entries_append_only() CASCADE"]

for _statement in SQLITE_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRESQL_TRIGGERS:
    event.listen(
        AuditEntry.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql")
    )
for _statement in POSTGRESQL_DROP:
    event.listen(
        AuditEntry.__table__, "after_drop", DDL(_statement).execute_if(dialect="postgresql")
    )

# The chain starts with its head in place, so the first two writers cannot both create it.
event.listen(
    AuditChainHead.__table__,
    "after_create",
    DDL(f"INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')"),
)
