"""Notices as multilingual content (consult.multilingual) and as site search content."""

from flask_babel import lazy_gettext as _l

from consult.core.searching import content_changed
from consult.core.urls import site_path
from consult.multilingual.registry import ContentType, register
from consult.multilingual.services import on_text_changed
from consult.notices.models import Notice
from consult.notices.permissions import can_view_notice

TEXT_LIMITS = {"title": 200, "body": 20000}

NOTICE = register(
    ContentType(
        "notice",
        model=Notice,
        label=_l("Notice"),
        fields={"title": _l("Title"), "body": _l("Text")},
        limits=TEXT_LIMITS,
        markdown=("body",),
        path=lambda notice: site_path("notices.notice", notice_id=notice.id),
        heading=lambda notice: notice.title,
        visible_to=can_view_notice,
        # Translators work on drafts too: a notice is published once every language has a text.
    )
)


@on_text_changed
def _reindex(content):
    """A translation written or rewritten at the desk: site search reads the notice again."""
    if isinstance(content, Notice):
        content_changed("notice", content.id)
