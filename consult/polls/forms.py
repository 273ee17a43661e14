"""Poll forms: the committee's poll form (one text per content language), reasons, paper
batches, and the ballot form built for each poll's method."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)

from consult.core.forms import Form, LocalTimeField
from consult.core.validators import max_length, optional, required
from consult.extensions import db
from consult.polls.methods import DEFAULT_SCORE_MAX
from consult.polls.models import MeetingRule, PollMethod, ResultsShown, VoterBase
from consult.polls.texts import content_languages, field_key, language_label
from consult.residents.models import Building, Grid


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number.")) from None


def scope_choices():
    choices = [("", _l("The whole community"))]
    for grid in db.session.scalars(select(Grid).order_by(Grid.name)):
        choices.append((f"grid:{grid.id}", _l("Grid %(name)s", name=grid.name)))
    for building in db.session.scalars(select(Building).order_by(Building.name)):
        choices.append((f"building:{building.id}", _l("Building %(name)s", name=building.name)))
    return choices


class PollFormBase(Form):
    method = SelectField(
        _l("How votes are counted"), choices=PollMethod.choices, default="plurality"
    )
    seats = WholeNumberField(
        _l("Seats"),
        [optional()],
        default=1,
        description=_l("How many options win (single transferable vote, block, approval …)."),
    )
    max_marks = WholeNumberField(
        _l("Approval: most options a voter may mark"),
        [optional()],
        description=_l("Leave empty for no limit."),
    )
    score_max = WholeNumberField(
        _l("Score: highest score"), [optional()], default=DEFAULT_SCORE_MAX
    )
    quorum_percent = WholeNumberField(
        _l("Yes / no: quorum (percent of the voter list)"),
        [optional()],
        description=_l("Ballots needed for the result to be valid; leave empty for none."),
    )
    meeting = SelectField(
        _l("Residents' meeting decision"),
        choices=MeetingRule.choices,
        default="none",
        description=_l(
            "Organic law (2018), Art. 9: valid when more than half of those entitled take part, adopted by more than half of those who take part. The voters are every adult resident in the register, or one per household; those without an account vote on paper."
        ),
    )
    base = SelectField(_l("Who may vote"), choices=VoterBase.choices, default="verified")
    adults_only = BooleanField(_l("Only residents 18 or over on the closing date"))
    per_household = BooleanField(
        _l("One vote per household (any eligible member may cast it; the first counts)")
    )
    scope = SelectField(_l("Where"), choices=scope_choices, validators=[optional()])
    opens_at = LocalTimeField(_l("Opens"), [required()])
    closes_at = LocalTimeField(_l("Closes"), [required()])
    results_shown = SelectField(
        _l("Results are shown"),
        choices=ResultsShown.choices,
        default="after_closing",
        description=_l(
            "Live results let anyone who watches them change, and knows when someone voted, work out how that person voted."
        ),
    )

    def values(self):
        scope, _, scope_id = (self.scope.data or "").partition(":")
        options = []
        for tag in content_languages():
            lines = [
                line.strip() for line in (self[f"options_{field_key(tag)}"].data or "").splitlines()
            ]
            lines = [line for line in lines if line]
            for i, line in enumerate(lines):
                if i >= len(options):
                    options.append({})
                options[i][tag] = line
        languages = content_languages()
        return {
            "question": {tag: self[f"question_{field_key(tag)}"].data for tag in languages},
            "description": {tag: self[f"description_{field_key(tag)}"].data for tag in languages},
            "options": options,
            "method": self.method.data,
            "seats": self.seats.data,
            "max_marks": self.max_marks.data,
            "score_max": self.score_max.data,
            "quorum_percent": self.quorum_percent.data,
            "meeting": self.meeting.data,
            "base": self.base.data,
            "adults_only": self.adults_only.data,
            "per_household": self.per_household.data,
            "grid_id": int(scope_id) if scope == "grid" and scope_id.isdigit() else None,
            "building_id": int(scope_id) if scope == "building" and scope_id.isdigit() else None,
            "opens_at": self.opens_at.utc(),
            "closes_at": self.closes_at.utc(),
            "results_shown": self.results_shown.data,
        }

    def fill_from(self, poll):
        for tag in content_languages():
            key = field_key(tag)
            self[f"question_{key}"].data = poll.question.get(tag, "")
            self[f"description_{key}"].data = poll.description.get(tag, "")
            self[f"options_{key}"].data = "\n".join(
                o.text.get(tag, "") for o in poll.options if o.text
            )
        if poll.grid_id:
            self.scope.data = f"grid:{poll.grid_id}"
        elif poll.building_id:
            self.scope.data = f"building:{poll.building_id}"


def poll_form(**kwargs):
    """The poll form with a question, description and options field per content language."""
    fields = {}
    for tag in content_languages():
        key, name = field_key(tag), language_label(tag)
        fields[f"question_{key}"] = StringField(
            _l("Question (%(language)s)", language=name), [max_length(300)]
        )
        fields[f"description_{key}"] = TextAreaField(
            _l("Description (%(language)s)", language=name), [optional(), max_length(5000)]
        )
        fields[f"options_{key}"] = TextAreaField(
            _l("Options (%(language)s)", language=name),
            [optional(), max_length(10000)],
            description=_l(
                "One option per line, in the same order in every language. Not needed for a yes / no vote."
            ),
        )
    form_class = type("PollForm", (PollFormBase,), fields)
    return form_class(**kwargs)


def language_fields(form):
    """(tag, language name, question, description, options) per content language."""
    return [
        (
            tag,
            language_label(tag),
            form[f"question_{field_key(tag)}"],
            form[f"description_{field_key(tag)}"],
            form[f"options_{field_key(tag)}"],
        )
        for tag in content_languages()
    ]


class ReasonForm(Form):
    reason = TextAreaField(_l("Reason"), [required(), max_length(1000)])


class PaperBatchForm(Form):
    ballots = TextAreaField(
        _l("Paper ballots, one per line"),
        [required(), max_length(2_000_000)],
    )


class ReceiptForm(Form):
    class Meta:
        csrf = False  # a search, sent with GET

    receipt = StringField(_l("Receipt code"), [optional(), max_length(40)])
