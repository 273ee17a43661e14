"""The register's pages: committee pages under /register, a resident's own entry at
/register/me, and invitation links at /invitation/<token>."""

from flask import Blueprint

bp = Blueprint("residents", __name__)


@bp.app_template_filter("language_name")
def language_name_filter(tag):
    from consult.residents.reference import language_name

    return language_name(tag)


from consult.residents.views import imports, invitations, register  # noqa: E402,F401
