"""Countries and languages: validated against Babel's CLDR data, named in the reader's locale."""

import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from consult.i18n import current_locale_name

# CLDR territories that are not countries a person holds: regions, the EU, the UN,
# "unknown", pseudo-locales and exceptionally reserved codes.
_NOT_NATIONALITIES = {
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ",
}  # fmt: skip
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@lru_cache(maxsize=1)
def nationality_codes():
    return frozenset(
        code
        for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in _NOT_NATIONALITIES
    )


def normalize_nationality(value):
    """The ISO 3166 alpha-2 code for ``value`` (any case), or None when it is not one."""
    code = (value or "").strip().upper()
    return code if code in nationality_codes() else None


@lru_cache(maxsize=512)
def normalize_language(tag):
    """A language tag as written in BCP 47 (``zh``, ``zh-Hant``, ``en-GB``), or None."""
    tag = (tag or "").strip().replace("_", "-")
    if not _LANGUAGE_TAG.match(tag):
        return None
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    parts = [locale.language]
    if locale.script:
        parts.append(locale.script)
    if locale.territory:
        parts.append(locale.territory)
    return "-".join(parts)


@lru_cache(maxsize=8)
def _ui_locale(name):
    return Locale.parse(name)


def country_name(code, locale=None):
    if not code:
        return ""
    return _ui_locale(locale or current_locale_name()).territories.get(code, code)


def language_name(tag, locale=None):
    try:
        parsed = Locale.parse(tag, sep="-")
        return parsed.get_display_name(_ui_locale(locale or current_locale_name())) or tag
    except (ValueError, UnknownLocaleError):
        return tag


def country_choices(locale=None):
    """(code, name) for every nationality, sorted by name in the reader's language."""
    names = _ui_locale(locale or current_locale_name()).territories
    return sorted(
        ((code, names.get(code, code)) for code in nationality_codes()), key=lambda c: c[1]
    )
