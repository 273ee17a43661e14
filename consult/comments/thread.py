"""A thread as a reader sees it: comments in order, indented to a readable depth, each in the
reader's language, with the stances counted. Two queries, however long the thread.

- Order: the first comments of each thread (roots) by oldest, newest or most liked; replies
  always oldest first, under what they answer.
- Depth: replies are indented up to ``MAX_LEVEL``; deeper replies stay at that level, in
  order, each marked "replying to …" (its author, linked to the comment it answers).
- Language: the rules of ``consult.multilingual.reading.localize`` (the original when in the
  reader's language, converted between Chinese scripts; else a translation, marked; else
  the original), applied to plain rows: a thread of 2,000 comments cannot afford an ORM
  object, a Markdown rendering or a ``localize`` per comment. Texts come rendered from the
  table (``body_html``, ``translated_html``).
- Stances: each person counts once, by the stance of their latest shown comment that takes
  one (so writing three comments "against" is one voice against).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from markupsafe import Markup
from sqlalchemy import case, literal, select
from sqlalchemy.orm import aliased

from consult.comments.content import COMMENT, digest
from consult.comments.models import Comment, CommentStatus
from consult.extensions import db
from consult.multilingual.languages import base_language, content_language_for, same_language
from consult.multilingual.models import MACHINE, Translation
from consult.multilingual.reading import MACHINE_TRANSLATION, ORIGINAL, TRANSLATION
from consult.text.chinese import chinese_script, to_simplified, to_traditional
from consult.text.markdown import render_markdown

MAX_LEVEL = 3
SORTS = ("oldest", "newest", "liked")


@dataclass(frozen=True)
class Facts:
    """What the per-reader buttons of one comment need (kept in the cache: plain values)."""

    id: int
    author_id: int
    created_at: datetime
    shown: bool  # neither deleted nor hidden
    deleted: bool
    status: str
    requestable_language: str | None = None
    outdated: bool = False
    is_machine: bool = False


@dataclass
class Shown:
    """How one comment's text reaches the reader (the fields ``provenance`` reads)."""

    language: str  # of the text shown, after any conversion
    original_language: str
    kind: str  # ORIGINAL, TRANSLATION or MACHINE_TRANSLATION
    converted_from: str | None = None
    translation: object = None
    outdated: bool = False
    missing: bool = False
    requestable_language: str | None = None

    @property
    def is_original(self):
        return self.kind == ORIGINAL

    @property
    def is_machine(self):
        return self.kind == MACHINE_TRANSLATION

    def key(self):
        row = self.translation
        person = (row.is_machine, row.translator.display_name if row.translator else None,
                  row.from_machine_draft, row.verified_by.display_name if row.verified_by else None) if row else None  # fmt: skip
        return (self.kind, self.original_language, self.converted_from, self.outdated,
                self.missing, person)  # fmt: skip


@dataclass
class Item:
    row: object  # the comment's row: id, author, texts, state
    level: int  # indentation shown: 0 … MAX_LEVEL
    replying_to: object  # the answered comment's row, when deeper than MAX_LEVEL
    before: Markup  # the list markup that opens this item's place in the tree
    is_shown: bool  # its text is shown: neither deleted nor hidden
    shown: Shown | None = None  # for comments whose text is shown
    html: Markup = Markup("")
    original_html: Markup | None = None  # the text as written, when another is shown


@dataclass
class Thread:
    items: list
    after: Markup  # closes what the last items opened
    stances: Counter = field(default_factory=Counter)
    shown_count: int = 0

    def facts(self):
        result = {}
        for item in self.items:
            row, shown = item.row, item.shown
            result[row.id] = Facts(
                row.id, row.author_id, row.created_at, item.is_shown,
                row.deleted_at is not None, CommentStatus(row.status).value,
                shown.requestable_language if shown else None,
                bool(shown and shown.outdated), bool(shown and shown.is_machine),
            )  # fmt: skip
        return result


def shown_name(user):
    """A user's name as readers see it, in SQL, in the reader's language: "a former
    resident" once the account is deleted (``User.display_name`` in SQL is the stored
    column, blank for a deleted account). Threads are cached per language, so the words
    may be put in the query."""
    from consult.accounts.models import FORMER_RESIDENT

    return case(
        (user.deleted_at.is_not(None), literal(str(FORMER_RESIDENT))), else_=user.stored_name
    )


def load_rows(target_type, target_id):
    """Every comment of a thread with its author's name, as plain rows (one query)."""
    from consult.accounts.models import User

    return db.session.execute(
        select(
            Comment.id,
            Comment.parent_id,
            Comment.author_id,
            Comment.body_html,
            Comment.language,
            Comment.revision,
            Comment.stance,
            Comment.likes_count,
            Comment.status,
            Comment.hidden_reason,
            Comment.created_at,
            Comment.edited_at,
            Comment.deleted_at,
            shown_name(User).label("author_name"),
        )  # fmt: skip
        .join(User, User.id == Comment.author_id)
        .where(Comment.target_type == target_type, Comment.target_id == target_id)
        .order_by(Comment.id)
    ).all()


