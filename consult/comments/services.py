"""Comment rules: writing, replying, editing within the window, deleting.

Functions take the acting user, check the rules (a command or a job may call them too),
change the session and leave the commit to the caller. Every change of a comment's text goes
through here and tells the multilingual layer (translations become outdated).
"""

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select

from consult.comments import content
from consult.comments.mentions import mentioned_users
from consult.comments.models import BODY_LIMIT, VISIBLE, Comment, CommentEdit, Stance
from consult.comments.permissions import (
    can_delete_comment,
    can_edit_comment,
    can_reply_to_comment,
    can_write_comment,
    target_of,
)
from consult.comments.registry import commentable_of, get_commentable
from consult.core import audit
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.searching import content_changed
from consult.core.services import Problems, ServiceError
from consult.core.urls import site_path
from consult.extensions import db
from consult.i18n import LOCALE_TAGS, UI_LOCALES
from consult.multilingual import services as multilingual
from consult.multilingual.languages import normalize_tag
from consult.multilingual.models import Translation, TranslationRequest
from consult.text.markdown import render_markdown

audit.describe("comment.posted", _l("Comment written"))
audit.describe("comment.edited", _l("Comment edited"))
audit.describe("comment.deleted", _l("Comment deleted by its author"))

CANNOT_WRITE = _l("You cannot comment here: only verified residents comment, while the discussion is open.")  # fmt: skip


def in_every_locale(text_for):
    """{UI locale: text_for(locale)}, each computed in that locale."""
    values = {}
    for locale in UI_LOCALES:
        with force_locale(locale):
            values[locale] = str(text_for(locale))
    return values


def headings(target):
    """The target's title in every UI language, for messages."""
    commentable = commentable_of(target)
    return {loc: commentable.heading_of(target, LOCALE_TAGS[loc]) for loc in UI_LOCALES}


def comment_path(comment):
    return site_path("comments.comment", comment_id=comment.id)


def check_body(body, problems):
    """The text an author typed, tidied; a problem added when it is empty or too long."""
    body = (body or "").strip()
    if not body:
        problems.add(_l("Write your comment."), "body")
    elif len(body) > BODY_LIMIT:
        problems.add(_l("Use at most %(max)d characters.", max=BODY_LIMIT), "body")
    return body


def check_text(body, language, problems):
    """The text and language an author typed, tidied; problems added for what is wrong."""
    body = check_body(body, problems)
    tag = normalize_tag(language)
    if tag is None:
        problems.add(_l("Choose the language you wrote in."), "language")
    return body, tag


