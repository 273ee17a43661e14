"""Pages every domain shares: home and the health check."""

from flask import Blueprint, current_app, jsonify, render_template, url_for
from flask_login import current_user
from sqlalchemy import text

from consult.domains import current_domains, each_part
from consult.extensions import db

bp = Blueprint("core", __name__)


@bp.get("/")
def index():
    """Each role's home: its tiles (figures, open work, next steps) and what it can do now,
    both from the domains' declarations, so it promises nothing that has no page."""
    return render_template(
        "core/index.html", tiles=dashboard_tiles(current_user), links=home_links(current_user)
    )


AREA_ORDER = {"main": 0, "account": 1, "footer": 2}


def home_links(user):
    """(url, label, description) of every page the domains describe that ``user`` may use:
    the site's sections first, then the account's, then the footer's."""
    entries = [
        entry
        for domain in current_domains()
        for entry in domain.navigation
        if entry.description is not None and entry.endpoint != "core.index" and entry.shown_to(user)
    ]
    entries.sort(key=lambda entry: AREA_ORDER.get(entry.area, len(AREA_ORDER)))
    return [(url_for(entry.endpoint), entry.label, entry.description) for entry in entries]


def dashboard_tiles(user):
    """What each domain shows this user on the home page (its dashboard hook)."""
    tiles = []
    for _domain, tiles_for in each_part("dashboard"):
        tiles.extend(tiles_for(user))
    return tiles


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database is reported, not raised
        current_app.logger.exception("health check: database unreachable")
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")
