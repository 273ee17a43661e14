"""Pending deletion requests on the committee's home page."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import Tile
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
