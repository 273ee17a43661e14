"""The register's tiles on the committee's home page (the dashboard hook)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import Tile
from consult.extensions import db
from consult.residents.models import Resident
from consult.residents.permissions import can_manage_register


def tiles(user):
    if not can_manage_register(user):
        return []
    verified, total = db.session.execute(
        select(func.count(Resident.user_id), func.count(Resident.id))
    ).one()
    return [
        Tile(
            _l("Verified residents"),
            value=verified,
            url=url_for("residents.register", verified="yes"),
        ),
        Tile(
            _l("Residents not verified yet"),
            value=total - verified,
            url=url_for("residents.register", verified="no"),
        ),
    ]
