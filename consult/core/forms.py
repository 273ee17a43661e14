from flask_wtf import FlaskForm


class LanguageForm(FlaskForm):
    """Only carries the CSRF token; the chosen locale is the pressed button's value."""
