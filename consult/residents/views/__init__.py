"""The register's pages: committee pages under /register, a resident's own entry at
/register/me, and invitation links at /invitation/<token>."""

from flask import Blueprint

bp = Blueprint("residents", __name__)


@bp.app_template_filter("language_name")
def language_name_filter(tag):
    from consult.residents.reference import language_name

    return language_name(tag)


@bp.app_template_filter("place")
def place_filter(place):
    """A grid's or building's name in the reader's language: ``building|place``."""
    from consult.residents.places import name_of

    return name_of(place)


@bp.app_template_global("place_name")
def place_name_global(name, names=None):
    from consult.residents.places import place_name

    return place_name(name, names)


from consult.residents.views import imports, invitations, letters, moving, places, register  # noqa: E402,F401
