"""Template globals: navigation from the domains, permissions, the language switcher,
locale-aware filters."""

from flask import has_request_context, request, url_for
from flask_login import current_user

from consult.core.forms import LanguageForm
from consult.core.models import utcnow
from consult.core.permissions import can, can_translate, is_committee
from consult.domains import current_domains
from consult.i18n import init_template_helpers


def navigation(area="main"):
    """(url, label, current, badge) for each navigation entry the current user may see."""
    path = request.path if request else "/"
    entries = []
    for domain in current_domains():
        for entry in domain.navigation:
            if entry.area != area or not entry.shown_to(current_user):
                continue
            active = entry.active
            current = bool(active) and (
                path == active if active == "/" else path.startswith(active)
            )
            entries.append(
                (url_for(entry.endpoint), entry.label, current, entry.badge_for(current_user))
            )
    # The most specific match wins when two entries share a prefix (/register, /register/me).
    marked = [e for e in entries if e[2]]
    if len(marked) > 1:
        best = max(marked, key=lambda e: len(e[0]))
        entries = [(e[0], e[1], e is best, e[3]) for e in entries]
    return entries


def init_templating(app):
    init_template_helpers(app)
    # WTForms would print None as "None": attributes without a value are left out.
    app.jinja_env.filters["drop_empty"] = lambda attrs: {
        key: value for key, value in attrs.items() if value not in (None, "")
    }
    app.jinja_env.globals.update(navigation=navigation, can=can)

    @app.context_processor
    def inject_common():
        if not has_request_context():  # e-mails rendered by the queue's worker
            return {"today": utcnow(), "is_committee": is_committee}
        return {
            # Only drawn, never filled from this request (whose body may be refused, 413).
            "language_form": LanguageForm(formdata=None),
            "is_committee": is_committee,
            "can_translate": can_translate,
            "current_path": request.full_path.rstrip("?") if request else "/",
            "today": utcnow(),
        }
