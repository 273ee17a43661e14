"""Comments in site search: the text of each comment readers see and of its translations,
found only by those who may read its discussion (a hidden, held or deleted comment is not
in the index, and results are checked again against the target's rules)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.comments.models import VISIBLE, Comment
from consult.comments.registry import COMMENTABLES
from consult.core.domain import SearchDocument, SearchResult, SearchSource
from consult.core.searching import documents_in_batches
from consult.extensions import db
from consult.multilingual.languages import reader_language
from consult.multilingual.reading import localize
from consult.text.markdown import markdown_words

KIND = "comment"
EXCERPT_CHARS = 3000


def _shown(stmt):
    return stmt.where(Comment.deleted_at.is_(None), Comment.status == VISIBLE.value)


def _loaded(ids):
    return db.session.scalars(
        select(Comment).where(Comment.id.in_(ids)).options(selectinload(Comment.translations))
    ).all()


def _document(comment):
    texts = [comment.body] + [(row.texts or {}).get("body") for row in comment.translations]
    return SearchDocument(KIND, comment.id, tuple(markdown_words(t) for t in texts if t))


def documents():
    return documents_in_batches(_shown(select(Comment.id)), _loaded, _document)


def document(object_id):
    found = [comment for comment in _loaded([object_id]) if comment.is_shown]
    return _document(found[0]) if found else None


def _target(comment, targets):
    commentable = COMMENTABLES.get(comment.target_type)
    if commentable is None:
        return None, None
    key = (comment.target_type, comment.target_id)
    if key not in targets:
        targets[key] = db.session.get(commentable.model, comment.target_id)
    return commentable, targets[key]


def results(object_ids, user):
    """Comments ``user`` may read (shown, on a target they may see), in the order given."""
    by_id = {comment.id: comment for comment in _loaded(list(object_ids))}
    tag = reader_language()
    targets, found = {}, []
    for object_id in object_ids:
        comment = by_id.get(object_id)
        if comment is None or not comment.is_shown:
            continue
        commentable, target = _target(comment, targets)
        if target is None or not commentable.visible_to(user, target):
            continue
        shown = localize(comment, tag)
        excerpts = [(markdown_words(shown["body"][:EXCERPT_CHARS]), shown.language)]
        excerpts += [
            (markdown_words(((row.texts or {}).get("body") or "")[:EXCERPT_CHARS]), row.language)
            for row in comment.translations
            if row.language != shown.language
        ]
        if comment.language != shown.language:
            excerpts.append((markdown_words(comment.body[:EXCERPT_CHARS]), comment.language))
        title = _("Comment on “%(title)s”", title=commentable.heading_of(target, tag))
        found.append(
            SearchResult(
                KIND,
                comment.id,
                title,
                url_for("comments.comment", comment_id=comment.id),
                excerpts=tuple(pair for pair in excerpts if pair[0]),
                updated_at=comment.edited_at or comment.created_at,
            )
        )
    return found


def sources():
    return [SearchSource(KIND, _l("Comments"), documents, document, results)]
