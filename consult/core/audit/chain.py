"""The chain's arithmetic: canonical content, hashes, personal-value digests, verification.

Each entry's hash is SHA-256 over its predecessor's hash and its own canonical content, so
changing, removing or inserting any entry breaks every hash after it.
"""

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select

from consult.core.audit.models import GENESIS, AuditChainHead, AuditEntry, AuditPersonalValue
from consult.extensions import db


def canonical(value):
    """JSON with sorted keys and no spaces: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest_of(salt, value):
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()


def content_of(entry):
    return canonical(
        {
            "seq": entry.seq,
            "at": entry.at.isoformat(),
            "actor_id": entry.actor_id,
            "actor_kind": entry.actor_kind,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "details": json.loads(entry.details),
        }
    )


def hash_of(entry, prev_hash):
    return hashlib.sha256(f"{prev_hash}\n{content_of(entry)}".encode()).hexdigest()


@dataclass
class Verdict:
    ok: bool
    entries: int
    head: str
    problem: str | None = None
    seq: int | None = None


def verify(batch=2000):
    """Walk the whole chain in order; the first entry that does not match, if any."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    last_id = 0
    while True:
        # Plain rows, not ORM objects: what the database holds now, not a session's copy.
        table = AuditEntry.__table__
        entries = db.session.execute(
            select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch)
        ).all()
        if not entries:
            break
        values = _personal_values([e.id for e in entries])
        for entry in entries:
            if entry.seq != expected_seq:
                missing = "missing" if entry.seq > expected_seq else "out of order"
                return Verdict(
                    False, checked, prev_hash, f"entry {expected_seq} is {missing}", expected_seq
                )
            if entry.prev_hash != prev_hash:
                return Verdict(False, checked, prev_hash, f"entry {entry.seq} does not follow entry {entry.seq - 1}", entry.seq)  # fmt: skip
            if hash_of(entry, prev_hash) != entry.hash:
                return Verdict(False, checked, prev_hash, f"entry {entry.seq} was changed: its hash does not match its content", entry.seq)  # fmt: skip
            for value in values.get(entry.id, ()):
                if value.salt is not None and digest_of(value.salt, value.value) != value.digest:
                    return Verdict(False, checked, prev_hash, f"entry {entry.seq}: a personal value kept beside it was changed", entry.seq)  # fmt: skip
            prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
            last_id = entry.id
    head_table = AuditChainHead.__table__
    head = db.session.execute(select(head_table).where(head_table.c.id == 1)).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != prev_hash:
        return Verdict(False, checked, prev_hash, f"the chain ends at entry {checked}, but its head says {head_seq}: entries were removed from the end", checked + 1)  # fmt: skip
    return Verdict(True, checked, prev_hash)


def _personal_values(entry_ids):
    found = {}
    table = AuditPersonalValue.__table__
    for value in db.session.execute(select(table).where(table.c.entry_id.in_(entry_ids))):
        found.setdefault(value.entry_id, []).append(value)
    return found
