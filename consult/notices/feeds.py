"""Atom feeds (RFC 4287) of the notices, one per UI language and per category.

``/notices/feeds/<lang>.atom`` and ``/notices/feeds/<lang>/<category slug>.atom`` where
``lang`` is ``en``, ``zh-Hans`` or ``zh-Hant``. Every link and id is built from PUBLIC_URL
(the notice's page for an entry's id: it never changes), entries are the newest 50 notices
that have gone up (archived ones too), each in the feed's language where it has a text.
"""

from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask_babel import gettext as _

from consult.core.urls import external_url_for
from consult.i18n import community_name
from consult.multilingual.reading import localize
from consult.notices.models import ARCHIVED
from consult.text.markdown import render_markdown

ATOM = "http://www.w3.org/2005/Atom"
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def _iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent, name, text=None, **attributes):
    element = ET.SubElement(parent, name, {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def entry_updated(notice):
    moments = [notice.publish_at, notice.edited_at]
    moments += [row.updated_at for row in notice.translations if row.updated_at]
    return max(m for m in moments if m is not None)


def atom_feed(notices, lang, locale, category=None):
    """The feed document as bytes (UTF-8, with its XML declaration)."""
    from consult.notices import clock

    now = clock.now()
    if category is not None:
        self_url = external_url_for("notices.category_feed", lang=lang, slug=category.slug)
        alternate = external_url_for("notices.board", category=category.slug)
        title = _("%(community)s notices: %(category)s", community=community_name(locale),
                  category=category.name(lang))  # fmt: skip
    else:
        self_url = external_url_for("notices.feed", lang=lang)
        alternate = external_url_for("notices.board")
        title = _("%(community)s notices", community=community_name(locale))
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _sub(feed, "id", self_url)
    _sub(feed, "title", title)
    _sub(feed, "subtitle", _("Notices of the residents' committee."))
    updated = max((entry_updated(n) for n in notices), default=EPOCH)
    _sub(feed, "updated", _iso(updated))
    author = _sub(feed, "author")
    _sub(
        author, "name", _("Residents' committee of %(community)s", community=community_name(locale))
    )
    _sub(author, "uri", external_url_for("notices.board"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    _sub(feed, "generator", "Consult")
    for notice in notices:
        shown = localize(notice, lang)
        url = external_url_for("notices.notice", notice_id=notice.id)
        entry = _sub(feed, "entry")
        _sub(entry, "id", url)
        _sub(entry, "title", shown["title"])
        _sub(entry, "updated", _iso(entry_updated(notice)))
        _sub(entry, "published", _iso(notice.publish_at))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "category", term=notice.category.slug, label=notice.category.name(lang))
        if notice.status_at(now) == ARCHIVED:
            _sub(entry, "category", term="archived", label=_("Archived"))
        body = render_markdown(shown["body"])
        if shown.missing:
            body = f"<p><em>{_('Translation coming. The text below is the original.')}</em></p>{body}"  # fmt: skip
        content = _sub(entry, "content", body, type="html")
        content.set("xml:lang", shown.language)
    text = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8")
