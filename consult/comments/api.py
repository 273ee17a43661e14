"""Comment threads in the open-data API: ``GET /api/v1/<collection>/<id>/comments`` for every
commentable kind that names a collection (``/api/v1/proposals/<id>/comments``).

What a signed-out reader sees: each comment's id, the comment it answers (``parent``), its
language, stance, text as written (Markdown), every translation with its status, and times.
A deleted or hidden comment keeps its place (so replies under it still find their parent)
with ``status`` saying which and no text. No person is named: like the rest of the API it
holds no author, not even a display name.
"""

from flask import Response, abort, current_app, request, url_for
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from consult.comments.content import COMMENT
from consult.comments.models import Comment
from consult.comments.registry import COMMENTABLES, find_target
from consult.core.api import PAGE_PARAMETERS, ApiRoutes, list_of, per_page_arg, ref
from consult.core.cache import cached
from consult.core.permissions import parse_id
from consult.core.urls import external_url
from consult.extensions import db
from consult.multilingual.models import TRANSLATIONS_VERSION, Translation
from consult.multilingual.reading import translation_status

routes = ApiRoutes(
    "comments",
    description="Comment threads on proposals: each comment in its language, with its translations.",
)

DATE_TIME = {"type": "string", "format": "date-time"}
TRANSLATION = {
    "language": {"type": "string", "description": "BCP 47 tag of the translation"},
    "method": {"type": "string", "enum": ["human", "machine"]},
    "from_machine_draft": {"type": "boolean"},
    "verified": {"type": "boolean", "description": "checked by a second bilingual person"},
    "outdated": {"type": "boolean", "description": "the comment was edited since"},
    "revision": {"type": "integer", "description": "the comment's revision it translates"},
    "text": {"type": "string", "description": "Markdown"},
}
routes.schema("CommentTranslation", {"type": "object", "required": list(TRANSLATION),
                                     "properties": TRANSLATION})  # fmt: skip
COMMENT_FIELDS = {
    "id": {"type": "integer"},
    "parent": {"type": ["integer", "null"], "description": "the comment it answers"},
    "depth": {"type": "integer", "description": "0 for a thread's first comment"},
    "status": {"type": "string", "enum": ["visible", "held", "hidden", "deleted"],
               "description": "held: hidden after reports until the committee decides"},
    "language": {"type": "string", "description": "BCP 47 tag it was written in"},
    "stance": {"type": ["string", "null"], "enum": ["for", "against", "neutral", None]},
    "text": {"type": ["string", "null"], "description": "Markdown; null unless visible"},
    "revision": {"type": "integer"},
    "likes": {"type": "integer"},
    "created_at": DATE_TIME,
    "edited_at": {"type": ["string", "null"], "format": "date-time"},
    "translations": {"type": "array", "items": ref("CommentTranslation")},
}  # fmt: skip
routes.schema(
    "Comment", {"type": "object", "required": list(COMMENT_FIELDS), "properties": COMMENT_FIELDS}
)


def _iso(value):
    return value.isoformat() if value else None


def comment_json(comment, rows):
    shown = comment.is_shown
    status = "deleted" if comment.is_deleted else comment.status.value
    translations = []
    if shown:
        for row in rows:
            item = translation_status(comment, row)
            item["text"] = (row.texts or {}).get("body") or ""
            translations.append(item)
    return {
        "id": comment.id, "parent": comment.parent_id, "depth": comment.depth,
        "status": status, "language": comment.language,
        "stance": comment.stance.value if shown and comment.stance else None,
        "text": comment.body if shown else None, "revision": comment.revision,
        "likes": comment.likes_count, "created_at": _iso(comment.created_at),
        "edited_at": _iso(comment.edited_at), "translations": translations,
    }  # fmt: skip


def page_json(name, target_id, after, per_page):
    """One page of a thread, in id order after ``after``, as the list answer's bytes."""
    comments = db.session.scalars(
        select(Comment)
        .where(Comment.target_type == name, Comment.target_id == target_id, Comment.id > after)
        .order_by(Comment.id)
        .limit(per_page + 1)
    ).all()
    more = len(comments) > per_page
    comments = comments[:per_page]
    rows = {}
    if comments:
        found = db.session.scalars(
            select(Translation)
            .where(
                Translation.content_type == COMMENT.name,
                Translation.content_id.in_([c.id for c in comments]),
            )
            .order_by(Translation.base_language)
        )
        for row in found:
            rows.setdefault(row.content_id, []).append(row)
    next_url = None
    if more:
        args = {**request.args.to_dict(), "after": comments[-1].id}
        next_url = external_url(url_for(request.endpoint, **request.view_args, **args))
    items = [comment_json(comment, rows.get(comment.id, ())) for comment in comments]
    return current_app.json.dumps({"items": items, "next": next_url}).encode()


def _thread_view(commentable):
    def view(target_id):
        target = find_target(commentable.name, target_id)
        if target is None or not commentable.visible_to(AnonymousUserMixin(), target):
            abort(404)
        after = request.args.get("after", "0")
        after = 0 if after == "0" else parse_id(after)
        if after is None:
            abort(404)
        per_page = per_page_arg()
        body = cached(
            "comments.api",
            (commentable.version_key(target.id), TRANSLATIONS_VERSION),
            (commentable.name, target.id, after, per_page, tuple(sorted(request.args.items()))),
            lambda: page_json(commentable.name, target.id, after, per_page),
        )
        return Response(body, mimetype="application/json")

    view.__name__ = f"{commentable.name}_comments"
    return view


def add_thread_routes():
    """A route for each commentable kind with an API collection (at import: the kinds are
    registered with the models, before the API is built)."""
    for commentable in COMMENTABLES.values():
        if commentable.api_collection:
            routes.get(
                f"{commentable.api_collection}/<id:target_id>/comments",
                summary=f"The comment thread of one of {commentable.api_collection.strip('/')}",
                description=(
                    "Every comment in id order (follow `next`), each with the comment it "
                    "answers, its language, stance, text as written and translations with "
                    "their status. Deleted and hidden comments keep their place without text. "
                    "No person is named."
                ),
                response=list_of("Comment"),
                parameters=PAGE_PARAMETERS,
            )(_thread_view(commentable))


add_thread_routes()
