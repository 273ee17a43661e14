"""What the community domain holds about one person (the personal-data hook): their
answers to the privacy notice. A deleted account's consents stay: they record what the
account agreed to and hold nothing that identifies the person once it is a tombstone."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.community.models import PrivacyConsent
from consult.core.domain import PersonalTable
from consult.extensions import db


def personal_data(user):
    consents = db.session.scalars(
        select(PrivacyConsent)
        .where(PrivacyConsent.user_id == user.id)
        .order_by(PrivacyConsent.at, PrivacyConsent.id)
    ).all()
    return [
        PersonalTable(
            "privacy_consents",
            _l("Your answers to the privacy notice"),
            (
                ("at", _l("When")),
                ("version", _l("Version")),
                ("agreed", _l("Agreed")),
            ),
            [(c.at, c.notice.number if c.notice is not None else None, c.agreed) for c in consents],
            _l("The version of the privacy notice you were shown at sign-up, and your answer."),
        )
    ]
