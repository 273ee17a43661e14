"""Pages and plumbing every domain shares: home, health check, language switch."""

from flask import Blueprint

bp = Blueprint("core", __name__)

from consult.core import views  # noqa: E402,F401
