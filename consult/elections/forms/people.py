"""Forms for the voter list, objections, candidates, relations, counting staff, proxies."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, StringField, TextAreaField

from consult.core.forms import Form
from consult.core.validators import max_length, optional, required
from consult.elections.forms.fields import IsoDateField, WholeNumberField, with_language_fields
from consult.elections.models import DeclaredBy, ObjectionDecision, RelationKind, StaffRole


def coerce_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class PersonForm(Form):
    """Choose a person (a select of register entries filled by the view) and give a reason."""

    resident = SelectField(_l("Person"), coerce=coerce_id, validators=[required()])
    reason = StringField(_l("Reason"), [required(), max_length(300)])


class ObjectionForm(Form):
    reason = TextAreaField(
        _l("What is wrong with the voter list?"),
        [required(), max_length(1000)],
        description=_l(
            "For example: “I am 18 on election day but not listed”, or “this person moved out”."
        ),  # fmt: skip
    )


class DecisionForm(Form):
    decision = RadioField(_l("Decision"), choices=ObjectionDecision.choices, validators=[required()])  # fmt: skip
    note = TextAreaField(_l("Reason (the resident reads it)"), [required(), max_length(1000)])


class _CandidateBase(Form):
    contest = SelectField(_l("Contest"), coerce=coerce_id, validators=[required()])
    name = StringField(_l("Name in its own script"), [required(), max_length(120)])
    latin_name = StringField(_l("Name in Latin letters"), [required(), max_length(120)])
    nomination_votes = WholeNumberField(_l("Nomination votes"), [required()])


def candidate_form(with_person=True, **kwargs):
    cls = with_language_fields(_CandidateBase, "statement", _l("Statement"), textarea=True, length=2000)  # fmt: skip
    if with_person:
        cls = type("CandidateForm", (cls,), {"resident": SelectField(_l("Voter"), coerce=coerce_id, validators=[required()])})  # fmt: skip
    return cls(**kwargs)


class PhotoForm(Form):
    photo = FileField(_l("Photo"), description=_l("JPEG, PNG or WebP, at most 3 MB."))


class WithdrawalForm(Form):
    signed_on = IsoDateField(_l("Date of the written withdrawal"), [required()])
    note = StringField(_l("Note"), [optional(), max_length(500)])


class RelationForm(Form):
    kind = SelectField(_l("Relation"), choices=RelationKind.choices, validators=[required()])
    resident = SelectField(_l("Relative in the register"), coerce=coerce_id, validators=[optional()])  # fmt: skip
    name = StringField(_l("Or the relative's name"), [optional(), max_length(120)], description=_l("For someone who is not in the register."))  # fmt: skip
    declared_by = SelectField(_l("Declared by"), choices=DeclaredBy.choices, validators=[required()])  # fmt: skip


class StaffForm(Form):
    resident = SelectField(_l("Voter"), coerce=coerce_id, validators=[required()])
    station = SelectField(_l("Polling station"), coerce=coerce_id, validators=[required()])
    role = SelectField(_l("Role"), choices=StaffRole.choices, validators=[required()])
    related_candidate = SelectField(_l("The appointee declares a relation to candidate"), coerce=coerce_id, validators=[optional()])  # fmt: skip
    related_kind = SelectField(_l("Relation"), choices=lambda: [("", _l("None")), *RelationKind.choices()], validators=[optional()])  # fmt: skip


class ProxyForm(Form):
    voter = SelectField(_l("Voter giving the proxy"), coerce=coerce_id, validators=[required()])
    proxy = SelectField(_l("Proxy (who votes for them)"), coerce=coerce_id, validators=[required()])  # fmt: skip
    relation = SelectField(_l("The proxy is the voter's"), choices=RelationKind.choices, validators=[required()])  # fmt: skip
    signed_on = IsoDateField(_l("Date of the written authorisation"), [required()])
    note = StringField(_l("Note"), [optional(), max_length(300)])
