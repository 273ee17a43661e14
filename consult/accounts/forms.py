from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired

from consult.core.forms import Form
from consult.core.validators import (
    email_address,
    equal_to,
    max_length,
    required,
    strip_whitespace,
)
from consult.i18n import LOCALE_NAMES, UI_LOCALES


def language_choices():
    return [(code, LOCALE_NAMES[code]) for code in UI_LOCALES]


class SignUpForm(Form):
    email = EmailField(
        _l("E-mail address"),
        [required(), email_address(), max_length(254)],
        filters=[strip_whitespace],
    )
    display_name = StringField(
        _l("Display name"),
        [required(), max_length(80)],
        description=_l("Shown beside what you write. Your full name is not required."),
    )
    password = PasswordField(
        _l("Password"),
        [required()],
        description=_l("At least 10 characters, and not a commonly used password."),
    )
    confirm = PasswordField(_l("Repeat the password"), [required(), equal_to("password")])
    preferred_locale = SelectField(
        _l("Preferred language"),
        choices=language_choices,
        validators=[required()],
        description=_l("Used for pages and for the e-mails we send you."),
    )
    # The answer and the notice's version are recorded (consult.community).
    privacy_consent = BooleanField(
        _l("I have read the privacy notice and agree to it."),
        [DataRequired(message=_l("To create an account, agree to the privacy notice."))],
    )
    privacy_version = HiddenField(default="0")


class SignInForm(Form):
    email = EmailField(
        _l("E-mail address"), [required(), email_address()], filters=[strip_whitespace]
    )
    password = PasswordField(_l("Password"), [required()])
    remember = BooleanField(_l("Keep me signed in on this device"))


class ForgotPasswordForm(Form):
    email = EmailField(
        _l("E-mail address"), [required(), email_address()], filters=[strip_whitespace]
    )


class ResetPasswordForm(Form):
    password = PasswordField(
        _l("New password"),
        [required()],
        description=_l("At least 10 characters, and not a commonly used password."),
    )
    confirm = PasswordField(_l("Repeat the new password"), [required(), equal_to("password")])


class ChangePasswordForm(Form):
    current_password = PasswordField(_l("Current password"), [required()])
    password = PasswordField(
        _l("New password"),
        [required()],
        description=_l("At least 10 characters, and not a commonly used password."),
    )
    confirm = PasswordField(_l("Repeat the new password"), [required(), equal_to("password")])


class ProfileForm(Form):
    display_name = StringField(_l("Display name"), [required(), max_length(80)])
    preferred_locale = SelectField(
        _l("Preferred language"), choices=language_choices, validators=[required()]
    )


class CodeForm(Form):
    code = StringField(
        _l("Code"),
        [required(), max_length(40)],
        filters=[strip_whitespace],
        description=_l("The 6-digit code your authenticator app shows now."),
    )


class SignInCodeForm(Form):
    code = StringField(
        _l("Code"),
        [required(), max_length(40)],
        filters=[strip_whitespace],
        description=_l(
            "The 6-digit code your authenticator app shows now, or one of your recovery codes."
        ),
    )


class TurnOffTwoFactorForm(Form):
    code = StringField(_l("Code from your app"), [max_length(40)], filters=[strip_whitespace])
    password = PasswordField(_l("or your password"))


class EmailChangeForm(Form):
    email = EmailField(
        _l("New e-mail address"),
        [required(), email_address(), max_length(254)],
        filters=[strip_whitespace],
        description=_l("We send a link to it; your address changes when you open the link."),
    )
    password = PasswordField(_l("Your password"), [required()])
