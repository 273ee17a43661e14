from flask_wtf import FlaskForm


class LanguageForm(FlaskForm):
    """Only carries the CSRF token; the chosen locale is the pressed button's value."""


def form_status(form):
    """422 for a form sent back with problems, so that clients and tests can tell."""
    return 422 if form.errors or form.form_errors else 200
