"""The public sign-up form for observers and volunteers (no account needed)."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, RadioField, SelectField, StringField

from consult.core.forms import Form
from consult.core.validators import email_address, max_length, optional, required
from consult.elections.forms.fields import CheckboxesField
from consult.elections.forms.people import coerce_id
from consult.elections.models import HelperRole, RelationKind
from consult.residents.forms import validate_languages
from consult.residents.reference import country_choices


class SignUpForm(Form):
    role = RadioField(_l("I would like to"), choices=lambda: [
        (HelperRole.OBSERVER.value, _l("Observe the election (观察员)")),
        (HelperRole.VOLUNTEER.value, _l("Volunteer (选举志愿者)")),
    ], validators=[required()])  # fmt: skip
    full_name = StringField(_l("Name in its own script"), [required(), max_length(120)], description=_l("As in your passport or ID: 王芳, Анна, 김민준, Anna Smith."))  # fmt: skip
    latin_name = StringField(_l("Name in Latin letters"), [required(), max_length(120)], description=_l("Shown on your badge."))  # fmt: skip
    nationality = SelectField(_l("Nationality"), choices=lambda: [("", _l("Not given")), *country_choices()], validators=[optional()])  # fmt: skip
    languages = StringField(_l("Languages spoken"), [optional(), max_length(100), validate_languages], description=_l("Language tags separated by “;”, for example zh;en."))  # fmt: skip
    email = EmailField(_l("E-mail address"), [optional(), email_address(), max_length(254)])
    phone = StringField(_l("Phone"), [optional(), max_length(40)], description=_l("Give an e-mail address or a phone number, or both: the confirmation link is sent there."))  # fmt: skip
    preferred_station = SelectField(_l("Preferred polling station"), coerce=coerce_id, validators=[optional()])  # fmt: skip
    shifts = CheckboxesField(_l("Shifts"), coerce=int)
    relation_candidate = SelectField(_l("Are you related to a candidate?"), coerce=coerce_id, validators=[optional()])  # fmt: skip
    relation_kind = SelectField(_l("How?"), choices=lambda: [("", _l("Not related")), *RelationKind.choices()], validators=[optional()])  # fmt: skip
    accept_conduct = BooleanField(_l("I have read the observer code of conduct and will follow it (observers)"))  # fmt: skip

    def values(self):
        return {
            "role": self.role.data,
            "full_name": self.full_name.data,
            "latin_name": self.latin_name.data,
            "nationality": self.nationality.data or None,
            "languages": self.languages.data or "",
            "email": self.email.data,
            "phone": self.phone.data,
            "preferred_station_id": self.preferred_station.data,
            "relation_candidate_id": self.relation_candidate.data,
            "relation_kind": self.relation_kind.data or None,
            "accept_conduct": bool(self.accept_conduct.data),
        }
