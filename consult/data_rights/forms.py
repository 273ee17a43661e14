"""Forms of the data-rights pages."""

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, TextAreaField

from consult.core.forms import Form
from consult.core.validators import max_length, optional, required


class DeletionRequestForm(Form):
    password = PasswordField(
        _l("Your password"),
        [required()],
        description=_l("So that nobody else can ask for your account to be deleted."),
    )
    reason = TextAreaField(
        _l("Anything the committee should know (optional)"), [optional(), max_length(1000)]
    )


class RefuseForm(Form):
    note = TextAreaField(
        _l("Why the account cannot be deleted"),
        [required(), max_length(1000)],
        description=_l("The person reads this, in the language you write it in."),
    )
