"""A poll's texts in the community's content languages, and in the reader's language.

Questions, descriptions and options are stored as ``{content language tag: text}``. The
content languages are the ``CONTENT_LANGUAGES`` setting (BCP 47 tags; default Chinese and
English). Chinese is one content language in two scripts: a reader of the other script gets
an OpenCC conversion, marked as converted.
"""

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from consult.i18n import LOCALE_TAGS, current_locale_name, normalize_locale
from consult.text.chinese import chinese_script, to_simplified, to_traditional

DEFAULT_CONTENT_LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": _l("Chinese"), "en": _l("English")}


def content_languages():
    """The content language tags, the one the community writes first first."""
    return tuple(current_app.config.get("CONTENT_LANGUAGES") or DEFAULT_CONTENT_LANGUAGES)


def language_label(tag):
    """A content language's name in the reader's language (its tag when we have none)."""
    base = tag.split("-")[0].lower()
    return LANGUAGE_NAMES.get(base, tag)


def field_key(tag):
    """A form field's suffix for a language tag (zh-Hant → zh_hant)."""
    return tag.replace("-", "_").lower()


@dataclass(frozen=True)
class Shown:
    """A text as a reader sees it: in which language (for ``lang``) and whether converted."""

    text: str
    lang: str
    converted: bool = False

    def __str__(self):
        return self.text

    def __html__(self):
        from markupsafe import escape

        return str(escape(self.text))


def _ui_locale_of(tag):
    return normalize_locale(tag)


def text_for(texts, locale=None):
    """``texts`` in the reader's language: the same language, else Chinese in the other
    script converted, else the first content language that has a text."""
    texts = {tag: text for tag, text in (texts or {}).items() if text}
    if not texts:
        return Shown("", LOCALE_TAGS["en"])
    locale = locale or current_locale_name()
    for tag, text in texts.items():
        if _ui_locale_of(tag) == locale:
            return Shown(text, LOCALE_TAGS[locale])
    if locale in ("zh_Hans", "zh_Hant"):
        for tag, text in texts.items():
            if chinese_script(tag):
                convert = to_traditional if locale == "zh_Hant" else to_simplified
                return Shown(convert(text), LOCALE_TAGS[locale], converted=True)
    for tag in content_languages():
        if tag in texts:
            return Shown(texts[tag], tag)
    tag, text = next(iter(texts.items()))
    return Shown(text, tag)


def texts_per_locale(texts, locales):
    """{ui locale: text} for notifications written in each recipient's language."""
    return {locale: text_for(texts, locale).text for locale in locales}
