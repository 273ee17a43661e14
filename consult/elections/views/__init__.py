"""The elections pages.

setup.py      the list, an election's page (with its timeline), set-up pages
voters.py     the voter list (committee), objections (residents and committee)
candidates.py candidates, photos, withdrawals, relations
staff.py      counting staff and proxies
helpers.py    the public sign-up, confirmation, a helper's own page, badges, verification
roster.py     the committee's view of applications per shift, decisions, the roster
count.py      election day for the committee: the count, corrections, second rounds,
              answers to objections, the declaration
countersign.py an approved observer's countersigning page (signed link, no account)
results.py    the public results and the printed notice of the declaration
"""

from flask import Blueprint, flash, redirect
from flask_babel import gettext as _

from consult.core.forms import ConfirmForm
from consult.core.services import run_service

bp = Blueprint("elections", __name__)


def button(service, *args, success, to, **kwargs):
    """Run a one-button form's service; flash what happened; go to ``to``."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash(_("The form expired; please try again."), "error")
    elif run_service(form, service, *args, **kwargs):
        flash(success, "success")
    for problem in form.form_errors:
        flash(problem, "error")
    return redirect(to)


def flash_problems(form):
    for problem in form.form_errors:
        flash(problem, "error")
    for errors in form.errors.values():
        for error in errors:
            flash(error, "error")


from consult.elections.views import (  # noqa: E402,F401
    candidates,
    count,
    countersign,
    helpers,
    results,
    roster,
    setup,
    staff,
    voters,
)


def setup_app(app):
    """Template helpers the election pages use (the domain's setup hook)."""
    from markupsafe import Markup

    from consult.i18n import content_language_for
    from consult.text.markdown import render_markdown

    app.jinja_env.globals.setdefault("content_language", content_language_for)
    # the results document keeps dates and times as ISO text
    app.jinja_env.filters.setdefault("from_iso", _from_iso)
    app.jinja_env.filters.setdefault("contest_label", _contest_label)
    app.jinja_env.filters.setdefault("markdown", lambda text: Markup(render_markdown(text or "")))


def _from_iso(text):
    from datetime import date, datetime

    if not text:
        return None
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)


def _contest_label(kind):
    from consult.elections.models import ContestKind

    return ContestKind(kind).label
