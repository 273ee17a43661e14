"""Election day's forms: a station's count (one row per candidate of the round, rows for
write-ins), scheduling a second round, an observer's countersignature or objection, the
committee's answer, and the declaration."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, TextAreaField

from consult.core.forms import Form
from consult.core.validators import max_length, optional, required
from consult.elections.forms.fields import IsoDateField, WholeNumberField

WRITE_IN_ROWS = 3  # empty rows offered for write-ins (另选他人), beyond those entered


class _CountBase(Form):
    voters_signed = WholeNumberField(_l("Voters who signed for a ballot"), [required()])
    ballots_cast = WholeNumberField(_l("Ballots cast"), [required()], description=_l("Every ballot found in the box, invalid ones included."))  # fmt: skip
    invalid = WholeNumberField(_l("Invalid ballots"), [required()], default=0, description=_l("As the counting staff judged them: more candidates marked than seats, or one person for two posts."))  # fmt: skip
    blank = WholeNumberField(_l("Blank ballots"), [required()], default=0, description=_l("Valid ballots that vote for no one."))  # fmt: skip
    reason = TextAreaField(_l("Reason for the correction"), [optional(), max_length(1000)], description=_l("Required when a count is corrected; it stays on the record."))  # fmt: skip


def count_form(labels, write_in_rows, **kwargs):
    """The count form of a round whose candidates are ``labels`` (fields ``votes_<i>``,
    ``against_<i>``, ``abstain_<i>``) with ``write_in_rows`` pairs of write-in fields."""
    attrs = {}
    for i, label in enumerate(labels):
        attrs[f"votes_{i}"] = WholeNumberField(_l("Votes for %(name)s", name=label), [required()])
        attrs[f"against_{i}"] = WholeNumberField(_l("Against %(name)s", name=label), [required()], default=0)  # fmt: skip
        attrs[f"abstain_{i}"] = WholeNumberField(_l("Abstentions on %(name)s", name=label), [required()], default=0)  # fmt: skip
    for j in range(write_in_rows):
        attrs[f"write_in_name_{j}"] = StringField(_l("Write-in %(number)d: name", number=j + 1), [optional(), max_length(120)])  # fmt: skip
        attrs[f"write_in_votes_{j}"] = WholeNumberField(_l("Write-in %(number)d: votes", number=j + 1), [optional()])  # fmt: skip
    form = type("CountForm", (_CountBase,), attrs)(**kwargs)
    form.labels, form.write_in_rows = list(labels), write_in_rows
    return form


def fill_count_form(form, entry):
    """Put an entry's figures in the form (to correct it)."""
    for name in ("voters_signed", "ballots_cast", "invalid", "blank"):
        form[name].data = getattr(entry, name)
    votes, against, abstain = entry.votes, entry.against, entry.abstain
    for i, label in enumerate(form.labels):
        form[f"votes_{i}"].data = votes.get(label, 0)
        form[f"against_{i}"].data = against.get(label, 0)
        form[f"abstain_{i}"].data = abstain.get(label, 0)
    for j, (name, number) in enumerate(entry.write_ins.items()):
        form[f"write_in_name_{j}"].data = name
        form[f"write_in_votes_{j}"].data = number


def count_values(form):
    """The figures as the count service takes them."""

    def column(key):
        return [form[f"{key}_{i}"].data for i in range(len(form.labels))]

    return {
        "voters_signed": form.voters_signed.data,
        "ballots_cast": form.ballots_cast.data,
        "invalid": form.invalid.data,
        "blank": form.blank.data,
        "votes": column("votes"),
        "against": column("against"),
        "abstain": column("abstain"),
        "write_ins": [
            (form[f"write_in_name_{j}"].data, form[f"write_in_votes_{j}"].data)
            for j in range(form.write_in_rows)
        ],
    }


class SecondRoundForm(Form):
    held_on = IsoDateField(_l("Day of the second round"), [required()], description=_l("Written as YYYY-MM-DD."))  # fmt: skip


class ReviewForm(Form):
    round = HiddenField()
    text = TextAreaField(_l("Your objection"), [optional(), max_length(2000)], description=_l("Only to record an objection: say what is wrong with the count."))  # fmt: skip


class AnswerForm(Form):
    answer = TextAreaField(_l("The committee's answer"), [required(), max_length(2000)])


class DeclareForm(Form):
    leave_vacant = BooleanField(_l("Leave the unfilled seats vacant"))
