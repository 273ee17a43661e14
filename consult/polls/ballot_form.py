"""The ballot form, built for each poll's method (radio buttons, check boxes, a rank or a
score per option), and option labels in the reader's language."""

import json

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import escape
from wtforms import RadioField, SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from consult.core.forms import Form
from consult.polls.methods import DEFAULT_SCORE_MAX, kind_of, mark_limit
from consult.polls.texts import text_for


def option_label(option):
    """An option as the reader sees it (yes / no / abstain in the reader's language)."""
    return label_for(option.name, option.text)


def label_for(name, text):
    if not text:
        return {"yes": _("Yes"), "no": _("No"), "abstain": _("Abstain")}.get(name, name)
    return text_for(text)


class OptionLabel:
    """An option's label, put into words when the form is drawn (in the reader's language),
    so that a form class can serve every request and language."""

    def __init__(self, name, text):
        self.name, self.text = name, text

    def shown(self):
        return label_for(self.name, self.text)

    def __str__(self):
        return str(self.shown())

    def __html__(self):
        return str(escape(str(self)))


_FORM_CLASSES = {}


def ballot_form(poll, formdata=None):
    """A form whose fields fit the poll's method. Values are checked by the service, which
    names every problem (so a tampered value gets our message, not WTForms')."""
    form_class = _ballot_form_class(poll)
    return form_class(formdata=formdata) if formdata is not None else form_class()


def _ballot_form_class(poll):
    """One class per open poll (its options cannot change once it has opened)."""
    key = (poll.id, poll.opened_at)
    form_class = _FORM_CLASSES.get(key) if poll.opened_at else None
    if form_class is None:
        options = tuple((o.id, o.name, json.dumps(o.text)) for o in poll.options)
        form_class = _make_ballot_form_class(poll, options)
        if poll.opened_at:
            if len(_FORM_CLASSES) > 256:
                _FORM_CLASSES.clear()
            _FORM_CLASSES[key] = form_class
    return form_class


def _make_ballot_form_class(poll, options):
    kind = kind_of(poll.method)
    labels = [(str(id_), OptionLabel(name, json.loads(text))) for id_, name, text in options]

    def choices():  # a callable: WTForms 3.3 warns about a list of tuples
        return labels

    fields = {}
    if kind == "choice":
        fields["choice"] = RadioField(_l("Your choice"), choices=choices, validate_choice=False)
    elif kind == "marks":
        limit = mark_limit(poll)
        fields["marks"] = SelectMultipleField(
            _l("Mark the options you choose"),
            choices=choices,
            validate_choice=False,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            description=_l("Mark at most %(limit)s.", limit=limit) if limit else None,
        )
    elif kind == "ranks":
        ranks = [("", _l("Not ranked"))] + [(str(i), str(i)) for i in range(1, len(labels) + 1)]
        for option_id, label in labels:
            fields[f"rank_{option_id}"] = SelectField(
                label, choices=lambda: ranks, validate_choice=False, default=""
            )
    else:
        top = poll.score_max or DEFAULT_SCORE_MAX
        scores = [("", _l("No score"))] + [(str(i), str(i)) for i in range(top + 1)]
        for option_id, label in labels:
            fields[f"score_{option_id}"] = SelectField(
                label, choices=lambda: scores, validate_choice=False, default=""
            )
    return type("BallotForm", (Form,), fields)


def choices_of(poll, form, formdata):
    """The raw choices the ballot form carries, with any unknown option sent along."""
    kind = kind_of(poll.method)
    if kind == "choice":
        return {"choice": form.choice.data or ""}
    if kind == "marks":
        return {"marks": list(form.marks.data or [])}
    prefix = "rank_" if kind == "ranks" else "score_"
    values = {
        key.removeprefix(prefix): (formdata.get(key) or "")
        for key in formdata
        if key.startswith(prefix)
    }
    return {kind: values}
