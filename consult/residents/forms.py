"""Register forms. Labels use the glossary's words; messages come from our catalogs."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import NumberRange, ValidationError

from consult.core.forms import Form
from consult.core.validators import email_address, max_length, optional, required
from consult.residents.dates import DateProblem, parse_date
from consult.residents.invitations import DEFAULT_DAYS, MAX_DAYS
from consult.residents.models import Gender
from consult.residents.places import name_field
from consult.residents.reference import country_choices, normalize_language


class IsoDateField(DateField):
    """A date, year first, read as the import reads it (consult.residents.dates); says
    whether the date is written badly or does not exist."""

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = parse_date(valuelist[0])
        except DateProblem as problem:
            self.data = None
            if problem.kind == "no_such_date":
                raise ValueError(
                    _l(
                        "%(value)s is not a date that exists: check the day and the month.",
                        value=problem.value,
                    )
                ) from None
            raise ValueError(_l("Enter a date written as YYYY-MM-DD.")) from None


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number.")) from None


def gender_choices():
    return [("", _l("Not given")), *Gender.choices()]


def nationality_choices():
    return [("", _l("Not given")), *country_choices()]


def validate_languages(form, field):
    tags = []
    for raw in (field.data or "").replace(",", ";").split(";"):
        if not raw.strip():
            continue
        tag = normalize_language(raw)
        if tag is None:
            raise ValidationError(
                _l(
                    "“%(value)s” is not a language tag such as zh, en or zh-Hant.",
                    value=raw.strip(),
                )
            )
        if tag not in tags:
            tags.append(tag)
    field.data = ";".join(tags)


class ResidentForm(Form):
    full_name = StringField(
        _l("Full name"),
        [required(), max_length(120)],
        description=_l("In its own script, as on the resident's papers."),
    )
    latin_name = StringField(_l("Name in Latin letters"), [optional(), max_length(120)])
    gender = SelectField(_l("Gender"), choices=gender_choices, validators=[optional()])
    birth_date = IsoDateField(
        _l("Birth date"),
        [optional()],
        description=_l("Written as YYYY-MM-DD."),
    )
    nationality = SelectField(
        _l("Nationality"), choices=nationality_choices, validators=[optional()]
    )
    languages = StringField(
        _l("Languages spoken"),
        [optional(), max_length(100), validate_languages],
        description=_l("Language tags separated by “;”, for example zh;en."),
    )
    phone = StringField(_l("Phone"), [optional(), max_length(40)])
    email = EmailField(_l("E-mail address"), [optional(), email_address(), max_length(254)])

    def values(self):
        """The entry's fields as the register stores them (spaces tidied, blanks as None)."""
        return {
            "full_name": " ".join(self.full_name.data.split()),
            "latin_name": " ".join((self.latin_name.data or "").split()) or None,
            "gender": self.gender.data or None,
            "birth_date": self.birth_date.data,
            "nationality": self.nationality.data or None,
            "languages": self.languages.data or None,
            "phone": (self.phone.data or "").strip() or None,
            "email": (self.email.data or "").strip().lower() or None,
        }


class MoveForm(Form):
    household = StringField(
        _l("Household number of the new household"), [required(), max_length(40)]
    )


class ImportForm(Form):
    file = FileField(
        _l("Register file (CSV)"),
        description=_l(
            "A CSV or tab-separated text file with a header row. Download the template to see the columns."
        ),
    )
    dry_run = BooleanField(_l("Only check the file; change nothing"))
    full = BooleanField(
        _l("This file is the whole register: residents missing from it have moved out"),
        description=_l(
            "You will see who would be marked as moved out, and be asked, before anything is imported."
        ),
    )


class InvitationForm(Form):
    days = WholeNumberField(
        _l("Valid for (days)"),
        [
            required(),
            NumberRange(
                min=1,
                max=MAX_DAYS,
                message=_l("Enter a number from 1 to %(max)d.", max=MAX_DAYS),
            ),
        ],
        default=DEFAULT_DAYS,
    )


class VerifyForm(Form):
    email = EmailField(
        _l("E-mail address of the account"),
        [required(), email_address(), max_length(254)],
        description=_l("The resident must have signed up already."),
    )
    note = TextAreaField(
        _l("Note"),
        [optional(), max_length(500)],
        description=_l("How you confirmed who they are, e.g. “saw passport at the office”."),
    )


class RevokeForm(Form):
    note = TextAreaField(
        _l("Reason"),
        [required(), max_length(500)],
        description=_l("Kept in the verification history, e.g. “moved out on 1 March”."),
    )


class CodeForm(Form):
    code = StringField(
        _l("Invitation code"),
        [required(), max_length(40)],
        description=_l("8 letters and digits, as printed on your letter, e.g. K7QM-4TZP."),
    )


class RedeemForm(Form):
    """Carries the CSRF token; the chosen register entry is a radio button drawn by hand."""


def place_form(place, languages, data=None):
    """A form with a name per content language (``name_zh``, ``name_en``) and a position."""
    from consult.residents.reference import language_name

    class PlaceForm(Form):
        position = WholeNumberField(
            _l("Position in lists"),
            [
                optional(),
                NumberRange(
                    min=1, max=9999, message=_l("Enter a number from 1 to %(max)d.", max=9999)
                ),
            ],
            description=_l(
                "Leave empty to sort by name, as people count (2 before 10, 第二 before 第三)."
            ),
        )

    for tag in languages:
        field = StringField(
            _l("Name in %(language)s", language=language_name(tag)),
            [optional(), max_length(80)],
            description=_l("Leave empty to show “%(name)s”.", name=place.name),
        )
        setattr(PlaceForm, name_field(tag), field)
    return PlaceForm(data=data)


class MoveOutForm(Form):
    moved_out_on = IsoDateField(
        _l("Moved out on"), [required()], description=_l("Written as YYYY-MM-DD.")
    )
    reason = TextAreaField(
        _l("Reason"),
        [optional(), max_length(500)],
        description=_l(
            "For example “moved to another city”. Removed with the entry's personal data."
        ),
    )


class RetentionForm(Form):
    months = WholeNumberField(
        _l("Keep the entries of residents who moved out for (months)"),
        [required()],
        description=_l(
            "Then their personal data is removed from the register and from the audit trail; a blank entry stays."
        ),
    )


class ContactCorrectionForm(Form):
    phone = StringField(_l("Phone"), [optional(), max_length(40)])
    email = EmailField(_l("E-mail address"), [optional(), email_address(), max_length(254)])

    def values(self):
        return {
            "phone": (self.phone.data or "").strip() or None,
            "email": (self.email.data or "").strip().lower() or None,
        }
