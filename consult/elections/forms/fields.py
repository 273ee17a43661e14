"""Field types and per-language fields the election forms share."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    IntegerField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)

from consult.core.validators import max_length, optional, required
from consult.i18n import content_languages
from consult.residents.reference import language_name


class IsoDateField(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a date written as YYYY-MM-DD.")) from None


class ClockField(StringField):
    """A time of day, HH:MM (24 hours), in community time."""

    def process_formdata(self, valuelist):
        if not valuelist:  # not in this submission: keep the default (a time)
            return
        text = (valuelist[0] or "").strip()
        if not text:
            self.data = None
            return
        try:
            self.data = datetime.strptime(text, "%H:%M").time()
        except ValueError:
            self.data = None
            raise ValueError(_l("Enter a time written as HH:MM, such as 08:30.")) from None

    def _value(self):
        if hasattr(self.data, "strftime"):
            return self.data.strftime("%H:%M")
        return self.data or ""


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number.")) from None


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form):
        values = {str(value) for value, *_rest in self.iter_choices()}
        if any(str(item) not in values for item in self.data or ()):
            raise ValueError(_l("Choose from the list."))


def with_language_fields(form_class, prefix, label, *, textarea=False, required_too=True, length=None):  # fmt: skip
    """A subclass of ``form_class`` with one field ``<prefix>_<language>`` per content
    language, labelled "<label> (<language's name>)"."""
    attrs = {}
    for language in content_languages():
        validators = [required() if required_too else optional()]
        if length:
            validators.append(max_length(length))
        field_type = TextAreaField if textarea else StringField
        text = _l("%(label)s (%(language)s)", label=label, language=language_name(language))
        attrs[f"{prefix}_{language}"] = field_type(text, validators, render_kw={"lang": language})
    return type(form_class.__name__, (form_class,), attrs)


def language_values(form, prefix):
    return {lang: (form[f"{prefix}_{lang}"].data or "").strip() for lang in content_languages()}
