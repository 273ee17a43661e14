"""Kinds of content that can be translated, each registered once by its domain.

::

    PROPOSAL = register(
        ContentType(
            "proposal",
            model=Proposal,
            label=_l("Proposal"),
            fields={"title": _l("Title"), "summary": _l("Summary"), "body": _l("Text")},
            limits={"title": 200, "summary": 500, "body": 20000},
            markdown=("body",),
            path=lambda proposal: f"/proposals/{proposal.id}",
            heading=lambda proposal: proposal.title,
            open_to_translators=lambda proposal: proposal.state != "draft",
            on_desk=lambda stmt: stmt.where(Proposal.state != "draft"),
        )
    )

The model keeps its original language in a column (``language`` by default, a BCP 47 tag)
and a revision counter (``revision``) that :func:`consult.multilingual.services.original_edited`
increments whenever a translatable field changes; a translation made for an older revision
is *outdated*. Models may declare ``translations = translations_relationship("proposal")``
(see models.py) to load their translations with ``selectinload``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

CONTENT_TYPES = {}


def _everything(stmt):
    return stmt


def _always(obj):
    return True


def _anyone(user, obj):
    return True


@dataclass(frozen=True)
class ContentType:
    name: str  # how the content is named in URLs and in the translations table
    model: type
    label: object  # "Proposal", lazy and translated
    fields: dict  # translatable field → its label, in the order they are shown
    path: Callable  # path(obj) → where readers find it on this site
    heading: Callable | None = None  # heading(obj) → a short text for lists (its first field)
    limits: dict = field(default_factory=dict)  # field → most characters a text may have
    markdown: tuple = ()  # fields written in Markdown
    optional: tuple = ()  # fields a translation may leave empty when the original has them
    language: str = "language"  # the column holding the original's language tag
    revision: str = "revision"  # the column counting edits of the original
    # Whether ``user`` may read ``obj`` (asking for a translation needs it):
    visible_to: Callable = _anyone
    # Whether translators may see and translate ``obj`` now (not a private draft):
    open_to_translators: Callable = _always
    # The same rule as SQL, narrowing select(model) for the translation desk's queue:
    on_desk: Callable = _everything

    def original_language(self, obj):
        return getattr(obj, self.language)

    def revision_of(self, obj):
        return getattr(obj, self.revision) or 1

    def texts_of(self, obj):
        """The original's translatable fields: {field: text}."""
        return {name: getattr(obj, name) or "" for name in self.fields}

    def heading_of(self, obj):
        if self.heading is not None:
            return self.heading(obj)
        return getattr(obj, next(iter(self.fields)))

    def language_column(self):
        return getattr(self.model, self.language)

    def revision_column(self):
        return getattr(self.model, self.revision)


def register(content_type):
    """Make ``content_type`` translatable (at import time of its domain's models)."""
    CONTENT_TYPES[content_type.name] = content_type
    return content_type


def get_content_type(name):
    """The registered content type ``name``, or None."""
    return CONTENT_TYPES.get(name)


def content_type_of(obj):
    """The content type ``obj`` belongs to (a programming error if none)."""
    for content_type in CONTENT_TYPES.values():
        if isinstance(obj, content_type.model):
            return content_type
    raise LookupError(f"{type(obj).__name__} is not a registered translatable content")


def find_content(name, content_id):
    """The object of content type ``name`` with ``content_id``, or None."""
    from consult.core.permissions import parse_id
    from consult.extensions import db

    content_type = get_content_type(name)
    number = parse_id(content_id)
    if content_type is None or number is None:
        return None
    return db.session.get(content_type.model, number)