def load_translations(target_type, target_id, reader_tag):
    """{comment id: its translation into the reader's language, with the names of who
    translated and verified it and the HTML kept for it} (one query)."""
    from consult.accounts.models import User

    translator, verifier = aliased(User), aliased(User)
    rows = db.session.execute(
        select(
            Translation.content_id,
            Translation.language,
            Translation.texts,
            Translation.method,
            Translation.revision,
            Translation.from_machine_draft,
            shown_name(translator).label("translator_name"),
            shown_name(verifier).label("verifier_name"),
            Comment.translated_html,
        )  # fmt: skip
        .join(Comment, Comment.id == Translation.content_id)
        .outerjoin(translator, translator.id == Translation.translator_id)
        .outerjoin(verifier, verifier.id == Translation.verified_by_id)
        .where(
            Translation.content_type == COMMENT.name,
            Translation.base_language == base_language(reader_tag),
            Comment.target_type == target_type,
            Comment.target_id == target_id,
        )
    ).all()
    return {row.content_id: row for row in rows}


def in_order(comments, sort):
    """(comment, depth) in reading order: roots by ``sort``, replies oldest first."""
    children, roots = {}, []
    known = {comment.id for comment in comments}
    for comment in comments:  # by id: oldest first
        if comment.parent_id is None or comment.parent_id not in known:
            roots.append(comment)
        else:
            children.setdefault(comment.parent_id, []).append(comment)
    if sort == "newest":
        roots.reverse()
    elif sort == "liked":
        roots.sort(key=lambda comment: (-comment.likes_count, comment.id))
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        comment, depth = stack.pop()
        yield comment, depth
        stack.extend((child, depth + 1) for child in reversed(children.get(comment.id, ())))


def _list_markup(levels):
    """For each level, the markup before its item; and the markup closing the last one.

    Replies are lists inside their parent's list item: ``<li>…<ol><li>…</li></ol></li>``.
    """
    before, previous = [], -1
    for level in levels:
        if previous < 0:
            markup = ""
        elif level > previous:
            markup = '<ol class="comment-replies">' * (level - previous)
        else:
            markup = "</li>" + "</ol></li>" * (previous - level)
        before.append(Markup(markup))
        previous = level
    after = "" if previous < 0 else "</li>" + "</ol></li>" * previous
    return before, Markup(after)


def _converter(source, target):
    """The OpenCC conversion from ``source``'s script to ``target``'s, or None."""
    source, target = chinese_script(source), chinese_script(target)
    if source is None or target is None or source == target:
        return None
    return to_traditional if target == "Hant" else to_simplified


def _translation(row):
    """The translation row as ``provenance`` reads it."""
    return SimpleNamespace(
        is_machine=row.method == MACHINE,
        translator=SimpleNamespace(display_name=row.translator_name)
        if row.translator_name
        else None,  # fmt: skip
        verified_by=SimpleNamespace(display_name=row.verifier_name) if row.verifier_name else None,
        is_verified=row.verifier_name is not None,
        from_machine_draft=row.from_machine_draft,
    )


def _translated_html(row):
    text = (row.texts or {}).get("body") or ""
    kept = (row.translated_html or {}).get(base_language(row.language))
    if kept and kept.get("digest") == digest(text):
        return kept["html"]
    return render_markdown(text)  # its text changed without the comment being told


def localized(comment, row, reader_tag, requestable):
    """(Shown, HTML) of a shown comment for a reader of ``reader_tag``; ``row`` is its
    translation into the reader's language, if any; ``requestable`` the content language the
    reader may ask a translation into."""
    source = comment.language
    if same_language(source, reader_tag):
        convert = _converter(source, reader_tag)
        html = convert(comment.body_html) if convert else comment.body_html
        shown = Shown(reader_tag if convert else source, source, ORIGINAL,
                      source if convert else None)  # fmt: skip
        return shown, Markup(html)
    if row is None:
        shown = Shown(source, source, ORIGINAL, missing=True, requestable_language=requestable)
        return shown, Markup(comment.body_html)
    machine = row.method == MACHINE
    outdated = row.revision < comment.revision
    convert = _converter(row.language, reader_tag)
    html = _translated_html(row)
    shown = Shown(
        reader_tag if convert else row.language, source,
        MACHINE_TRANSLATION if machine else TRANSLATION, row.language if convert else None,
        _translation(row), outdated, machine, requestable if machine or outdated else None,
    )  # fmt: skip
    return shown, Markup(convert(html) if convert else html)


def build_thread(target_type, target_id, reader_tag, sort="oldest"):
    """The thread of one target for a reader of ``reader_tag``, ready to draw."""
    rows = load_rows(target_type, target_id)
    translations = load_translations(target_type, target_id, reader_tag)
    by_id = {row.id: row for row in rows}
    ordered = list(in_order(rows, sort))
    levels = [min(depth, MAX_LEVEL) for _row, depth in ordered]
    before, after = _list_markup(levels)
    requestable = content_language_for(reader_tag)
    items = []
    for (row, depth), level, markup in zip(ordered, levels, before, strict=True):
        parent = by_id.get(row.parent_id) if depth > MAX_LEVEL else None
        shown = row.deleted_at is None and row.status == CommentStatus.VISIBLE
        item = Item(row, level, parent, markup, shown)
        if shown:
            item.shown, item.html = localized(
                row, translations.get(row.id), reader_tag, requestable
            )
            if not item.shown.is_original or item.shown.converted_from:
                item.original_html = Markup(row.body_html)
        items.append(item)
    shown = [item for item in items if item.is_shown]
    return Thread(items, after, count_stances(item.row for item in shown), len(shown))


def count_stances(rows):
    """{stance: people}: each person's latest shown comment that takes a stance."""
    latest = {}
    for row in sorted(rows, key=lambda row: row.id):  # later ones replace earlier ones
        if row.stance is not None:
            latest[row.author_id] = row.stance
    return Counter(latest.values())
