"""Everything Consult holds about one person: each domain's tables (the ``personal_data``
hook) and the audit trail's entries about them, with the personal values kept beside the
chain that are theirs. Values of other people that an entry mentions stay hidden."""

import json

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select

from consult.core.audit.models import AuditEntry, AuditPersonalValue
from consult.core.audit.trail import ACTION_LABELS
from consult.core.domain import PersonalTable
from consult.domains import each_part
from consult.extensions import db

AUDIT_COLUMNS = (
    ("seq", _l("Entry")),
    ("at", _l("When")),
    ("action", _l("What")),
    ("record", _l("Record")),
    ("by", _l("By")),
    ("details", _l("Details")),
)
HIDDEN = _l("(another person's, not shown)")
REMOVED = _l("(removed)")
CHUNK = 1000


def domain_tables(user):
    """Each domain's tables about ``user``; the shared parts (messages) come last."""
    found, shared = [], []
    for domain, hook in each_part("personal_data"):
        (shared if domain.name == "core" else found).extend(hook(user))
    return found + shared


def personal_tables(user, audit_limit=None):
    """Every table about ``user``, the audit trail's last; ``audit_limit`` keeps only the
    newest entries of it (the page), None keeps all (the download)."""
    tables = domain_tables(user)
    subjects = {("account", user.id)} | {t.subject for t in tables if t.subject}
    return [*tables, audit_table(user, subjects, audit_limit)]


def _about(user, subjects):
    """The condition for entries made by ``user`` or about one of ``subjects``."""
    of_subject = [
        and_(AuditPersonalValue.subject_type == kind, AuditPersonalValue.subject_id == number)
        for kind, number in subjects
    ]
    conditions = [
        AuditEntry.actor_id == user.id,
        AuditEntry.id.in_(select(AuditPersonalValue.entry_id).where(or_(*of_subject))),
    ]
    conditions += [
        and_(AuditEntry.object_type == kind, AuditEntry.object_id == number)
        for kind, number in subjects
    ]
    return or_(*conditions)


def count_audit_entries(user, subjects):
    return db.session.scalar(select(func.count(AuditEntry.id)).where(_about(user, subjects)))


def audit_table(user, subjects, limit=None):
    stmt = select(AuditEntry).where(_about(user, subjects)).order_by(AuditEntry.seq.desc())
    entries = db.session.scalars(stmt.limit(limit) if limit else stmt).all()
    values = _values([entry.id for entry in entries])
    rows = [
        (
            entry.seq,
            entry.at,
            ACTION_LABELS.get(entry.action, entry.action),
            f"{entry.object_type} {entry.object_id}" if entry.object_type else None,
            _actor(entry, user),
            describe(entry, values, subjects),
        )
        for entry in entries
    ]
    return PersonalTable(
        "audit_trail",
        _l("The audit trail about you"),
        AUDIT_COLUMNS,
        rows,
        _l(
            "Entries of the audit trail made by you or about your account and your register entry, with the personal values kept beside it that are yours."
        ),  # fmt: skip
    )


def _values(entry_ids):
    found = {}
    for start in range(0, len(entry_ids), CHUNK):
        stmt = select(AuditPersonalValue).where(
            AuditPersonalValue.entry_id.in_(entry_ids[start : start + CHUNK])
        )
        for value in db.session.scalars(stmt):
            found[value.digest] = value
    return found


def _actor(entry, user):
    if entry.actor_id == user.id:
        return _l("you")
    if entry.actor_id is not None:
        return _l("account %(number)s", number=entry.actor_id)
    return {"command": _l("the command line"), "job": _l("a background job")}.get(
        entry.actor_kind, _l("Consult")
    )


def describe(entry, values, subjects):
    """An entry's details as one line: ``field: old → new; key: value``. A personal value
    shows when it is the person's own, "(removed)" once purged, else stays hidden."""

    def show(item):
        if isinstance(item, dict) and set(item) == {"personal"}:
            value = values.get(item["personal"])
            if value is None or (value.subject_type, value.subject_id) not in subjects:
                return str(HIDDEN)
            return value.value if value.salt is not None else str(REMOVED)
        if item is None:
            return "—"
        return item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)

    details = json.loads(entry.details)
    parts = [
        f"{field}: {show(old)} → {show(new)}"
        for field, (old, new) in details.get("changes", {}).items()
    ]
    parts += [f"{key}: {show(value)}" for key, value in details.get("data", {}).items()]
    return "; ".join(parts)
