"""The kinds of message domains declare, and how one reads in a given language."""

import json

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from consult.core.domain import NotificationKind
from consult.domains import current_domains
from consult.i18n import DEFAULT_LOCALE, LOCALE_TAGS, normalize_locale

URGENT = NotificationKind(
    "urgent",
    _l("Urgent messages from the residents' committee"),
    subject="%(subject)s",
    text="%(body)s",
    description=_l(
        "A water cut, a storm: sent to everyone concerned by every way they can be reached, whatever the settings."
    ),
    by_sms=True,
)


def all_kinds():
    """Every kind the app's domains declare, by key (the urgent kind first)."""
    kinds = {URGENT.key: URGENT}
    for domain in current_domains():
        for kind in domain.notifications:
            kinds[kind.key] = kind
    return kinds


def choosable_kinds():
    """The kinds a person may tune (urgent messages always come)."""
    return [kind for key, kind in all_kinds().items() if key != URGENT.key]


def pick(value, locale):
    """A parameter in ``locale``: a plain value as it is, a {language: text} mapping read in
    the reader's language (then Chinese for Chinese readers, then English, then any)."""
    if not isinstance(value, dict):
        return value
    tag = LOCALE_TAGS.get(locale, locale)
    for key in (
        locale,
        tag,
        "zh_Hans" if locale == "zh_Hant" else None,
        "zh",
        "en",
        DEFAULT_LOCALE,
    ):
        if key and value.get(key):
            return value[key]
    return next(iter(value.values()), "")


def render(kind_key, params, locale):
    """(subject, text) of a message of ``kind_key`` in ``locale``."""
    locale = normalize_locale(locale) or DEFAULT_LOCALE
    kind = all_kinds().get(kind_key)
    if isinstance(params, str):
        params = json.loads(params or "{}")
    values = {key: pick(value, locale) for key, value in params.items()}
    with force_locale(locale):
        if kind is None:
            return kind_key, ""
        subject = _format(kind.subject, values)
        text = _format(kind.text, values) if kind.text is not None else ""
    return subject, text


def _format(template, values):
    text = str(template)
    try:
        return text % values
    except (KeyError, TypeError, ValueError):
        return text
