"""Content languages (a community setting) and how language tags compare.

Tags are BCP 47 (``zh-Hans``, ``zh-Hant``, ``en``, ``ko``). Two tags name the same *language*
when their primary subtags agree: ``zh-Hans`` and ``zh-Hant`` are Chinese in two scripts
(OpenCC converts between them), ``en-GB`` and ``en`` are English. A content has at most one
translation per language; the script or region it was written in is kept on the row.
"""

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from flask import current_app
from sqlalchemy import or_

from consult.i18n import LOCALE_TAGS, current_locale_name

# Languages, not scripts: Chinese is one content language written in two scripts.
DEFAULT_CONTENT_LANGUAGES = ("zh", "en")
_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@lru_cache(maxsize=512)
def normalize_tag(tag):
    """``tag`` written as BCP 47 writes it (``zh-hans`` → ``zh-Hans``), or None if it is not
    a language Babel knows."""
    tag = (tag or "").strip().replace("_", "-")
    if not _TAG.match(tag):
        return None
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)


def base_language(tag):
    """The language of a tag, without script or region: ``zh-Hant`` → ``zh``."""
    return (tag or "").split("-", 1)[0].split("_", 1)[0].lower()


def same_language(first, second):
    return base_language(first) == base_language(second)


def in_language(column, tag):
    """SQL: ``column`` holds a tag of the same language as ``tag`` (``zh`` or ``zh-…``)."""
    base = base_language(tag)
    return or_(column == base, column.like(base + "-%"))


def content_languages():
    """The community's content languages, one tag per language, in the configured order."""
    configured = current_app.config.get("CONTENT_LANGUAGES") or DEFAULT_CONTENT_LANGUAGES
    tags, seen = [], set()
    for raw in configured:
        tag = normalize_tag(raw)
        if tag and base_language(tag) not in seen:
            seen.add(base_language(tag))
            tags.append(tag)
    return tuple(tags) or DEFAULT_CONTENT_LANGUAGES


def content_language_for(tag):
    """The content language of the same language as ``tag``, or None."""
    return next((c for c in content_languages() if same_language(c, tag)), None)


def reader_language():
    """The BCP 47 tag of the interface language the reader uses (``en``, ``zh-Hans`` …)."""
    return LOCALE_TAGS[current_locale_name()]


@lru_cache(maxsize=256)
def _display_name(tag, locale_name):
    try:
        name = Locale.parse(tag, sep="-").get_display_name(Locale.parse(locale_name))
    except (ValueError, UnknownLocaleError):
        return tag
    return name or tag


def language_name(tag, locale_name=None):
    """The name of the language ``tag`` in the reader's language ("Chinese", "英语")."""
    if not tag:
        return ""
    return _display_name(base_language(tag), locale_name or current_locale_name())


def variant_name(tag, locale_name=None):
    """The name of ``tag`` with its script or region ("Chinese (Simplified)")."""
    if not tag:
        return ""
    return _display_name(tag, locale_name or current_locale_name())


def language_choices(tags=None, locale_name=None):
    """(tag, name) pairs for a select field: the content languages by default."""
    return [(tag, variant_name(tag, locale_name)) for tag in (tags or content_languages())]
