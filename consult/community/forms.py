"""Forms of the community pages: one set of fields per content language."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField, TextAreaField

from consult.community.services import field_for
from consult.core.forms import Form
from consult.core.validators import email_address, max_length, optional, strip_whitespace


def language_name(tag):
    """``zh`` → "Chinese" / "中文", in the reader's language."""
    from babel import Locale

    from consult.i18n import current_locale_name

    return Locale.parse(tag, sep="-").get_display_name(Locale.parse(current_locale_name()))


def contact_form(languages, data=None):
    """Address, hours, phone and e-mail for each content language (``address_zh`` ...)."""

    class ContactForm(Form):
        pass

    for tag in languages:
        fields = {
            "address": TextAreaField(_l("Office address"), [optional(), max_length(500)]),
            "hours": TextAreaField(
                _l("Office hours"),
                [optional(), max_length(500)],
                description=_l("For example: Monday to Friday 8:30–17:00, Saturday 9:00–12:00."),
            ),
            "phone": StringField(
                _l("Phone"),
                [optional(), max_length(40)],
                description=_l("Leave empty to show the one given for another language."),
            ),
            "email": EmailField(
                _l("E-mail address"),
                [optional(), email_address(), max_length(254)],
                filters=[strip_whitespace],
                description=_l("Leave empty to show the one given for another language."),
            ),
        }
        for name, field in fields.items():
            setattr(ContactForm, field_for(name, tag), field)
    return ContactForm(data=data)


def notice_form(languages, data=None):
    """The privacy notice's text (Markdown) in each content language (``text_zh`` ...)."""

    class NoticeForm(Form):
        pass

    for tag in languages:
        setattr(
            NoticeForm,
            field_for("text", tag),
            TextAreaField(
                _l("Privacy notice in %(language)s", language=language_name(tag)),
                [optional(), max_length(20000)],
                description=_l("Markdown: ## for a heading, - for a list, **bold**."),
            ),
        )
    return NoticeForm(data=data)
