"""The comments section of a page: ``{{ comments_for(proposal) }}`` in its template.

The thread is the same for every reader of one language and order, so it is rendered once
and cached under the thread's own data version (replaced by every change of one of its
comments, likes, edits and moderation included) and the translations' version. Signed-out
readers get it as it is. For signed-in readers the cached HTML holds a marker where each
comment's buttons go, and only the buttons (reply, like, report, edit, delete, appeal, ask
for a translation) are drawn for them on each request, with one query for their likes.
"""

import os
import re
from dataclasses import dataclass

from flask import render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from consult.comments.buttons import Buttons
from consult.comments.forms import CommentForm
from consult.comments.likes import liked_in_thread
from consult.comments.models import Stance
from consult.comments.permissions import (
    can_read_comments,
    can_write_comment,
    edit_window,
    verified_resident,
)
from consult.comments.registry import COMMENTABLES, commentable_of
from consult.comments.render import render_thread_html
from consult.comments.thread import SORTS, build_thread
from consult.comments.wording import ThreadWording
from consult.core.cache import cached, read_with_this_request
from consult.core.models import utcnow
from consult.i18n import current_locale_name
from consult.multilingual.languages import reader_language
from consult.multilingual.models import TRANSLATIONS_VERSION

MARKER = re.compile(r"<!--actions:(\d+)-->")
SORT_LABELS = {
    "oldest": _l("Oldest first"),
    "newest": _l("Newest first"),
    "liked": _l("Most liked"),
}


@dataclass(frozen=True)
class RenderedThread:
    html: Markup
    facts: dict  # comment id → thread.Facts
    stances: tuple  # ((stance value, people), ...)
    shown_count: int


def setup(app):
    app.config.setdefault("COMMENT_EDIT_MINUTES", int(os.environ.get("COMMENT_EDIT_MINUTES", 60)))
    app.jinja_env.globals["comments_for"] = comments_for
    app.url_value_preprocessor(announce_thread)


def announce_thread(endpoint, values):
    """On a commentable page, read the thread's version with the page's own versions."""
    for commentable in COMMENTABLES.values():
        if commentable.page and commentable.page[0] == endpoint and values:
            target_id = values.get(commentable.page[1])
            if target_id is not None:
                read_with_this_request(commentable.version_key(target_id))


def sort_arg():
    sort = request.args.get("comments")
    return sort if sort in SORTS else "oldest"


def render_thread(commentable, target_id, sort, interactive):
    """The thread's HTML for the reader's language (cached by the caller)."""
    thread = build_thread(commentable.name, target_id, reader_language(), sort)
    html = render_thread_html(thread, ThreadWording(), interactive)
    return RenderedThread(
        Markup(html),
        thread.facts(),
        tuple((stance.value, count) for stance, count in thread.stances.items()),
        thread.shown_count,
    )


def thread_for(target, sort, interactive):
    commentable = commentable_of(target)
    return cached(
        "comments.thread",
        (commentable.version_key(target.id), TRANSLATIONS_VERSION),
        (commentable.name, target.id, current_locale_name(), sort, interactive),
        lambda: render_thread(commentable, target.id, sort, interactive),
    )


def with_buttons(rendered, target):
    """The cached HTML with this reader's buttons in place of each marker."""
    commentable = commentable_of(target)
    draw = Buttons(
        current_user.id,
        can_write_comment(current_user, target),
        liked_in_thread(current_user, commentable.name, target.id),
        utcnow() - edit_window(),
    )

    def buttons(match):
        facts = rendered.facts.get(int(match.group(1)))
        return draw(facts) if facts else ""

    return Markup(MARKER.sub(buttons, str(rendered.html)))


def comments_for(target):
    """The comments section of ``target``'s page (empty when the reader may not read it).

    Signed out, everyone of one language at one address reads the same section: it is
    cached whole. Signed in, the thread comes from the cache and the rest is drawn."""
    commentable = commentable_of(target)
    if commentable is None or not can_read_comments(current_user, target):
        return ""
    is_open = bool(commentable.is_open(target))
    if current_user.is_authenticated:
        return _section(commentable, target, is_open, interactive=True)
    return cached(
        "comments.section",
        (commentable.version_key(target.id), TRANSLATIONS_VERSION),
        (commentable.name, target.id, current_locale_name(), request.full_path, is_open),
        lambda: _section(commentable, target, is_open, interactive=False),
    )


def _section(commentable, target, is_open, interactive):
    sort = sort_arg()
    rendered = thread_for(target, sort, interactive)
    html = with_buttons(rendered, target) if interactive else rendered.html
    may_write = interactive and can_write_comment(current_user, target)
    return Markup(
        render_template(
            "comments/_section.html",
            target=target,
            commentable=commentable,
            rendered=rendered,
            thread_html=html,
            sort=sort,
            sorts=SORTS,
            sort_links={name: _sort_link(name) for name in SORTS},
            sort_labels=SORT_LABELS,
            stance_choices=Stance.choices(),
            may_write=may_write,
            is_open=is_open,
            verified=interactive and verified_resident(current_user),
            form=CommentForm(formdata=None, stances=commentable.stances) if may_write else None,
        )
    )


def _sort_link(sort):
    args = {**request.args.to_dict(), "comments": sort}
    if sort == "oldest":
        args.pop("comments")
    return url_for(request.endpoint, **(request.view_args or {}), **args) + "#comments"
