"""The audit trail (操作日志): every change of data, hash-chained and append-only.

Services call ``record`` in the transaction that makes the change; ``flask --app wsgi audit
verify`` walks the chain; the committee browses it at /audit. See trail.py and chain.py.
"""

from consult.core.audit.chain import verify
from consult.core.audit.models import AuditChainHead, AuditEntry, AuditPersonalValue
from consult.core.audit.trail import (
    changes_since,
    describe,
    details_of,
    purge_subject,
    record,
    snapshot,
)

__all__ = [
    "AuditChainHead",
    "AuditEntry",
    "AuditPersonalValue",
    "changes_since",
    "describe",
    "details_of",
    "purge_subject",
    "record",
    "snapshot",
    "verify",
]
