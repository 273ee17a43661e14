"""Comments as multilingual content: translated at the translation desk like proposals.

The HTML of each translation is rendered when the translation is saved (the multilingual
layer tells us through ``on_text_changed``) and kept on the comment, beside the original's,
so that drawing a thread never runs Markdown.
"""

import hashlib

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.comments.models import BODY_LIMIT, VISIBLE, Comment
from consult.core.searching import content_changed
from consult.core.urls import site_path
from consult.extensions import db
from consult.multilingual import services as multilingual
from consult.multilingual.models import Translation
from consult.multilingual.registry import ContentType, register
from consult.text.markdown import markdown_to_text, render_markdown

HEADING_LENGTH = 80


def excerpt(text, length=HEADING_LENGTH):
    """The first words of a comment's Markdown, as plain text on one line."""
    plain = " ".join(markdown_to_text(text).split())
    return plain if len(plain) <= length else plain[: length - 1].rstrip() + "…"


def _visible_to(user, comment):
    from consult.comments.permissions import can_read_comment

    return can_read_comment(user, comment)


COMMENT = register(
    ContentType(
        "comment",
        model=Comment,
        label=_l("Comment"),
        fields={"body": _l("Comment")},
        limits={"body": BODY_LIMIT},
        markdown=("body",),
        path=lambda comment: site_path("comments.comment", comment_id=comment.id),
        heading=lambda comment: excerpt(comment.body),
        visible_to=_visible_to,
        # Deleted and hidden comments need no translation.
        open_to_translators=lambda comment: comment.is_shown,
        on_desk=lambda stmt: stmt.where(
            Comment.deleted_at.is_(None), Comment.status == VISIBLE.value
        ),
    )
)


def digest(text):
    return hashlib.sha256((text or "").encode()).hexdigest()[:32]


def rendered_translations(comment):
    """{base language: {"digest", "html"}} for every translation of ``comment``."""
    rows = db.session.scalars(
        select(Translation).filter_by(content_type=COMMENT.name, content_id=comment.id)
    ).all()
    rendered = {}
    for row in rows:
        text = (row.texts or {}).get("body") or ""
        rendered[row.base_language] = {"digest": digest(text), "html": render_markdown(text)}
    return rendered


@multilingual.on_text_changed
def _render_translations(content):
    if isinstance(content, Comment) and not content.is_deleted:
        content.translated_html = rendered_translations(content)
    if isinstance(content, Comment):
        # Edited, translated or deleted: site search reads it again (consult.core.searching).
        content_changed("comment", content.id)


def translation_html(comment, row):
    """The HTML of translation ``row`` of ``comment``: kept when it was saved, rendered now
    only if its text changed without us being told."""
    text = (row.texts or {}).get("body") or ""
    kept = (comment.translated_html or {}).get(row.base_language)
    if kept and kept.get("digest") == digest(text):
        return kept["html"]
    return render_markdown(text)
