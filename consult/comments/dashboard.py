"""The committee's moderation tile on its home page.

(No count beside "Moderation" in the navigation: it would cost every committee page a query.)
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.comments.permissions import can_moderate_comments
from consult.core.domain import Tile
from consult.extensions import db


def waiting_count(user):
    """Comments waiting for the committee."""
    from consult.comments.moderation_views import waiting_statement

    if not can_moderate_comments(user):
        return None
    count = db.session.scalar(select(func.count()).select_from(waiting_statement().subquery()))
    return count or None


def tiles(user):
    if not can_moderate_comments(user):
        return []
    count = waiting_count(user) or 0
    return [
        Tile(
            _l("Comments waiting for moderation"),
            value=count,
            url=url_for("comments_moderation.queue"),
            text=_l("Reported, hidden after three reports, or appealed by their author."),
            urgent=count > 0,
        )
    ]
