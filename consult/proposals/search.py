"""Proposals in site search: the title, summary and text of each proposal and of every
translation of it, found by the same rules as the proposal's page (a draft by its author
only; a deleted proposal is no longer indexed)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.domain import SearchDocument, SearchResult, SearchSource
from consult.core.searching import documents_in_batches
from consult.extensions import db
from consult.multilingual.languages import reader_language
from consult.multilingual.reading import localize
from consult.proposals.models import Proposal
from consult.proposals.permissions import can_view_proposal
from consult.text.markdown import markdown_words as plain

KIND = "proposal"
FIELDS = ("title", "summary", "body")
EXCERPT_CHARS = 3000  # of a long text, what an excerpt is cut from


def _texts(proposal):
    """Every text of the proposal: the original's fields, then each translation's."""
    yield proposal.title
    yield proposal.summary
    yield plain(proposal.body)
    for translation in proposal.translations:
        texts = translation.texts or {}
        yield texts.get("title")
        yield texts.get("summary")
        yield plain(texts.get("body"))


def _document(proposal):
    return SearchDocument(KIND, proposal.id, tuple(text for text in _texts(proposal) if text))


def _loaded(ids):
    return db.session.scalars(
        select(Proposal).where(Proposal.id.in_(ids)).options(selectinload(Proposal.translations))
    ).all()


def documents():
    """Every proposal (drafts too: their authors find them), a batch at a time."""
    return documents_in_batches(select(Proposal.id), _loaded, _document)


def document(object_id):
    found = _loaded([object_id])
    return _document(found[0]) if found else None


def _excerpts(proposal, shown):
    """The reader's texts first, then the other languages' (the results page shows the
    first one holding a word searched for: "parking" in the English translation)."""
    yield shown["summary"], shown.language
    yield plain(shown["body"][:EXCERPT_CHARS]), shown.language
    others = [(proposal.language, {name: getattr(proposal, name) for name in FIELDS})]
    others += [(row.language, row.texts or {}) for row in proposal.translations]
    for language, texts in others:
        if language != shown.language:
            yield texts.get("title") or "", language
            yield texts.get("summary") or "", language
            yield plain((texts.get("body") or "")[:EXCERPT_CHARS]), language


def results(object_ids, user):
    """Search results for the proposals ``user`` may see, in the order of ``object_ids``."""
    by_id = {proposal.id: proposal for proposal in _loaded(list(object_ids))}
    tag = reader_language()
    found = []
    for object_id in object_ids:
        proposal = by_id.get(object_id)
        if proposal is None or not can_view_proposal(user, proposal):
            continue
        shown = localize(proposal, tag)
        found.append(
            SearchResult(
                KIND,
                proposal.id,
                shown["title"],
                url_for("proposals.proposal", proposal_id=proposal.id),
                excerpts=tuple((text, lang) for text, lang in _excerpts(proposal, shown) if text),
                updated_at=proposal.updated_at,
            )
        )
    return found


def sources():
    return [SearchSource(KIND, _l("Proposals"), documents, document, results)]
