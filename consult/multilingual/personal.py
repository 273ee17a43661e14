"""What the translation desk holds about one person (the personal-data hooks,
consult.core.domain): the translations they wrote or verified, and the translations they
asked for.

A deleted account's translations stay: they were written for every reader and stay
attributed to the account, whose name then reads "a former resident". Its requests for a
translation go: they only served to tell that person, and an open one would keep a text
high on the desk for a reader who is gone.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, or_, select

from consult.core.cache import bump
from consult.core.domain import PersonalTable
from consult.extensions import db
from consult.multilingual.models import (
    TRANSLATIONS_VERSION,
    Translation,
    TranslationMethod,
    TranslationRequest,
)
from consult.multilingual.registry import CONTENT_TYPES


def kind_label(content_type):
    known = CONTENT_TYPES.get(content_type)
    return known.label if known is not None else content_type


def personal_data(user):
    translations = db.session.scalars(
        select(Translation)
        .where(or_(Translation.translator_id == user.id, Translation.verified_by_id == user.id))
        .order_by(Translation.updated_at, Translation.id)
    ).all()
    requests = db.session.scalars(
        select(TranslationRequest)
        .where(TranslationRequest.user_id == user.id)
        .order_by(TranslationRequest.requested_at, TranslationRequest.id)
    ).all()
    return [
        PersonalTable(
            "translations",
            _l("Translations you wrote or verified"),
            (
                ("content", _l("Translation of")),
                ("content_id", _l("Number")),
                ("language", _l("Language")),
                ("method", _l("How")),
                ("revision", _l("Revision of the original")),
                ("written_by_you", _l("Written by you")),
                ("verified_by_you", _l("Verified by you")),
                ("updated_at", _l("Last changed")),
            ),
            [
                (
                    kind_label(t.content_type),
                    t.content_id,
                    t.language,
                    TranslationMethod(t.method).label,
                    t.revision,
                    t.translator_id == user.id,
                    t.verified_by_id == user.id,
                    t.updated_at,
                )
                for t in translations
            ],
            _l(
                "Your work at the translation desk. The texts are not repeated here: they translate what someone else wrote; read them on the site."
            ),  # fmt: skip
        ),
        PersonalTable(
            "translation_requests",
            _l("Translations you asked for"),
            (
                ("content", _l("Translation of")),
                ("content_id", _l("Number")),
                ("language", _l("Language")),
                ("requested_at", _l("Asked")),
                ("answered_at", _l("Translated")),
            ),
            [
                (
                    kind_label(r.content_type),
                    r.content_id,
                    r.language,
                    r.requested_at,
                    r.answered_at,
                )
                for r in requests
            ],
        ),
    ]


def forget_user(user, actor):
    """Requests go; translations stay, attributed to "a former resident" (pages showing
    them are drawn again, with that name)."""
    db.session.execute(delete(TranslationRequest).where(TranslationRequest.user_id == user.id))
    worked = db.session.scalar(
        select(Translation.id)
        .where(or_(Translation.translator_id == user.id, Translation.verified_by_id == user.id))
        .limit(1)
    )
    if worked is not None:
        bump(TRANSLATIONS_VERSION)
