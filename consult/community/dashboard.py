"""The committee's open work about the community: contact details and privacy notice."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from consult.community import services
from consult.community.permissions import can_manage_community
from consult.core.domain import Tile


def tiles(user):
    if not can_manage_community(user):
        return []
    found = []
    if not services.all_contact_details():
        found.append(
            Tile(
                _l("Contact details"),
                text=_l("Not set yet: residents cannot see how to reach the committee."),
                url=url_for("community.edit_contact"),
                urgent=True,
            )
        )
    if services.current_notice() is None:
        found.append(
            Tile(
                _l("Privacy notice"),
                text=_l("Not published yet: sign-up shows Consult's default text."),
                url=url_for("community.edit_privacy"),
                urgent=True,
            )
        )
    return found
