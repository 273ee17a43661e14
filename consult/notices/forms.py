"""Notice forms. Labels use the glossary's words; the services check the rules."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import (
    BooleanField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)

from consult.core.forms import Form, LocalTimeField
from consult.core.permissions import parse_id
from consult.core.validators import max_length, optional, required
from consult.extensions import db
from consult.multilingual.languages import content_languages, language_choices, reader_language
from consult.notices.models import NoticeScope
from consult.residents.places import name_of, sort_places


def written_in_choices():
    tags = [tag for tag in content_languages() if tag != "zh"]
    for extra in ("zh-Hans", "zh-Hant", "en"):
        if extra not in tags:
            tags.append(extra)
    return language_choices(tags)


def category_choices():
    from consult.notices.services import categories

    tag = reader_language()
    return [("", _l("Choose a category"))] + [(str(c.id), c.name(tag)) for c in categories()]


def _places(model):
    return sort_places(db.session.scalars(select(model)).all())


def grid_choices():
    from consult.residents.models import Grid

    return [("", _l("Choose a grid"))] + [(str(g.id), name_of(g)) for g in _places(Grid)]


def building_choices():
    from consult.residents.models import Building

    return [("", _l("Choose a building"))] + [
        (str(b.id), _l("Building %(name)s", name=name_of(b))) for b in _places(Building)
    ]


def scope_choices():
    """Every scope a reader may follow or filter by: "community", "grid:3", "building:7"."""
    from consult.residents.models import Building, Grid

    choices = [("community", _l("Whole community"))]
    choices += [(f"grid:{g.id}", name_of(g)) for g in _places(Grid)]
    choices += [
        (f"building:{b.id}", _l("Building %(name)s", name=name_of(b))) for b in _places(Building)
    ]
    return choices


class NoticeForm(Form):
    title = StringField(_l("Title"), [required(), max_length(200)])
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
    category = SelectField(_l("Category"), choices=category_choices)
    scope = SelectField(
        _l("Who it concerns"), choices=NoticeScope.choices, default=NoticeScope.COMMUNITY.value
    )
    grid = SelectField(_l("Grid"), choices=grid_choices, validators=[optional()])
    building = SelectField(_l("Building"), choices=building_choices, validators=[optional()])
    expires_at = LocalTimeField(
        _l("Comes down on"),
        [optional()],
        description=_l("Empty: it stays on the board until archived. Then it is in the archive."),
    )
    pinned = BooleanField(_l("Pinned: shown first on the board"))
    needs_confirmation = BooleanField(
        _l("Ask residents to confirm they have read it"),
        description=_l("For notices that matter, such as a water cut."),
    )
    urgent = BooleanField(
        _l("Urgent: send it to everyone concerned by every channel they have"),
        description=_l("E-mail, text message and the inbox, whatever their settings."),
    )

    def fill_defaults(self):
        if not self.language.data:
            self.language.data = reader_language()

    def values(self):
        return {
            "title": self.title.data,
            "body": self.body.data,
            "language": self.language.data,
            "category_id": parse_id(self.category.data or ""),
            "scope": self.scope.data,
            "grid_id": parse_id(self.grid.data or ""),
            "building_id": parse_id(self.building.data or ""),
            "expires_at": self.expires_at.utc(),
            "pinned": self.pinned.data,
            "needs_confirmation": self.needs_confirmation.data,
            "urgent": self.urgent.data,
        }

    def load(self, notice):
        self.title.data, self.body.data, self.language.data = (
            notice.title,
            notice.body,
            notice.language,
        )
        self.category.data = str(notice.category_id or "")
        self.scope.data = notice.scope.value
        self.grid.data = str(notice.grid_id or "")
        self.building.data = str(notice.building_id or "")
        self.expires_at.data = notice.expires_at
        self.pinned.data, self.urgent.data = notice.pinned, notice.urgent
        self.needs_confirmation.data = notice.needs_confirmation


class PublishForm(Form):
    publish_at = LocalTimeField(
        _l("Goes up on"),
        [optional()],
        description=_l("Empty: now. A later time schedules it; it is sent when it goes up."),
    )
    mark_missing = BooleanField(
        _l("Publish with the missing languages marked “translation coming”")
    )


class CategoryForm(Form):
    name_en = StringField(_l("Name in English"), [required(), max_length(80)])
    name_zh_hans = StringField(_l("Name in Simplified Chinese"), [required(), max_length(80)])
    name_zh_hant = StringField(
        _l("Name in Traditional Chinese"),
        [optional(), max_length(80)],
        description=_l("Left empty, it is converted from the Simplified name."),
    )
    slug = StringField(
        _l("Short name for feed addresses"),
        [optional(), max_length(40)],
        description=_l(
            "Latin letters, digits and hyphens. Left empty, it is made from the English name."
        ),  # fmt: skip
    )


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form):
        pass  # the service says which values it accepts


class SubscriptionForm(Form):
    categories = MultiCheckboxField(_l("Categories"), choices=category_choices)
    scopes = MultiCheckboxField(_l("Places"), choices=scope_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories.choices = [c for c in category_choices() if c[0]]
