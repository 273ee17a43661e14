"""A person's own deletion requests, among their data (the personal-data hook)."""

from flask_babel import lazy_gettext as _l

from consult.core.domain import PersonalTable
from consult.data_rights.models import DeletionStatus


def personal_data(user):
    from consult.data_rights.services import requests_of

    return [
        PersonalTable(
            "deletion_requests",
            _l("Your requests to delete your account"),
            (
                ("requested_at", _l("Asked")),
                ("status", _l("Status")),
                ("decided_at", _l("Decided")),
                ("note", _l("The committee's reason")),
            ),
            [
                (r.requested_at, DeletionStatus(r.status).label, r.decided_at, r.note)
                for r in requests_of(user)
            ],
        )
    ]
