"""Form plumbing every domain shares."""

from flask import render_template
from flask_wtf import FlaskForm


class LanguageForm(FlaskForm):
    """Only carries the CSRF token; the chosen locale is the pressed button's value."""


class ConfirmForm(FlaskForm):
    """A form that only carries the CSRF token: a button that changes something."""


def form_status(*forms):
    """422 for a form sent back with problems, so that clients and tests can tell."""
    return 422 if any(f.errors or f.form_errors for f in forms) else 200


def render_form(template, form, **context):
    """The page of ``form``, with 422 when it is shown again with problems."""
    return render_template(template, form=form, **context), form_status(form)
