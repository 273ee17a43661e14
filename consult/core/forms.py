"""Form plumbing every domain shares."""

from datetime import UTC, datetime

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField

from consult.core.clock import community_zone

NUL_MESSAGE = _l(
    "This field contains an invisible NUL character (often pasted from another program). "
    "Type the text again, or paste it as plain text."
)


def contains_nul(value):
    """Whether ``value`` (text) holds a NUL character, which PostgreSQL text cannot store."""
    return isinstance(value, str) and "\x00" in value


class Form(FlaskForm):
    """The base of every form in Consult (a test checks that each one derives from it).

    Whatever each field's own rules, a field whose submitted text holds a NUL character
    is refused with a message at that field: the database should never see one.
    """

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in self:
            if any(contains_nul(value) for value in field.raw_data or ()):
                field.errors = [*field.errors, NUL_MESSAGE]
                valid = False
        return valid


class LanguageForm(Form):
    """Only carries the CSRF token; the chosen locale is the pressed button's value."""


class ConfirmForm(Form):
    """A form that only carries the CSRF token: a button that changes something."""


def form_status(*forms):
    """422 for a form sent back with problems, so that clients and tests can tell."""
    return 422 if any(f.errors or f.form_errors for f in forms) else 200


def render_form(template, form, **context):
    """The page of ``form``, with 422 when it is shown again with problems."""
    return render_template(template, form=form, **context), form_status(form)


TIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalTimeField(DateTimeLocalField):
    """A date and time in the community's time zone, kept in UTC."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format=TIME_FORMAT, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(_l("Enter a date and time, like 2026-05-01 09:00.")) from None

    def _value(self):
        if self.raw_data:
            return " ".join(self.raw_data)
        if isinstance(self.data, datetime):
            moment = self.data if self.data.tzinfo else self.data.replace(tzinfo=UTC)
            return moment.astimezone(community_zone()).strftime(TIME_FORMAT)
        return ""

    def utc(self):
        if self.data is None:
            return None
        if self.data.tzinfo is not None:
            return self.data.astimezone(UTC)
        return self.data.replace(tzinfo=community_zone()).astimezone(UTC)
