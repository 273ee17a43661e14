"""Each comment's buttons for one signed-in reader, drawn in place of the cached thread's
markers on every request.

They depend on who reads (their likes, their own comments, the edit window), so they cannot
be cached with the thread; a page of 2,000 comments draws 2,000 of them. A template macro
costs about 150 µs each (translations, URLs, escaping), so the words, the URLs' beginnings
and the CSRF token are prepared once per request and each bar is joined from them.
"""

from flask import url_for
from flask_babel import gettext
from flask_wtf.csrf import generate_csrf
from markupsafe import escape

from consult.multilingual.languages import language_name


class Buttons:
    def __init__(self, reader_id, may_write, liked, editable_after):
        self.reader_id = reader_id
        self.may_write = may_write
        self.liked = liked
        self.editable_after = editable_after
        self.base = url_for("comments.comment", comment_id=1)[:-1]  # "/comments/"
        self.request_base = url_for(
            "multilingual.request_translation", content_type="comment", content_id=1, language="en"
        ).split("/comment/")[0]  # "/translations"
        self.token = f'<input type="hidden" name="csrf_token" value="{escape(generate_csrf())}">'
        words = {
            "reply": gettext("Reply"),
            "like": gettext("Like"),
            "edit": gettext("Edit"),
            "report": gettext("Report"),
            "delete": gettext("Delete"),
            "appeal": gettext("Why hidden? Appeal"),
            "updated": gettext("Ask for an updated translation"),
            "person": gettext("Ask for a translation by a person"),
        }
        self.words = {key: escape(value) for key, value in words.items()}
        self._ask = {}

    def _form(self, action, label, pressed=None):
        state = "" if pressed is None else f' aria-pressed="{"true" if pressed else "false"}"'
        return (
            f'<form method="post" class="inline-form" action="{action}">{self.token}'
            f'<button type="submit" class="link-button"{state}>{label}</button></form>'
        )

    def _ask_label(self, facts):
        if facts.outdated:
            return self.words["updated"]
        if facts.is_machine:
            return self.words["person"]
        tag = facts.requestable_language
        if tag not in self._ask:
            self._ask[tag] = escape(
                gettext("Request a translation into %(language)s", language=language_name(tag))
            )
        return self._ask[tag]

    def __call__(self, facts):
        """The buttons of the comment described by ``facts`` (consult.comments.thread.Facts)."""
        own = facts.author_id == self.reader_id
        url = f"{self.base}{facts.id}"
        parts = []
        if facts.shown:
            if self.may_write:
                parts.append(f'<a href="{url}/reply">{self.words["reply"]}</a>')
                if not own:
                    liked = facts.id in self.liked
                    action = f"{url}/unlike" if liked else f"{url}/like"
                    parts.append(self._form(action, self.words["like"], pressed=liked))
                elif facts.created_at >= self.editable_after:
                    parts.append(f'<a href="{url}/edit">{self.words["edit"]}</a>')
            if not own:
                parts.append(f'<a href="{url}/report">{self.words["report"]}</a>')
            if facts.requestable_language:
                action = (
                    f"{self.request_base}/comment/{facts.id}/{facts.requestable_language}/request"
                )
                parts.append(self._form(action, self._ask_label(facts)))
        if own and not facts.deleted:
            parts.append(f'<a href="{url}/delete">{self.words["delete"]}</a>')
            if facts.status == "hidden":
                parts.append(f'<a href="{url}/appeal">{self.words["appeal"]}</a>')
        return "\n".join(parts)
