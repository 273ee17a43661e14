"""Pending deletion requests on the committee's home page and navigation, and a person's
own requests among their data (the personal-data hook)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import PersonalTable, Tile
from consult.data_rights.models import AccountDeletionRequest, DeletionStatus
from consult.data_rights.permissions import can_handle_data_requests
from consult.extensions import db


def pending_count():
    return db.session.scalar(
        select(func.count(AccountDeletionRequest.id)).where(
            AccountDeletionRequest.status == DeletionStatus.PENDING
        )
    )


def tiles(user):
    if not can_handle_data_requests(user):
        return []
    count = pending_count()
    if not count:
        return []
    return [
        Tile(
            _l("Account deletion requests"),
            value=count,
            text=_l("waiting for the committee's decision"),
            url=url_for("data_rights.committee"),
            urgent=True,
        )
    ]


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
