"""Comments in the committee's "export everything" ZIP (the export hook)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from consult.comments.models import Comment, CommentAppeal, CommentEdit, CommentFlag, CommentLike
from consult.core.domain import ExportTable
from consult.extensions import db


def _iso(value):
    return value.isoformat() if value else ""


def comment_rows():
    stmt = select(Comment).options(joinedload(Comment.author)).order_by(Comment.id)
    for c in db.session.scalars(stmt):
        yield (
            c.id, c.target_type, c.target_id, c.parent_id or "", c.depth,
            c.author.display_name, c.language, c.revision, c.stance.value if c.stance else "",
            c.likes_count, c.status.value, c.hidden_reason.value if c.hidden_reason else "",
            _iso(c.created_at), _iso(c.edited_at), _iso(c.deleted_at), c.body, c.author_id,
        )  # fmt: skip


def flag_rows():
    for f in db.session.scalars(select(CommentFlag).order_by(CommentFlag.id)):
        yield (f.id, f.comment_id, f.reason.value, "yes" if f.by_verified_resident else "no",
               _iso(f.created_at), _iso(f.resolved_at), f.outcome.value if f.outcome else "",
               f.note, f.user_id)  # fmt: skip


def appeal_rows():
    for a in db.session.scalars(select(CommentAppeal).order_by(CommentAppeal.id)):
        upheld = "" if a.upheld is None else ("yes" if a.upheld else "no")
        yield (a.comment_id, _iso(a.created_at), a.text, _iso(a.decided_at), upheld, a.note or "")


def version_rows():
    for e in db.session.scalars(select(CommentEdit).order_by(CommentEdit.comment_id, CommentEdit.revision)):  # fmt: skip
        yield (
            e.comment_id,
            e.revision,
            e.language,
            _iso(e.written_at),
            _iso(e.replaced_at),
            e.body,
        )


def like_rows():
    stmt = select(CommentLike).order_by(CommentLike.id).execution_options(yield_per=1000)
    for like in db.session.scalars(stmt):
        yield (like.comment_id, like.user_id, _iso(like.created_at))


def export_tables():
    return [
        ExportTable(
            "comments.csv",
            _l("Comments: thread, language, stance, likes, moderation state and text"),
            (
                "id",
                "on",
                "on_id",
                "parent",
                "depth",
                "author",
                "language",
                "revision",
                "stance",
                "likes",
                "status",
                "hidden_reason",
                "created_at",
                "edited_at",
                "deleted_at",
                "text",
                "author_id",
            ),
            comment_rows,
        ),  # fmt: skip
        ExportTable(
            "comment_reports.csv",
            _l("Reports of comments and what became of them"),
            (
                "id",
                "comment",
                "reason",
                "by_verified_resident",
                "created_at",
                "resolved_at",
                "outcome",
                "note",
                "account_id",
            ),
            flag_rows,
        ),  # fmt: skip
        ExportTable(
            "comment_appeals.csv",
            _l("Appeals against hidden comments and the committee's decisions"),
            ("comment", "created_at", "text", "decided_at", "upheld", "note"),
            appeal_rows,
        ),
        ExportTable(
            "comment_versions.csv",
            _l("Earlier versions of edited comments, kept when their authors changed them"),
            ("comment", "revision", "language", "written_at", "replaced_at", "text"),
            version_rows,
        ),
        ExportTable(
            "comment_likes.csv",
            _l("Likes: which comment, which account (its number), when"),
            ("comment", "account_id", "created_at"),
            like_rows,
        ),
    ]
