"""Template globals: the language switcher, the community, locale-aware filters."""

from flask import request

from consult.core.forms import LanguageForm
from consult.core.models import utcnow
from consult.core.permissions import can_translate, is_committee
from consult.i18n import init_template_helpers


def init_templating(app):
    init_template_helpers(app)
    # WTForms would print None as "None": attributes without a value are left out.
    app.jinja_env.filters["drop_empty"] = lambda attrs: {
        key: value for key, value in attrs.items() if value not in (None, "")
    }

    @app.context_processor
    def inject_common():
        return {
            "language_form": LanguageForm(),
            "is_committee": is_committee,
            "can_translate": can_translate,
            "current_path": request.full_path.rstrip("?") if request else "/",
            "today": utcnow(),
        }
