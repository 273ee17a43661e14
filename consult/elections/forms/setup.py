"""The committee's set-up forms: the election, its rule set, contests, stations, shifts and
the code of conduct."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import NumberRange

from consult.core.forms import Form
from consult.core.validators import max_length, optional, required
from consult.elections.forms.fields import (
    CheckboxesField,
    ClockField,
    IsoDateField,
    WholeNumberField,
    language_values,
    with_language_fields,
)
from consult.elections.models import ContestKind, ElectionMode, RelationKind
from consult.i18n import content_languages


class _ElectionBase(Form):
    election_day = IsoDateField(_l("Election day"), [required()], description=_l("Written as YYYY-MM-DD."))  # fmt: skip


class _SeatsBase(Form):
    pass


def _seat_fields():
    defaults = {"director": 1, "deputy": 1, "member": 3}
    return {
        f"seats_{kind.value}": WholeNumberField(
            _l("Seats: %(contest)s", contest=kind.label),
            [required(), NumberRange(min=0, max=20, message=_l("Enter a number from 0 to 20."))],
            default=defaults[kind.value],
        )
        for kind in ContestKind
    }


def election_form(with_seats=True, **kwargs):
    cls = with_language_fields(_ElectionBase, "title", _l("Title"), length=200)
    cls = with_language_fields(cls, "description", _l("Description"), textarea=True, required_too=False)  # fmt: skip
    if with_seats:
        cls = type("ElectionForm", (cls,), _seat_fields())
    return cls(**kwargs)


def election_texts(form):
    titles, descriptions = language_values(form, "title"), language_values(form, "description")
    return {lang: (titles[lang], descriptions[lang]) for lang in content_languages()}


def seats_form(**kwargs):
    return type("SeatsForm", (_SeatsBase,), _seat_fields())(**kwargs)


def seat_values(form):
    return {kind.value: form[f"seats_{kind.value}"].data or 0 for kind in ContestKind}


def _number(label, low, high, help=None):
    return WholeNumberField(
        label,
        [
            required(),
            NumberRange(
                min=low,
                max=high,
                message=_l("Enter a number from %(min)d to %(max)d.", min=low, max=high),
            ),
        ],  # fmt: skip
        description=help,
    )


def _share(label, help=None):
    return StringField(label, [required(), max_length(10)], description=help)


class RulesForm(Form):
    min_age = _number(_l("Minimum age on election day"), 16, 30)
    list_foreign_residents = BooleanField(_l("List residents without Chinese nationality on the voter list"), description=_l("The law gives the vote to citizens; some communities' rules differ."))  # fmt: skip
    mode = SelectField(_l("How the voters vote"), choices=ElectionMode.choices)
    representatives_per_group = _number(_l("Representatives per residents' group"), 2, 3)
    voter_list_days = _number(_l("Voter list published this many days before"), 1, 90)
    objection_days = _number(_l("Days to object after the voter list is published"), 1, 30)
    objection_decision_days = _number(_l("Days to decide each objection"), 1, 30)
    competitive = BooleanField(_l("More candidates than seats (差额)"))
    candidate_list_days = _number(_l("Candidates published this many days before"), 1, 60)
    withdrawal_days = _number(_l("Written withdrawals by this many days before"), 0, 60)
    staff_list_days = _number(_l("Counting staff published this many days before"), 1, 60)
    staff_blocked_relations = CheckboxesField(_l("Relatives of candidates who may not be counting staff or observers"), choices=RelationKind.choices)  # fmt: skip
    proxy_relations = CheckboxesField(_l("Who may be a proxy"), choices=RelationKind.choices)
    max_proxies = _number(_l("Proxy votes one person may hold"), 1, 10)
    proxy_days = _number(_l("Proxy votes filed by this many days before"), 0, 60)
    turnout = _share(_l("Valid when more than this share of the voters vote"), _l("A fraction, such as 1/2."))  # fmt: skip
    first_round_majority = _share(_l("First round: elected with more than this share of the ballots cast"))  # fmt: skip
    second_round_minimum = _share(_l("Second round: at least this share of the ballots cast"))
    second_round_within_days = _number(_l("Second round within this many days"), 0, 90)
    vacancies_allowed_from = _number(_l("Seats may stay vacant once this many members are elected"), 1, 20)  # fmt: skip
    mobile_box_min_observers = _number(_l("Observers with each mobile ballot box, at least"), 1, 10)

    def values(self):
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}


class StationForm(Form):
    name = StringField(_l("Name"), [required(), max_length(120)])
    place = StringField(_l("Place"), [optional(), max_length(200)], description=_l("Where it is, so that people find it."))  # fmt: skip
    opens = ClockField(_l("Opens at"), [required()], description=_l("HH:MM, community time, on election day."))  # fmt: skip
    closes = ClockField(_l("Closes at"), [required()])
    mobile = BooleanField(_l("Mobile ballot box (流动票箱)"), description=_l("Goes to voters who cannot come; it has its own list of voters and at least the rule set's number of observers."))  # fmt: skip

    def values(self):
        return {
            "name": " ".join(self.name.data.split()),
            "place": (self.place.data or "").strip(),
            "opens": self.opens.data,
            "closes": self.closes.data,
            "mobile": bool(self.mobile.data),
        }


class ShiftForm(Form):
    day = IsoDateField(_l("Day"), [required()])
    start = ClockField(_l("Starts at"), [required()])
    end = ClockField(_l("Ends at"), [required()])
    observers = _number(_l("Observers needed"), 0, 50)
    volunteers = _number(_l("Volunteers needed"), 0, 50)


def code_form(**kwargs):
    cls = with_language_fields(Form, "text", _l("Observer code of conduct"), textarea=True)
    return cls(**kwargs)
