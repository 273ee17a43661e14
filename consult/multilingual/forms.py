"""The translation form, built once per content type from its translatable fields."""

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, TextAreaField

from consult.core.forms import Form
from consult.core.validators import max_length, optional
from consult.multilingual.registry import get_content_type

SHORT = 200  # fields up to this many characters get a one-line box


@cache
def translation_form_class(content_type_name):
    """A form with one box per translatable field of the content type (``field_<name>``)."""
    content_type = get_content_type(content_type_name)
    attributes = {
        "from_machine_draft": BooleanField(
            _l("This text started from the machine translation's draft")
        )
    }
    for name, label in content_type.fields.items():
        limit = content_type.limits.get(name)
        validators = [optional()] + ([max_length(limit)] if limit else [])
        kind = StringField if limit and limit <= SHORT else TextAreaField
        attributes[f"field_{name}"] = kind(label, validators)

    def texts(self):
        return {name: getattr(self, f"field_{name}").data or "" for name in content_type.fields}

    def boxes(self):
        return [getattr(self, f"field_{name}") for name in content_type.fields]

    attributes.update(texts=texts, boxes=boxes)
    return type(f"{content_type.name.title()}TranslationForm", (Form,), attributes)


def translation_form(content_type, row=None, **kwargs):
    """The form for ``content_type``, filled from an existing translation ``row`` (a person's
    earlier text, or the machine's draft)."""
    form_class = translation_form_class(content_type.name)
    data = {}
    if row is not None:
        data = {f"field_{name}": (row.texts or {}).get(name, "") for name in content_type.fields}
        data["from_machine_draft"] = row.is_machine or row.from_machine_draft
    return form_class(data=data, **kwargs)
