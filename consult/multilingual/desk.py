"""The translation desk's queue: contents lacking a person's translation into a content
language, or whose translation is outdated, most requested first.

One SQL query builds the queue for every registered content type and content language
(a UNION of one narrow SELECT per pair), so the desk and its count cost the same whatever
kinds of content the app has.
"""

from dataclasses import dataclass

from sqlalchemy import Integer, String, case, func, literal, select, union_all

from consult.core.pagination import Page, count_rows
from consult.extensions import db
from consult.multilingual.languages import base_language, content_languages, in_language
from consult.multilingual.models import HUMAN, Translation, TranslationRequest
from consult.multilingual.registry import CONTENT_TYPES


@dataclass
class DeskItem:
    content_type: object  # the registered ContentType
    content_id: int
    language: str  # the content language it needs
    requests: int  # readers waiting for it
    outdated: bool  # a person's translation exists, of an older revision
    content: object = None


def _pairs(content_type, tag):
    """Contents of ``content_type`` that need a person's text in content language ``tag``."""
    model, base = content_type.model, base_language(tag)
    mine = (
        Translation.content_type == content_type.name,
        Translation.content_id == model.id,
        Translation.base_language == base,
        Translation.method == HUMAN.value,
    )
    current = select(Translation.id).where(
        *mine, Translation.revision >= content_type.revision_column()
    )
    older = select(Translation.id).where(*mine)
    requests = (
        select(func.count(TranslationRequest.id))
        .where(
            TranslationRequest.content_type == content_type.name,
            TranslationRequest.content_id == model.id,
            TranslationRequest.base_language == base,
            TranslationRequest.answered_at.is_(None),
        )
        .scalar_subquery()
    )
    stmt = select(
        literal(content_type.name, String).label("content_type"),
        model.id.label("content_id"),
        literal(tag, String).label("language"),
        requests.label("requests"),
        case((older.exists(), 1), else_=literal(0, Integer)).label("outdated"),
    ).where(~in_language(content_type.language_column(), tag), ~current.exists())
    return content_type.on_desk(stmt)


def queue_statement(language=None, kind=None):
    """The queue as a subquery of (content_type, content_id, language, requests, outdated)."""
    parts = [
        _pairs(content_type, tag)
        for content_type in CONTENT_TYPES.values()
        if kind in (None, content_type.name)
        for tag in content_languages()
        if language in (None, tag)
    ]
    if not parts:
        return None
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("desk")


def queue_size(language=None, kind=None):
    queue = queue_statement(language, kind)
    return count_rows(select(queue)) if queue is not None else 0


def queue_page(number, per_page, language=None, kind=None):
    """One page of the queue, most requested first, then outdated ones, then oldest."""
    queue = queue_statement(language, kind)
    if queue is None:
        return Page([], 0, 1, per_page)
    total = count_rows(select(queue))
    number = max(1, min(number, (total + per_page - 1) // per_page or 1))
    rows = db.session.execute(
        select(queue)
        .order_by(
            queue.c.requests.desc(),
            queue.c.outdated.desc(),
            queue.c.content_type,
            queue.c.content_id,
            queue.c.language,
        )
        .limit(per_page)
        .offset((number - 1) * per_page)
    ).all()
    items = [
        DeskItem(CONTENT_TYPES[row.content_type], row.content_id, row.language,
                 row.requests, bool(row.outdated))
        for row in rows
    ]  # fmt: skip
    _load_contents(items)
    return Page(items=[item for item in items if item.content is not None], total=total,
                number=number, per_page=per_page)  # fmt: skip


def _load_contents(items):
    """Each item's content, one query per content type on the page."""
    wanted = {}
    for item in items:
        wanted.setdefault(item.content_type.name, set()).add(item.content_id)
    found = {}
    for name, ids in wanted.items():
        model = CONTENT_TYPES[name].model
        for obj in db.session.scalars(select(model).where(model.id.in_(ids))):
            found[(name, obj.id)] = obj
    for item in items:
        item.content = found.get((item.content_type.name, item.content_id))