def lock_target(target):
    """``target`` read again under a row lock, so that counts are kept one after another."""
    model = type(target)
    return db.session.scalars(
        select(model)
        .where(model.id == target.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def recount(target):
    """Keep the target's count of comments readers see (not deleted, not hidden)."""
    commentable = commentable_of(target)
    if commentable is None or commentable.counter is None:
        return
    count = db.session.scalar(
        select(func.count(Comment.id)).where(
            Comment.target_type == commentable.name,
            Comment.target_id == target.id,
            Comment.deleted_at.is_(None),
            Comment.status == VISIBLE.value,
        )
    )
    if getattr(target, commentable.counter) != count:
        setattr(target, commentable.counter, count)


def post_comment(actor, target, body, language, *, stance=None, parent=None):
    """``actor`` writes a comment on ``target``, or a reply to ``parent`` in its thread.

    The author of the comment answered is told, and so is everyone mentioned with @.
    """
    commentable = commentable_of(target)
    if commentable is None:
        raise ServiceError(_l("Comments cannot be written here."))
    if parent is not None:
        if (parent.target_type, parent.target_id) != (commentable.name, target.id):
            raise ServiceError(_l("This reply does not belong to this discussion."))
        if not can_reply_to_comment(actor, parent):
            raise ServiceError(_l("This comment cannot be answered."))
    elif not can_write_comment(actor, target):
        raise ServiceError(CANNOT_WRITE)
    problems = Problems()
    body, tag = check_text(body, language, problems)
    chosen = Stance.parse(stance) if stance else None
    if stance and (chosen is None or parent is not None or not commentable.stances):
        problems.add(_l("Choose for, against or neutral, or no stance."), "stance")
    problems.raise_any()
    target = lock_target(target)
    comment = Comment(
        target_type=commentable.name, target_id=target.id,
        parent_id=parent.id if parent else None, depth=parent.depth + 1 if parent else 0,
        author_id=actor.id, body=body, body_html=render_markdown(body), language=tag,
        revision=1, stance=chosen, status=VISIBLE, created_at=utcnow(),
    )  # fmt: skip
    db.session.add(comment)
    db.session.flush()
    recount(target)
    content_changed("comment", comment.id)
    audit.record(
        "comment.posted", comment, actor=actor,
        data={"on": f"{commentable.name}:{target.id}", "parent": comment.parent_id,
              "language": tag, "stance": chosen, "body": body},
        personal={"body"},
    )  # fmt: skip
    _tell_people(actor, comment, target, parent, body)
    multilingual.ask_machine_drafts(actor, comment)
    return comment


def _participants(comment):
    """Ids of the people in the discussion of ``comment``: its target's author and
    everyone who commented there."""
    ids = set(
        db.session.scalars(
            select(Comment.author_id).where(
                Comment.target_type == comment.target_type, Comment.target_id == comment.target_id
            )
        )
    )
    target_author = getattr(target_of(comment), "author_id", None)
    return ids | ({target_author} if target_author else set())


def _tell_people(actor, comment, target, parent, body, already=()):
    """A reply tells the author it answers; a mention tells who is named (each once)."""
    from consult.comments import MENTION_KIND, REPLY_KIND

    commentable = commentable_of(target)
    told = {actor.id, *already}
    titles = None
    if parent is not None and parent.author_id not in told and parent.author.active:
        titles = headings(target)
        notify(REPLY_KIND, [parent.author], path=comment_path(comment),
               name=actor.display_name, title=titles)  # fmt: skip
        told.add(parent.author_id)
    named = mentioned_users(body, _participants(comment)) if "@" in body else []
    mentioned = [
        user for user in named if user.id not in told and commentable.visible_to(user, target)
    ]
    if mentioned:
        notify(MENTION_KIND, mentioned, path=comment_path(comment),
               name=actor.display_name, title=titles or headings(target))  # fmt: skip


def edit_comment(actor, comment, body, language):
    """The author rewrites their comment within the edit window. The earlier text is kept
    in its history; translations become outdated; people newly mentioned are told."""
    if not can_edit_comment(actor, comment):
        raise ServiceError(_l("This comment can no longer be edited."))
    problems = Problems()
    body, tag = check_text(body, language, problems)
    problems.raise_any()
    if body == comment.body and tag == comment.language:
        return comment
    earlier = comment.body
    db.session.add(
        CommentEdit(comment_id=comment.id, revision=comment.revision, body=comment.body,
                    language=comment.language, written_at=comment.edited_at or comment.created_at)
    )  # fmt: skip
    before = audit.snapshot(comment, ("body", "language"))
    texts = multilingual.snapshot_texts(comment)
    comment.body, comment.language = body, tag
    comment.body_html = render_markdown(body)
    comment.edited_at = utcnow()
    multilingual.original_edited(actor, comment, texts)
    audit.record("comment.edited", comment, actor=actor,
                 changes=audit.changes_since(before, comment),
                 data={"revision": comment.revision})  # fmt: skip
    earlier_named = mentioned_users(earlier, _participants(comment)) if "@" in earlier else []
    already = {user.id for user in earlier_named}
    parent = None  # the reply's author was told when it was written
    _tell_people(actor, comment, target_of(comment), parent, body, already)
    return comment


def delete_comment(actor, comment):
    """The author deletes their comment: its text, history and translations go (in the audit
    trail too), its place in the thread stays, with the replies under it."""
    if not can_delete_comment(actor, comment):
        raise ServiceError(_l("Only its author can delete a comment."))
    target = lock_target(target_of(comment))
    commentable = get_commentable(comment.target_type)
    db.session.execute(delete(CommentEdit).where(CommentEdit.comment_id == comment.id))
    kind = content.COMMENT.name
    rows = db.session.scalars(
        select(Translation).filter_by(content_type=kind, content_id=comment.id)
    )
    for row in rows:
        audit.purge_subject("translation", row.id)
        db.session.delete(row)
    db.session.execute(
        delete(TranslationRequest).where(
            TranslationRequest.content_type == kind, TranslationRequest.content_id == comment.id
        )
    )
    audit.purge_subject("comment", comment.id)
    comment.body = comment.body_html = ""
    comment.translated_html = {}
    comment.stance = None
    comment.deleted_at = utcnow()
    db.session.flush()
    recount(target)
    audit.record("comment.deleted", comment, actor=actor,
                 data={"on": f"{commentable.name}:{target.id}"})  # fmt: skip
    multilingual.text_changed(comment)
    return comment
