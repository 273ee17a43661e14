"""Proposal forms. Labels use the glossary's words; the services check the rules."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField

from consult.core.forms import Form
from consult.core.permissions import parse_id
from consult.core.validators import max_length, optional, required
from consult.extensions import db
from consult.multilingual.languages import content_languages, language_choices, reader_language
from consult.proposals.models import Outcome, Scope


class IsoDateField(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a date written as YYYY-MM-DD.")) from None


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(_l("Enter a whole number.")) from None


def written_in_choices():
    """The content languages, Traditional Chinese, then other languages residents write in."""
    # A content language is a language (``zh``); a text is written in a script of it.
    tags = [tag for tag in content_languages() if tag != "zh"]
    for extra in ("zh-Hans", "zh-Hant", "en", "ko", "ja", "ru", "fr", "de", "es"):
        if extra not in tags:
            tags.append(extra)
    return language_choices(tags)


def category_choices():
    from consult.proposals.categories import categories

    tag = reader_language()
    return [("", _l("No category"))] + [(str(c.id), c.name(tag)) for c in categories()]


def grid_choices():
    from consult.residents.models import Grid

    grids = db.session.scalars(select(Grid).order_by(Grid.name)).all()
    return [("", _l("Choose a grid"))] + [(str(g.id), g.name) for g in grids]


def building_choices():
    from consult.residents.models import Building

    buildings = db.session.scalars(select(Building).order_by(Building.name)).all()
    return [("", _l("Choose a building"))] + [(str(b.id), b.name) for b in buildings]


class ProposalForm(Form):
    title = StringField(_l("Title"), [required(), max_length(200)])
    summary = TextAreaField(
        _l("Summary"),
        [optional(), max_length(500)],
        description=_l("One or two sentences, shown in the list of proposals."),
    )
    body = TextAreaField(
        _l("Text"),
        [required(), max_length(20000)],
        description=_l(
            "Markdown: **bold**, *italic*, - lists, [links](https://example.org). A blank line starts a new paragraph."
        ),
    )
    language = SelectField(
        _l("Written in"),
        choices=written_in_choices,
        description=_l("Translators translate it into the community's other languages."),
    )
    category = SelectField(_l("Category"), choices=category_choices, validators=[optional()])
    scope = SelectField(_l("Who it concerns"), choices=Scope.choices, default=Scope.COMMUNITY.value)
    grid = SelectField(_l("Grid"), choices=grid_choices, validators=[optional()])
    building = SelectField(_l("Building"), choices=building_choices, validators=[optional()])

    def fill_defaults(self):
        if not self.language.data:
            self.language.data = reader_language()

    def values(self):
        return {
            "title": self.title.data,
            "summary": self.summary.data,
            "body": self.body.data,
            "language": self.language.data,
            "category_id": parse_id(self.category.data or ""),
            "scope": self.scope.data,
            "grid_id": parse_id(self.grid.data or ""),
            "building_id": parse_id(self.building.data or ""),
        }

    def load(self, proposal):
        self.title.data, self.summary.data = proposal.title, proposal.summary
        self.body.data, self.language.data = proposal.body, proposal.language
        self.category.data = str(proposal.category_id or "")
        self.scope.data = proposal.scope.value if proposal.scope else Scope.COMMUNITY.value
        self.grid.data = str(proposal.grid_id or "")
        self.building.data = str(proposal.building_id or "")


class PublishForm(Form):
    closes_on = IsoDateField(
        _l("Consultation ends on"),
        [required()],
        description=_l("The last day residents can support the proposal. Written as YYYY-MM-DD."),
    )


class WithdrawForm(Form):
    reason = TextAreaField(_l("Why you withdraw it"), [required(), max_length(1000)])


class AttachmentForm(Form):
    file = FileField(
        _l("Image or file"),
        description=_l("PNG, JPEG, GIF or WebP images and PDF files."),
    )
    description = StringField(
        _l("Description"),
        [optional(), max_length(200)],
        description=_l("What an image shows, for readers who cannot see it."),
    )


class AnswerForm(Form):
    outcome = SelectField(_l("Decision"), choices=Outcome.choices)
    body = TextAreaField(_l("Official answer"), [required(), max_length(20000)])
    language = SelectField(_l("Written in"), choices=written_in_choices)
    prevailing_language = SelectField(
        _l("Language that prevails"),
        choices=lambda: language_choices(),
        description=_l("If the texts in different languages differ, this one decides."),
    )


class CategoryForm(Form):
    name_en = StringField(_l("Name in English"), [required(), max_length(80)])
    name_zh_hans = StringField(_l("Name in Simplified Chinese"), [required(), max_length(80)])
    name_zh_hant = StringField(
        _l("Name in Traditional Chinese"),
        [optional(), max_length(80)],
        description=_l("Left empty, it is converted from the Simplified name."),
    )


class SettingsForm(Form):
    support_threshold = WholeNumberField(
        _l("Supports that move a proposal to review"),
        [optional()],
        description=_l("Empty: no threshold. Applies from the next support on."),
    )
    consultation_days = WholeNumberField(
        _l("Suggested length of a consultation (days)"), [required()]
    )
