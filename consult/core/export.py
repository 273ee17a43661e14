"""The shared parts in the committee's "export everything" ZIP (the export hook): the
audit trail as chained (personal values appear as their digests, so that the file can be
checked against the chain and holds no value that was purged), and urgent messages."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.audit.models import AuditEntry
from consult.core.domain import ExportTable
from consult.core.notifications.models import UrgentMessage
from consult.extensions import db


def _stream(stmt):
    for row in db.session.execute(stmt.execution_options(yield_per=1000)):
        yield tuple("" if value is None else str(value) for value in row)


def export_tables():
    return [
        ExportTable(
            "audit_trail.csv",
            _l(
                "The audit trail, entry by entry in chain order: when, who (account number or command line, job), what, on which record, the details (personal values as their digests), and each entry's hash and its predecessor's."
            ),  # fmt: skip
            (
                "seq",
                "at",
                "actor_id",
                "actor_kind",
                "action",
                "object_type",
                "object_id",
                "details",
                "prev_hash",
                "hash",
            ),
            lambda: _stream(
                select(
                    AuditEntry.seq,
                    AuditEntry.at,
                    AuditEntry.actor_id,
                    AuditEntry.actor_kind,
                    AuditEntry.action,
                    AuditEntry.object_type,
                    AuditEntry.object_id,
                    AuditEntry.details,
                    AuditEntry.prev_hash,
                    AuditEntry.hash,
                ).order_by(AuditEntry.seq)
            ),
        ),  # fmt: skip
        ExportTable(
            "urgent_messages.csv",
            _l(
                "Urgent messages: to whom (community, grid or building), the texts in each language, by whom, when, how many people, e-mails and text messages."
            ),  # fmt: skip
            (
                "id",
                "scope",
                "scope_id",
                "texts",
                "created_by",
                "created_at",
                "recipients",
                "emails",
                "texts_sent",
            ),
            lambda: _stream(
                select(
                    UrgentMessage.id,
                    UrgentMessage.scope,
                    UrgentMessage.scope_id,
                    UrgentMessage.texts,
                    UrgentMessage.created_by_id,
                    UrgentMessage.created_at,
                    UrgentMessage.recipients,
                    UrgentMessage.emails,
                    UrgentMessage.texts_sent,
                ).order_by(UrgentMessage.id)
            ),
        ),  # fmt: skip
    ]
