"""Notices for site search (the search hook; contract in consult.core.domain).

Every notice that has been published or scheduled is indexed with its texts in every
language; ``results`` keeps only those a reader may see now (published or archived: never
a draft or a notice whose time has not come), so a scheduled notice shows up the moment it
goes up without being indexed again.
"""

from flask import has_request_context
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.domain import SearchDocument, SearchResult, SearchSource
from consult.core.urls import site_path
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, LOCALE_TAGS, normalize_locale
from consult.multilingual.reading import localize
from consult.notices import clock
from consult.notices.models import VISIBLE, Notice
from consult.text.markdown import render_markdown

EXCERPT = 200


def _texts(notice):
    texts = [notice.title]
    texts += [(row.texts or {}).get("title", "") for row in notice.translations]
    texts.append(notice.body)
    texts += [(row.texts or {}).get("body", "") for row in notice.translations]
    return tuple(text for text in texts if text)


def _document(notice):
    return SearchDocument(kind="notice", object_id=notice.id, texts=_texts(notice))


def _indexed():
    return (
        select(Notice)
        .where(Notice.publish_at.is_not(None))
        .options(selectinload(Notice.translations))
    )


def documents():
    for notice in db.session.scalars(_indexed().order_by(Notice.id)):
        yield _document(notice)


def document(object_id):
    notice = db.session.scalars(_indexed().where(Notice.id == object_id)).first()
    return _document(notice) if notice is not None else None


def _reader_tag(user):
    if has_request_context():
        from consult.multilingual.languages import reader_language

        return reader_language()
    locale = normalize_locale(getattr(user, "preferred_locale", None) or "") or DEFAULT_LOCALE
    return LOCALE_TAGS[locale]


def _plain(markdown_text):
    import re
    from html import unescape

    text = unescape(re.sub(r"<[^>]+>", " ", render_markdown(markdown_text)))
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def results(object_ids, user=None):
    """The visible notices among ``object_ids``, in that order, in the reader's language."""
    ids = [int(i) for i in object_ids]
    if not ids:
        return []
    now = clock.now()
    found = {
        notice.id: notice
        for notice in db.session.scalars(
            select(Notice).where(Notice.id.in_(ids)).options(selectinload(Notice.translations))
        )
        if notice.status_at(now) in VISIBLE
    }
    tag = _reader_tag(user)
    items = []
    for object_id in ids:
        notice = found.get(object_id)
        if notice is None:
            continue
        shown = localize(notice, tag)
        items.append(
            SearchResult(
                kind="notice",
                object_id=notice.id,
                title=shown["title"],
                url=site_path("notices.notice", notice_id=notice.id),
                excerpts=(_plain(shown["body"]),),
                updated_at=max(notice.publish_at, notice.edited_at),
            )
        )
    return items


def sources():
    return [
        SearchSource(
            kind="notice",
            label=_l("Notices"),
            documents=documents,
            document=document,
            results=results,
        )
    ]
