"""Proposal pages: the listing, a proposal, writing and publishing, supports and follows,
the committee's review, answer and categories, and attachments."""

from flask import Blueprint

bp = Blueprint("proposals", __name__)


@bp.app_template_filter("filesize")
def filesize(size):
    """A file's size for people: "340 KB", "1.2 MB" (numbers in the reader's locale)."""
    from flask_babel import format_decimal

    if size >= 1024 * 1024:
        return f"{format_decimal(round(size / 1024 / 1024, 1))} MB"
    return f"{format_decimal(max(1, round(size / 1024)))} KB"


from consult.proposals.views import committee, editing, listing, pages  # noqa: E402,F401
