"""What a reader sees of a content: their language when it exists, the original otherwise.

``localize(content, reader_tag)`` decides, in this order:

1. the original is in the reader's language: the original, converted by OpenCC when it is
   Chinese in the other script (marked *converted*);
2. a translation into the reader's language exists: that translation (a person's or a
   machine's, marked as such; outdated ones too, with a notice), converted when written in
   the other Chinese script;
3. otherwise the original, and the reader may ask for a translation.

A converted text is never a translation: it only changes the script of a text a person (or
machine) wrote in that language.
"""

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from consult.multilingual.languages import base_language, content_language_for, same_language
from consult.multilingual.models import MACHINE
from consult.multilingual.registry import content_type_of
from consult.text.chinese import convert_for
from consult.text.markdown import render_markdown

ORIGINAL, TRANSLATION, MACHINE_TRANSLATION = "original", "translation", "machine"


@dataclass
class Localized:
    """One content as one reader sees it. ``texts`` are the shown fields' plain texts."""

    content: object
    texts: dict
    language: str  # the tag of the text shown (after any conversion)
    original_language: str
    kind: str  # ORIGINAL, TRANSLATION or MACHINE_TRANSLATION
    converted_from: str | None = None  # the tag of the script OpenCC converted from
    translation: object = None
    outdated: bool = False
    # The reader's language has no text by a person (only the original, or a machine's):
    missing: bool = False
    # The content language the reader could ask for (None when not a content language).
    requestable_language: str | None = None
    markdown: tuple = field(default_factory=tuple)

    @property
    def is_original(self):
        return self.kind == ORIGINAL

    @property
    def is_machine(self):
        return self.kind == MACHINE_TRANSLATION

    def __getitem__(self, name):
        return self.texts.get(name, "")

    def html(self, name):
        """A field as safe HTML: Markdown rendered and sanitised, plain text escaped."""
        text = self.texts.get(name, "")
        if name in self.markdown:
            return Markup(render_markdown(text))
        return escape(text)


def _converted(texts, source, target):
    converted = {name: convert_for(text, source, target) for name, text in texts.items()}
    if all(value is None for value in converted.values()):
        return None
    return {name: converted[name] if converted[name] is not None else texts[name] for name in texts}


def _with_script(texts, source, target):
    """(texts, language shown, converted_from) for readers of ``target``."""
    converted = _converted(texts, source, target)
    if converted is None:
        return texts, source, None
    return converted, target, source


def original(content):
    """The content exactly as written."""
    content_type = content_type_of(content)
    language = content_type.original_language(content)
    return Localized(
        content,
        content_type.texts_of(content),
        language,
        language,
        ORIGINAL,
        markdown=content_type.markdown,
    )


def translation_for(content, reader_tag, translations=None):
    """The translation of ``content`` into the language of ``reader_tag``, or None."""
    rows = translations if translations is not None else _translations_of(content)
    base = base_language(reader_tag)
    return next((row for row in rows if row.base_language == base), None)


def _translations_of(content):
    rows = getattr(content, "translations", None)
    if rows is not None:
        return rows
    from sqlalchemy import select

    from consult.extensions import db
    from consult.multilingual.models import Translation

    name = content_type_of(content).name
    return db.session.scalars(
        select(Translation).filter_by(content_type=name, content_id=content.id)
    ).all()


def localize(content, reader_tag, translations=None):
    """``content`` for a reader of ``reader_tag`` (see the module's docstring).

    ``translations`` are the content's translation rows when already loaded elsewhere;
    by default the model's ``translations`` relationship is read.
    """
    content_type = content_type_of(content)
    source = content_type.original_language(content)
    texts = content_type.texts_of(content)
    requestable = content_language_for(reader_tag)
    if same_language(source, reader_tag):
        shown, language, converted = _with_script(texts, source, reader_tag)
        return Localized(content, shown, language, source, ORIGINAL, converted,
                         markdown=content_type.markdown)  # fmt: skip
    row = translation_for(content, reader_tag, translations)
    if row is None:
        return Localized(content, texts, source, source, ORIGINAL, missing=True,
                         requestable_language=requestable, markdown=content_type.markdown)  # fmt: skip
    rendered = {name: (row.texts or {}).get(name) or texts[name] for name in content_type.fields}
    shown, language, converted = _with_script(rendered, row.language, reader_tag)
    machine = row.method == MACHINE
    outdated = row.revision < content_type.revision_of(content)
    return Localized(
        content,
        shown,
        language,
        source,
        MACHINE_TRANSLATION if machine else TRANSLATION,
        converted,
        translation=row,
        outdated=outdated,
        missing=machine,
        requestable_language=requestable if machine or outdated else None,
        markdown=content_type.markdown,
    )


def has_text_by_a_person(content, language, translations=None):
    """Whether ``content`` has a current text in ``language`` written by a person: the
    original, or a person's translation of its latest revision (not a machine's, not a
    script conversion, not an outdated one)."""
    content_type = content_type_of(content)
    if same_language(content_type.original_language(content), language):
        return True
    row = translation_for(content, language, translations)
    return (
        row is not None
        and row.method != MACHINE
        and row.revision >= content_type.revision_of(content)
    )


def missing_languages(content, translations=None):
    """The content languages in which ``content`` lacks a current text by a person."""
    from consult.multilingual.languages import content_languages

    return [
        tag for tag in content_languages() if not has_text_by_a_person(content, tag, translations)
    ]


def translation_status(content, row):
    """One translation's status for pages and the API."""
    return {
        "language": row.language,
        "method": row.method.value,
        "from_machine_draft": row.from_machine_draft,
        "verified": row.is_verified,
        "outdated": row.revision < content_type_of(content).revision_of(content),
        "revision": row.revision,
    }
