"""The committee's notice tiles on its home page (the dashboard hook)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.domain import Tile
from consult.extensions import db
from consult.multilingual.reading import missing_languages
from consult.notices import clock
from consult.notices.models import ARCHIVED, Notice
from consult.notices.permissions import can_manage_notices


def tiles(user):
    if not can_manage_notices(user):
        return []
    now = clock.now()
    notices = db.session.scalars(
        select(Notice)
        .where((Notice.expires_at.is_(None)) | (Notice.expires_at > now))
        .options(selectinload(Notice.translations))
    ).all()
    waiting = [n for n in notices if n.status_at(now) != ARCHIVED and missing_languages(n)]
    asking = [n for n in notices if n.needs_confirmation and n.publish_at and n.publish_at <= now]
    return [
        Tile(
            _l("Notices awaiting translation"),
            value=len(waiting),
            url=url_for("notices.manage"),
            text=_l("Drafts and notices on the board that lack a text in a content language."),
            urgent=bool(waiting),
        ),
        Tile(
            _l("Notices asking for confirmation"),
            value=len(asking),
            url=url_for("notices.manage"),
            text=_l(
                "On the board now: see how many residents have confirmed, and remind the others."
            ),  # fmt: skip
        ),
    ]
