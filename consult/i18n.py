"""UI languages: which one a reader gets, and locale-aware formatting helpers.

The catalog folders are named ``en``, ``zh_Hans`` and ``zh_Hant``; every function here
answers with exactly one of those names.
"""

import os

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from flask import current_app, has_request_context, request
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

UI_LOCALES = ("en", "zh_Hans", "zh_Hant")
DEFAULT_LOCALE = "en"
LANGUAGE_COOKIE = "consult_lang"

# The name of each language in itself, for the switcher.
LOCALE_NAMES = {"en": "English", "zh_Hans": "简体中文", "zh_Hant": "繁體中文"}
# BCP 47 tags for <html lang> and lang attributes.
LOCALE_TAGS = {"en": "en", "zh_Hans": "zh-Hans", "zh_Hant": "zh-Hant"}
LOCALE_LABELS = {
    "en": _l("English"),
    "zh_Hans": _l("Simplified Chinese"),
    "zh_Hant": _l("Traditional Chinese"),
}

_TRADITIONAL_TERRITORIES = {"TW", "HK", "MO"}


def normalize_locale(value):
    """Map a catalog name or a BCP 47 tag to a UI locale, or None when it is not one."""
    if not value:
        return None
    if value in UI_LOCALES:
        return value
    tag = value.strip().replace("_", "-")
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    if locale.language == "en":
        return "en"
    if locale.language != "zh":
        return None
    if locale.script == "Hant" or (
        not locale.script and locale.territory in _TRADITIONAL_TERRITORIES
    ):
        return "zh_Hant"
    return "zh_Hans"


def negotiate_accept_language(accept_languages):
    """Pick the UI locale from an Accept-Language header, best quality first.

    zh-CN, zh-SG and plain zh read Simplified; zh-TW, zh-HK, zh-MO and zh-Hant read
    Traditional; anything else falls back to English.
    """
    for tag, _quality in accept_languages:
        if tag == "*":
            continue
        locale = normalize_locale(tag)
        if locale:
            return locale
    return DEFAULT_LOCALE


def terminal_locale():
    """CONSULT_LOCALE, else LC_ALL / LC_MESSAGES / LANG (zh_CN.UTF-8 → zh_Hans), else English."""
    for name in ("CONSULT_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(".", 1)[0]
        if value and value not in {"C", "POSIX"}:
            return normalize_locale(value) or DEFAULT_LOCALE
    return DEFAULT_LOCALE


def select_locale():
    """Explicit choice first (profile, then cookie), then the browser's header.

    Flask-Babel calls this once per request and keeps the answer. Outside a request (the
    command line) the terminal's language is used.
    """
    if not has_request_context():
        return terminal_locale()
    locale = None
    if current_user and current_user.is_authenticated:
        locale = normalize_locale(current_user.preferred_locale)
    if not locale:
        locale = normalize_locale(request.cookies.get(LANGUAGE_COOKIE))
    if not locale:
        locale = negotiate_accept_language(request.accept_languages)
    return locale


def remember_language(response, locale):
    """Keep an explicit language choice in a cookie for a year."""
    response.set_cookie(
        LANGUAGE_COOKIE,
        locale,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        httponly=True,
        secure=current_app.config["LANGUAGE_COOKIE_SECURE"],
    )
    return response


def current_locale_name():
    """The catalog name of the locale in force (``en``, ``zh_Hans`` or ``zh_Hant``)."""
    locale = get_locale()
    if locale is None:
        return DEFAULT_LOCALE
    return normalize_locale(str(locale)) or DEFAULT_LOCALE


def content_languages():
    """The community's content languages, as BCP 47 tags (default: zh, en)."""
    return tuple(current_app.config.get("CONTENT_LANGUAGES") or ("zh", "en"))


def content_language_for(locale=None):
    """The content language a reader of UI ``locale`` reads: ``zh`` for both Chinese
    scripts, ``en`` for English; the first content language when theirs is not one."""
    locale = locale or current_locale_name()
    language = locale.split("_")[0]
    languages = content_languages()
    return language if language in languages else languages[0]


def community_name(locale=None):
    names = current_app.config["COMMUNITY_NAMES"]
    locale = locale or current_locale_name()
    return names.get(locale) or names["en"]


def html_lang():
    return LOCALE_TAGS[current_locale_name()]


def init_template_helpers(app):
    app.jinja_env.globals.update(
        html_lang=html_lang,
        current_locale_name=current_locale_name,
        community_name=community_name,
        UI_LOCALES=UI_LOCALES,
        LOCALE_NAMES=LOCALE_NAMES,
        LOCALE_TAGS=LOCALE_TAGS,
    )
    app.jinja_env.filters.update(
        datetime=lambda value, fmt="medium": format_datetime(value, fmt) if value else "",
        date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        number=lambda value: format_decimal(value) if value is not None else "",
        # "Chinese and English", "中文和英语": lists joined as the reader's language does.
        listing=lambda values, style="standard": format_list(list(values), style, get_locale()),
    )
