"""WTForms validators with messages from our own catalogs, so every language is covered."""

from flask_babel import lazy_gettext as _l
from wtforms import validators


def required():
    return validators.InputRequired(message=_l("This field is required."))


def optional():
    return validators.Optional()


def email_address():
    return validators.Email(message=_l("Enter a valid e-mail address, like name@example.org."))


def max_length(count):
    return validators.Length(max=count, message=_l("Use at most %(max)d characters.", max=count))


def equal_to(fieldname):
    return validators.EqualTo(fieldname, message=_l("The two passwords do not match."))


def strip_whitespace(value):
    """A WTForms filter: addresses pasted with a stray space still work."""
    return value.strip() if isinstance(value, str) else value
