"""A thread's HTML, joined in Python.

The page is cached, but every change to a thread (a new comment, a like) draws it again, and
a thread of 2,000 comments must draw in well under 200 ms. A Jinja loop spends about 70 µs a
comment on its forty expressions; joining the same markup from prepared pieces takes a
fraction of that. What a reader could have typed (names) is escaped here; comment texts
come sanitised from the table (Markdown rendered, then cleaned by nh3, when written).

Markup, per comment (the section template wraps the list)::

    <li id="comment-7" class="comment-item level-1">
    <article class="comment" aria-labelledby="comment-7-by">
      <p class="comment-meta">author · replying to … · time · stance · language · edited</p>
      provenance (translated by …, converted …)
      <div class="markdown comment-body" lang="…">text</div>
      <details class="comment-original"><summary>Original (…)</summary>…</details>
      <div class="comment-actions">likes <!--actions:7--></div>
    </article>
"""

from markupsafe import Markup, escape

from consult.comments.models import CommentStatus

HELD, HIDDEN = CommentStatus.HELD, CommentStatus.HIDDEN


def _meta(item, words):
    row = item.row
    author = escape(row.author_name) if item.is_shown else words.removed
    parts = [f'<span id="comment-{row.id}-by" class="comment-author">{author}</span>']
    parent = item.replying_to
    if parent is not None:
        named = escape(parent.author_name) if _is_shown(parent) else words.removed_parent
        parts.append(
            f'<span class="replying-to">{words.replying_to} '
            f'<a href="#comment-{parent.id}">{named}</a></span>'
        )
    parts.append(
        f'<a class="comment-time" href="#comment-{row.id}">'
        f'<time datetime="{row.created_at.isoformat(timespec="seconds")}">{words.when(row.created_at)}</time></a>'
    )
    if item.is_shown:
        if row.stance is not None:
            parts.append(
                f'<span class="badge stance stance-{row.stance.value}">{words.stances[row.stance]}</span>'
            )
        parts.append(f'<span class="language-mark">{words.written_in(row.language)}</span>')
        if row.edited_at is not None:
            parts.append(f'<a href="{words.history_url(row.id)}">{words.edited}</a>')
    return '<p class="comment-meta">' + "\n".join(parts) + "</p>"


def _is_shown(row):
    return row.deleted_at is None and row.status == CommentStatus.VISIBLE


def _text(item, words):
    row = item.row
    if row.deleted_at is not None:
        return f"<p>{words.deleted}</p>"
    if row.status == HELD:
        return f"<p>{words.held}</p>"
    if row.status == HIDDEN:
        return f"<p>{words.hidden[row.hidden_reason] if row.hidden_reason else words.removed}</p>"
    shown = item.shown
    text = (
        f"{words.provenance(shown)}\n"
        f'<div class="markdown comment-body" lang="{shown.language}">{item.html}</div>'
    )
    if item.original_html is not None:
        text += (
            f'\n<details class="comment-original"><summary>{words.original(row.language)}</summary>'
            f'<div class="markdown" lang="{row.language}">{item.original_html}</div></details>'
        )
    return text


def render_thread_html(thread, words, interactive):
    """The ``<ol>`` of a thread; with ``interactive``, a marker where each comment's buttons
    go (see section.with_buttons)."""
    out = ['<ol class="comment-thread">']
    for item in thread.items:
        row = item.row
        likes = (
            f'<span class="like-count">{words.likes(row.likes_count)}</span>'
            if item.is_shown and row.likes_count
            else ""
        )
        marker = f"<!--actions:{row.id}-->" if interactive else ""
        removed = "" if item.is_shown else " comment-removed"
        out.append(
            f'{item.before}<li id="comment-{row.id}" class="comment-item level-{item.level}">\n'
            f'<article class="comment{removed}" aria-labelledby="comment-{row.id}-by">\n'
            f"{_meta(item, words)}\n{_text(item, words)}\n"
            f'<div class="comment-actions">{likes}{marker}</div>\n</article>\n'
        )
    out.append(f"{thread.after}</ol>")
    return Markup("".join(out))
