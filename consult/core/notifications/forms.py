from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField

from consult.core.forms import Form
from consult.core.notifications.models import Frequency
from consult.core.validators import max_length, optional, required
from consult.i18n import LOCALE_LABELS


def settings_form(kinds, current, formdata):
    """A form with, per kind, a frequency and the e-mail and SMS channels."""

    class SettingsForm(Form):
        def choices(self, kinds):
            return {
                kind.key: (
                    self[f"{kind.key}__frequency"].data,
                    self[f"{kind.key}__email"].data,
                    self[f"{kind.key}__sms"].data,
                )
                for kind in kinds
            }

    for kind in kinds:
        frequency, by_email, by_sms = current[kind.key]
        setattr(
            SettingsForm,
            f"{kind.key}__frequency",
            RadioField(kind.label, choices=Frequency.choices, default=frequency.value),
        )
        setattr(SettingsForm, f"{kind.key}__email", BooleanField(_l("By e-mail"), default=by_email))
        setattr(
            SettingsForm,
            f"{kind.key}__sms",
            BooleanField(_l("By text message (SMS)"), default=by_sms),
        )
    return SettingsForm(formdata=formdata)


class UrgentForm(Form):
    scope = SelectField(_l("Who it is for"), validators=[required()])
    subject_zh_Hans = StringField(
        _l("Subject in %(language)s", language=LOCALE_LABELS["zh_Hans"]),
        [optional(), max_length(120)],
    )
    body_zh_Hans = TextAreaField(
        _l("Message in %(language)s", language=LOCALE_LABELS["zh_Hans"]),
        [optional(), max_length(1000)],
    )
    subject_en = StringField(
        _l("Subject in %(language)s", language=LOCALE_LABELS["en"]), [optional(), max_length(120)]
    )
    body_en = TextAreaField(
        _l("Message in %(language)s", language=LOCALE_LABELS["en"]), [optional(), max_length(1000)]
    )

    def texts(self):
        return {
            "zh_Hans": (self.subject_zh_Hans.data or "", self.body_zh_Hans.data or ""),
            "en": (self.subject_en.data or "", self.body_en.data or ""),
        }
