"""The community's contact details and privacy notice: changing them (the committee),
reading them for a page (cached until they change), and recording consent at sign-up.

Functions that change state take the acting user and leave the commit to the caller.
"""

from importlib import resources

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.community.models import (
    COMMUNITY_VERSION,
    ContactDetails,
    PrivacyConsent,
    PrivacyNotice,
    PrivacyNoticeText,
)
from consult.community.permissions import can_manage_community
from consult.core import audit
from consult.core.cache import cached
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.i18n import content_language_for, content_languages, current_locale_name
from consult.text.chinese import to_traditional

CONTACT_FIELDS = ("address", "hours", "phone", "email")
CONVERTED_FIELDS = ("address", "hours")  # words; a phone number or address is not converted


def _ensure(actor):
    if not can_manage_community(actor):
        raise ServiceError(_l("Only the residents' committee may change this."))


audit.describe("community.contact_changed", _l("Contact details changed"))
audit.describe("community.privacy_published", _l("Privacy notice published"))
audit.describe("community.consent_recorded", _l("Privacy notice consent recorded"))


def _reading_order(locale):
    """Content languages, the reader's first."""
    first = content_language_for(locale)
    return [first, *(tag for tag in content_languages() if tag != first)]


# Contact details ---------------------------------------------------------------------


def save_contact_details(actor, details):
    """Set the committee's contact details: ``{language: {"address": ..., "hours": ...,
    "phone": ..., "email": ...}}`` for the content languages (blank fields are cleared)."""
    _ensure(actor)
    before = _load_contact()
    existing = {row.language: row for row in db.session.scalars(select(ContactDetails))}
    for language in content_languages():
        values = details.get(language) or {}
        row = existing.get(language) or ContactDetails(language=language)
        for name in CONTACT_FIELDS:
            value = (values.get(name) or "").strip()
            setattr(row, name, value or None)
        row.updated_by_id = actor.id
        db.session.add(row)
    db.session.flush()
    after = _load_contact()
    changes = {
        f"{language}.{name}": ((before.get(language) or {}).get(name), after[language][name])
        for language in after
        for name in CONTACT_FIELDS
        if (before.get(language) or {}).get(name) != after[language][name]
    }
    if changes:
        audit.record(
            "community.contact_changed", actor=actor, object_type="contact_details", changes=changes
        )


def _load_contact():
    return {
        row.language: {name: getattr(row, name) for name in CONTACT_FIELDS}
        for row in db.session.scalars(select(ContactDetails))
    }


def all_contact_details():
    """{language: {field: value}} as saved (cached until they change)."""
    return cached("community.contact", (COMMUNITY_VERSION,), (), _load_contact)


def contact_details(locale=None):
    """The contact details a reader of ``locale`` sees, or None when none are set.

    Each field comes in the reader's content language, else in another one (a phone number
    given once serves every language); Traditional Chinese readers see words converted.
    """
    locale = locale or current_locale_name()
    saved = all_contact_details()
    shown = {}
    for name in CONTACT_FIELDS:
        for language in [*_reading_order(locale), *saved]:
            value = (saved.get(language) or {}).get(name)
            if value:
                shown[name] = value
                break
    if locale == "zh_Hant":
        for name in CONVERTED_FIELDS:
            if name in shown:
                shown[name] = to_traditional(shown[name])
    return shown or None


# The privacy notice --------------------------------------------------------------------


def default_notice_texts():
    """Consult's own draft of the notice, per content language it is written in."""
    folder = resources.files("consult.community") / "defaults"
    texts = {}
    for language in content_languages():
        path = folder / f"privacy.{language}.md"
        if path.is_file():
            texts[language] = path.read_text(encoding="utf-8")
    return texts


def _load_current_notice():
    notice = db.session.scalars(
        select(PrivacyNotice).order_by(PrivacyNotice.number.desc()).limit(1)
    ).first()
    return _notice_data(notice) if notice is not None else None


def _notice_data(notice):
    return {
        "id": notice.id,
        "number": notice.number,
        "published_at": notice.published_at,
        "texts": {text.language: text.body for text in notice.texts},
    }


def current_notice():
    """The latest published version as plain data (number, published_at, texts), or None."""
    return cached("community.notice", (COMMUNITY_VERSION,), (), _load_current_notice)


def current_notice_number():
    """The number of the version in force; 0 when none is published (the built-in text)."""
    notice = current_notice()
    return notice["number"] if notice else 0


def notice_version(number):
    """A published version by its number, as plain data, or None."""
    notice = db.session.scalars(select(PrivacyNotice).filter_by(number=number)).first()
    return _notice_data(notice) if notice is not None else None


def notice_versions():
    return db.session.scalars(select(PrivacyNotice).order_by(PrivacyNotice.number.desc())).all()


def notice_text(texts, locale=None):
    """``(body, converted)``: the text a reader of ``locale`` reads from ``{language: body}``;
    ``converted`` is True when a Traditional reader is shown Simplified text converted."""
    locale = locale or current_locale_name()
    for language in _reading_order(locale):
        body = texts.get(language)
        if body:
            if locale == "zh_Hant" and language == "zh":
                return to_traditional(body), True
            return body, False
    return next(iter(texts.values()), ""), False


def publish_privacy_notice(actor, texts):
    """Publish a new version with ``{language: Markdown}`` for every content language."""
    _ensure(actor)
    problems = Problems()
    for language in content_languages():
        if not (texts.get(language) or "").strip():
            problems.add(_l("Write the notice in this language too."), field_for("text", language))
    problems.raise_any()
    number = (db.session.scalar(select(func.max(PrivacyNotice.number))) or 0) + 1
    notice = PrivacyNotice(number=number, published_by_id=actor.id)
    db.session.add(notice)
    for language in content_languages():
        body = texts[language].strip().replace("\r\n", "\n")
        db.session.add(PrivacyNoticeText(notice=notice, language=language, body=body))
    db.session.flush()
    audit.record("community.privacy_published", notice, actor=actor, data={"version": number})
    return notice


CHANGED_WHILE_SIGNING_UP = _l("The privacy notice has changed since this page was opened. Read the new version below and tick the box again.")  # fmt: skip


def record_sign_up_consent(user, shown_number, agreed):
    """Keep ``user``'s answer to the notice version they were shown (0: the built-in text).

    Refused, on the consent box, when a newer version was published meanwhile.
    """
    current = current_notice()
    if (current["number"] if current else 0) != shown_number:
        raise ServiceError(CHANGED_WHILE_SIGNING_UP, "privacy_consent")
    consent = PrivacyConsent(
        user_id=user.id, notice_id=current["id"] if current else None, agreed=bool(agreed)
    )
    db.session.add(consent)
    db.session.flush()
    audit.record(
        "community.consent_recorded",
        consent,
        actor=user,
        data={"version": shown_number, "agreed": bool(agreed)},
    )
    return consent


def field_for(prefix, language):
    """The form field of ``prefix`` in content language ``language`` (``text_zh``)."""
    return f"{prefix}_{language.replace('-', '_')}"
