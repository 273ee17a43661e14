from flask import current_app, jsonify, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import text

from consult.core import bp
from consult.core.forms import LanguageForm
from consult.core.navigation import safe_next_url
from consult.extensions import db
from consult.i18n import UI_LOCALES, remember_language


@bp.get("/")
def index():
    return render_template("core/index.html")


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any failure to reach the database is reported, not raised
        current_app.logger.exception("health check: database unreachable")
        db.session.rollback()
        return jsonify(status="error", database="error"), 503
    return jsonify(status="ok", database="ok")


@bp.post("/language")
def set_language():
    """The language switcher: remembered in a cookie and in the signed-in user's profile."""
    form = LanguageForm()
    locale = request.form.get("locale")
    target = safe_next_url(request.form.get("next")) or url_for("core.index")
    if not form.validate_on_submit() or locale not in UI_LOCALES:
        return redirect(target)
    if current_user.is_authenticated:
        current_user.preferred_locale = locale
        db.session.commit()
    return remember_language(redirect(target), locale)
