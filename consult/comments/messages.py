"""What authors and the committee are told about moderation, each in their language."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.comments.services import comment_path, headings, in_every_locale
from consult.core.notifications import notify
from consult.core.urls import site_path
from consult.extensions import db

SUBJECTS = {
    "held": _l("Your comment on “%(title)s” is hidden until the residents' committee decides"),
    "hidden": _l("The residents' committee has hidden your comment on “%(title)s”"),
    "shown": _l("Your comment on “%(title)s” is shown again"),
    "upheld": _l("Your appeal is upheld: your comment on “%(title)s” is shown again"),
    "rejected": _l("Your appeal is not upheld: your comment on “%(title)s” stays hidden"),
}
TEXTS = {
    "held": _l("Three residents reported it (%(reason)s). The committee will look at it soon."),
    "hidden": _l("Reason: %(reason)s. %(note)s You may appeal once, from the comment."),
    "shown": _l("The committee looked at the reports and found nothing wrong."),
    "upheld": _l("The committee has read your appeal. %(note)s"),
    "rejected": _l("The committee has read your appeal. %(note)s"),
}
FOR_COMMITTEE = {
    "held": _l("A comment on “%(title)s” was hidden after reports by three verified residents"),
    "appeal": _l("An appeal against hiding a comment on “%(title)s”"),
}
COMMITTEE_TEXT = _l("Open the moderation queue to decide.")


def tell_author(comment, target, what, note=None):
    from consult.comments import MODERATED_KIND

    author = comment.author
    if author is None or not author.active:
        return
    titles = headings(target)
    note = note if note is not None else (comment.hidden_note or "")
    reason = comment.hidden_reason

    def text(locale):
        values = {"reason": str(reason.label) if reason else "", "note": note}
        return " ".join((str(TEXTS[what]) % values).split())

    notify(
        MODERATED_KIND,
        [author],
        path=comment_path(comment),
        subject=in_every_locale(lambda locale: str(SUBJECTS[what]) % {"title": titles[locale]}),
        text=in_every_locale(text),
    )


def tell_committee(comment, target, what):
    from consult.comments import TO_MODERATE_KIND

    people = committee_members()
    if not people:
        return
    titles = headings(target)
    notify(
        TO_MODERATE_KIND,
        people,
        path=site_path("comments_moderation.comment", comment_id=comment.id),
        subject=in_every_locale(
            lambda locale: str(FOR_COMMITTEE[what]) % {"title": titles[locale]}
        ),
        text=in_every_locale(lambda locale: str(COMMITTEE_TEXT)),
    )


def committee_members():
    from consult.accounts.models import User
    from consult.core.permissions import COMMITTEE

    return db.session.scalars(select(User).filter_by(role=COMMITTEE, active=True)).all()
