"""Small helpers every election service uses."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.permissions import is_committee
from consult.core.services import ServiceError
from consult.elections.models import ElectionStatus
from consult.extensions import db
from consult.i18n import UI_LOCALES, content_language_for, content_languages


def ensure_committee(actor):
    """Services check permission too: a view, a command or a job may call them."""
    if not is_committee(actor):
        raise ServiceError(_l("Only the residents' committee prepares elections."))


def ensure_preparing(election):
    if ElectionStatus(election.status) is not ElectionStatus.PREPARING:
        raise ServiceError(_l("This election is no longer in preparation."))


def ensure_counting(election):
    """Counts, second rounds, countersignatures and answers: only between the count's
    beginning and the declaration."""
    status = ElectionStatus(election.status)
    if status is ElectionStatus.DECLARED:
        raise ServiceError(_l("The results are declared: the count can no longer change."))
    if not status.counting:
        raise ServiceError(_l("The count of this election has not begun."))


def committee_members():
    from consult.accounts.models import User
    from consult.core.permissions import COMMITTEE

    return db.session.scalars(select(User).filter_by(role=COMMITTEE).order_by(User.id)).all()


def titles(election):
    """The election's title for readers of each UI language (for messages)."""
    return {locale: election.title_in(content_language_for(locale)) for locale in UI_LOCALES}


def missing_languages(texts):
    """The content languages that ``texts`` ({language: text}) has nothing written for."""
    return [lang for lang in content_languages() if not (texts.get(lang) or "").strip()]


def in_each_locale(lazy):
    """A lazy string rendered in every UI language ({locale: text}), for notifications."""
    from flask_babel import force_locale

    rendered = {}
    for locale in UI_LOCALES:
        with force_locale(locale):
            rendered[locale] = str(lazy)
    return rendered
