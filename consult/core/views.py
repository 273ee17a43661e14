"""Pages every domain shares: home and the health check."""

from flask import Blueprint, current_app, jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from consult.domains import each_part
from consult.extensions import db

bp = Blueprint("core", __name__)


@bp.get("/")
def index():
    return render_template("core/index.html", tiles=dashboard_tiles(current_user))


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
