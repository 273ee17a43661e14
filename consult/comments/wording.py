"""The words a thread repeats, translated once per rendering rather than once per comment.

Drawing 2,000 comments asks for "Written in Chinese (Simplified)" or "replying to" thousands
of times; each gettext call, date format and provenance macro costs tens of microseconds.
``ThreadWording`` asks each distinct question once and keeps the answer for the rest of the
thread.
"""

from flask import get_template_attribute, url_for
from flask_babel import format_date
from flask_babel import gettext as _gettext
from flask_babel import ngettext as _ngettext
from markupsafe import Markup

from consult.comments.models import FlagReason, Stance
from consult.core.clock import community_zone
from consult.multilingual.languages import language_name, variant_name


def gettext(text, **values):
    """Our catalogs' words are trusted as the templates' ``_()`` are (not escaped again)."""
    return Markup(_gettext(text, **values))


def ngettext(singular, plural, count):
    return Markup(_ngettext(singular, plural, count))


def _tidy(html):
    """Markup with its runs of spaces and line breaks made one space (smaller pages)."""
    return Markup(" ".join(str(html).split()))


class ThreadWording:
    def __init__(self):
        self.zone = community_zone()
        self.removed = gettext("Removed comment")
        self.removed_parent = gettext("a removed comment")
        self.replying_to = gettext("replying to")
        self.edited = gettext("edited · earlier versions")
        self.deleted = gettext("Deleted by its author.")
        self.held = gettext(
            "Hidden after reports by residents, until the residents' committee decides."
        )
        self.hidden = {
            reason: gettext("Hidden by the residents' committee: %(reason)s.", reason=reason.label)
            for reason in FlagReason
        }
        self.stances = {stance: str(stance.label) for stance in Stance}
        self.history_prefix = url_for("comments.comment", comment_id=1)[:-1]
        self._provenance = get_template_attribute("_macros/multilingual.html", "provenance")
        self._memo = {}

    def _once(self, key, compute):
        value = self._memo.get(key)
        if value is None:
            value = self._memo[key] = compute()
        return value

    def written_in(self, tag):
        return self._once(("written", tag), lambda: gettext("Written in %(language)s", language=variant_name(tag)))  # fmt: skip

    def original(self, tag):
        return self._once(("original", tag), lambda: gettext("Original (%(language)s)", language=language_name(tag)))  # fmt: skip

    def likes(self, count):
        return self._once(("likes", count), lambda: ngettext("%(num)s like", "%(num)s likes", count))  # fmt: skip

    def when(self, moment):
        """A time in the community's zone, in the reader's way of writing dates."""
        local = moment.astimezone(self.zone)
        day = self._once(("day", local.date()), lambda: format_date(local.date(), "medium"))
        return f"{day} {local:%H:%M}"

    def provenance(self, shown):
        """The "translated by …, verified" and conversion notes (the multilingual macro)."""
        return self._once(("provenance", shown.key()), lambda: _tidy(self._provenance(shown)))

    def history_url(self, comment_id):
        return f"{self.history_prefix}{comment_id}/history"
