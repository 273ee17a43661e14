"""Recording: services call ``record`` in the transaction that makes the change.

::

    before = snapshot(resident, EDITABLE)
    ...change resident...
    record("resident.updated", resident, actor=actor, changes=changes_since(before, resident))

Fields a model lists in ``__audit_personal__`` (names, phone numbers, birth dates ...) are
stored beside the chain, which holds only their salted digests. ``purge_subject`` removes them
when their retention ends.
"""

import json
import secrets
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from flask import g, has_app_context, has_request_context
from sqlalchemy import select, update

from consult.core.audit.chain import canonical, digest_of, hash_of
from consult.core.audit.models import AuditChainHead, AuditEntry, AuditPersonalValue
from consult.core.models import utcnow
from consult.extensions import db

ACTION_LABELS = {}


def describe(action, label):
    """Give ``action`` a label for the committee's audit pages (lazy, translated)."""
    ACTION_LABELS[action] = label


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(obj, fields):
    """The current values of ``fields`` on ``obj``, for ``changes_since``."""
    return {field: _plain(getattr(obj, field)) for field in fields}


def changes_since(before, obj):
    """{field: (old, new)} for every field of ``before`` whose value on ``obj`` changed."""
    changes = {}
    for field, old in before.items():
        new = _plain(getattr(obj, field))
        if new != old:
            changes[field] = (old, new)
    return changes


def _actor(actor):
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.id, "user"
    if has_app_context() and g.get("audit_actor_kind"):
        return None, g.audit_actor_kind  # "job" inside the task queue's worker
    return None, "system" if has_request_context() else "command"


def _lock_head():
    """The chain head, locked for this transaction: entries are chained in commit order.

    PostgreSQL locks the row (FOR UPDATE); SQLite's writers already go one at a time (every
    writing transaction begins IMMEDIATE, see consult/extensions.py).
    """
    return db.session.scalars(
        select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
    ).one()


def record(
    action,
    obj=None,
    *,
    actor=None,
    changes=None,
    data=None,
    object_type=None,
    object_id=None,
    personal=(),
    subject=None,
):
    """Append an entry for ``action`` on ``obj``.

    ``changes``: {field: (old, new)}; ``data``: other facts (counts, a reason). Fields in
    ``personal`` or in the model's ``__audit_personal__`` are kept beside the chain under
    ``subject`` (default: ``obj``), whose personal values ``purge_subject`` can remove.
    """
    personal = set(personal) | set(getattr(type(obj), "__audit_personal__", ()))
    if subject is None:
        subject = obj
    subject_type = _type_name(subject) if subject is not None else None
    subject_id = getattr(subject, "id", None) if subject is not None else None
    kept = []

    def keep(value):
        if value is None:
            return None
        salt = secrets.token_hex(16)
        text = str(_plain(value))
        digest = digest_of(salt, text)
        kept.append(AuditPersonalValue(digest=digest, salt=salt, value=text, subject_type=subject_type, subject_id=subject_id))  # fmt: skip
        return {"personal": digest}

    details = {}
    if changes:
        details["changes"] = {
            field: [keep(old), keep(new)] if field in personal else [_plain(old), _plain(new)]
            for field, (old, new) in changes.items()
        }
    if data:
        details["data"] = {
            key: keep(value) if key in personal else _plain(value) for key, value in data.items()
        }
    actor_id, actor_kind = _actor(actor)
    head = _lock_head()
    entry = AuditEntry(
        seq=head.seq + 1,
        at=utcnow(),
        actor_id=actor_id,
        actor_kind=actor_kind,
        action=action,
        object_type=object_type or (_type_name(obj) if obj is not None else None),
        object_id=object_id if object_id is not None else getattr(obj, "id", None),
        details=canonical(details),
        prev_hash=head.hash,
    )
    entry.hash = hash_of(entry, head.hash)
    head.seq, head.hash = entry.seq, entry.hash
    db.session.add(entry)
    db.session.flush()
    for value in kept:
        value.entry_id = entry.id
        db.session.add(value)
    return entry


def _type_name(obj):
    return getattr(type(obj), "__audit_name__", None) or type(obj).__name__.lower()


def purge_subject(subject_type, subject_id):
    """Remove the personal values kept about one subject; the chain still verifies."""
    result = db.session.execute(
        update(AuditPersonalValue)
        .where(
            AuditPersonalValue.subject_type == subject_type,
            AuditPersonalValue.subject_id == subject_id,
            AuditPersonalValue.purged_at.is_(None),
        )
        .values(salt=None, value=None, purged_at=utcnow())
    )
    return result.rowcount


def details_of(entry, values=None):
    """An entry's details with personal values filled in (or marked purged)."""
    details = json.loads(entry.details)
    values = values if values is not None else {}

    def show(item):
        if isinstance(item, dict) and set(item) == {"personal"}:
            value = values.get(item["personal"])
            return {"personal": True, "value": value.value if value is not None else None}
        return item

    for field, pair in details.get("changes", {}).items():
        details["changes"][field] = [show(v) for v in pair]
    for key, value in details.get("data", {}).items():
        details["data"][key] = show(value)
    return details
