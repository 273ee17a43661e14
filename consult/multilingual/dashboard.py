"""The translation desk's tile on translators' and the committee's home page."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from consult.core.domain import Tile
from consult.multilingual.desk import queue_size
from consult.multilingual.permissions import can_use_desk


def tiles(user):
    if not can_use_desk(user):
        return []
    waiting = queue_size()
    return [
        Tile(
            _l("Waiting at the translation desk"),
            value=waiting,
            url=url_for("multilingual.desk"),
            text=_l(
                "Texts that lack a translation into a content language, or whose translation is outdated."
            ),
            urgent=waiting > 0,
        )
    ]
