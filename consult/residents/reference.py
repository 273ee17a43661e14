"""Countries and languages: validated against Babel's CLDR data, named in the reader's locale.

Taiwan, Hong Kong and Macao are named as official usage in mainland China writes them
(中国台湾, "Taiwan, China"), wherever a country name is shown or read.
"""

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
REGION_NAMES = {
    "TW": {"en": "Taiwan, China", "zh_Hans": "中国台湾", "zh_Hant": "中國臺灣"},
    "HK": {"en": "Hong Kong, China", "zh_Hans": "中国香港", "zh_Hant": "中國香港"},
    "MO": {"en": "Macao, China", "zh_Hans": "中国澳门", "zh_Hant": "中國澳門"},
}
UI_LOCALE_NAMES = ("en", "zh_Hans", "zh_Hant")


@lru_cache(maxsize=1)
def nationality_codes():
    return frozenset(
        code
        for code in Locale("en").territories
        if len(code) == 2 and code.isalpha() and code not in _NOT_NATIONALITIES
    )


def normalize_nationality(value):
    """The ISO 3166 alpha-2 code for ``value``: a code in any case, or a country's name in
    English or Chinese (``中国``, ``Germany``, ``中國臺灣``); None when it is neither."""
    text = (value or "").strip()
    code = text.upper()
    if code in nationality_codes():
        return code
    return _codes_by_name().get(text.casefold())


@lru_cache(maxsize=1)
def _codes_by_name():
    names = {}
    for locale in UI_LOCALE_NAMES:
        territories = _ui_locale(locale).territories
        for code in nationality_codes():
            for name in (territories.get(code), country_name(code, locale)):
                if name:
                    names.setdefault(name.casefold(), code)
    return names


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
    locale = locale or current_locale_name()
    region = REGION_NAMES.get(code)
    if region:
        return region.get(locale, region["en"])
    return _ui_locale(locale).territories.get(code, code)


def sort_key(locale=None):
    """A key that sorts names as a reader of ``locale`` expects: Chinese by pinyin."""
    locale = locale or current_locale_name()
    if not locale.startswith("zh"):
        return str.casefold
    from pypinyin import lazy_pinyin

    return lambda text: (" ".join(lazy_pinyin(text)).casefold(), text)


def language_name(tag, locale=None):
    try:
        parsed = Locale.parse(tag, sep="-")
        return parsed.get_display_name(_ui_locale(locale or current_locale_name())) or tag
    except (ValueError, UnknownLocaleError):
        return tag


def country_choices(locale=None):
    """(code, name) for every nationality, sorted by name as the reader's language sorts."""
    locale = locale or current_locale_name()
    return _country_choices(locale)


@lru_cache(maxsize=8)
def _country_choices(locale):
    key = sort_key(locale)
    named = ((code, country_name(code, locale)) for code in nationality_codes())
    return sorted(named, key=lambda choice: key(choice[1]))
