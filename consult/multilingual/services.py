"""Translation rules: editing originals, writing, verifying and asking for translations.

Every change of an original's or a translation's text goes through here (the search index
listens with :func:`on_text_changed`). Functions take the acting user, change the session and
leave the commit to the caller.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from consult.core import audit
from consult.core.models import utcnow
from consult.core.notifications import notify
from consult.core.permissions import can_translate, is_signed_in
from consult.core.services import Problems, ServiceError
from consult.extensions import db
from consult.multilingual.languages import (
    base_language,
    content_language_for,
    language_name,
    normalize_tag,
    same_language,
)
from consult.multilingual.models import (
    HUMAN,
    Translation,
    TranslationRequest,
    new_translation,
)
from consult.multilingual.reading import has_text_by_a_person
from consult.multilingual.registry import content_type_of

audit.describe("translation.saved", _l("Translation saved"))
audit.describe("translation.verified", _l("Translation verified"))
audit.describe("translation.requested", _l("Translation asked for"))

TEXT_CHANGED = []  # callbacks(content): an original's or a translation's text changed


def on_text_changed(callback):
    """Call ``callback(content)`` whenever the text of ``content`` or of one of its
    translations changes (the search index keeps itself current this way)."""
    TEXT_CHANGED.append(callback)
    return callback


def text_changed(content):
    _forget_loaded_translations(content)
    for callback in TEXT_CHANGED:
        callback(content)


def _forget_loaded_translations(content):
    """The model's read-only ``translations`` relationship is read again next time."""
    from sqlalchemy import inspect

    state = inspect(content)
    if "translations" in state.mapper.relationships and state.persistent:
        db.session.expire(content, ["translations"])


def find_translation(content, language):
    content_type = content_type_of(content)
    return db.session.scalars(
        select(Translation).filter_by(
            content_type=content_type.name,
            content_id=content.id,
            base_language=base_language(language),
        )
    ).first()


# The original -----------------------------------------------------------------------------


def original_edited(actor, content, before):
    """Call after changing ``content``: when a translatable field or its language changed
    (``before`` is ``{field: text}`` from ``content_type.texts_of``, plus ``"language"``), the
    revision goes up, so existing translations become outdated, and machine drafts are
    asked for again. Returns whether the text changed."""
    content_type = content_type_of(content)
    now = {**content_type.texts_of(content), "language": content_type.original_language(content)}
    if now == before:
        return False
    setattr(content, content_type.revision, content_type.revision_of(content) + 1)
    ask_machine_drafts(actor, content)
    text_changed(content)
    return True


def snapshot_texts(content):
    """What :func:`original_edited` compares with: take it before changing ``content``."""
    content_type = content_type_of(content)
    return {**content_type.texts_of(content), "language": content_type.original_language(content)}


def ask_machine_drafts(actor, content):
    """Ask the machine translation service (when one is configured) for drafts of
    ``content`` in every content language that has no current person's text."""
    from consult.multilingual.machine import provider_configured

    content_type = content_type_of(content)
    if provider_configured() and content_type.open_to_translators(content):
        from consult.core.queue import enqueue

        db.session.flush()
        enqueue(
            "multilingual.machine_translate",
            actor=actor,
            content_type=content_type.name,
            content_id=content.id,
        )


# Translations ----------------------------------------------------------------------------


def _check_texts(content_type, content, texts, problems):
    original = content_type.texts_of(content)
    cleaned = {}
    for name in content_type.fields:
        text = (texts.get(name) or "").strip()
        limit = content_type.limits.get(name)
        if original[name].strip() and not text and name not in content_type.optional:
            problems.add(_l("Translate this field too."), name)
        elif limit and len(text) > limit:
            problems.add(_l("Use at most %(max)d characters.", max=limit), name)
        cleaned[name] = text
    return cleaned


def save_translation(actor, content, language, texts, *, from_machine_draft=False):
    """Write (or rewrite) the translation of ``content`` into ``language`` as ``actor``'s.

    The translation is of the original's current revision and is not verified yet (a second
    person verifies it). Readers who asked for it are told.
    """
    content_type = content_type_of(content)
    if not can_translate(actor) or not content_type.open_to_translators(content):
        raise ServiceError(_l("You are not allowed to translate this."))
    tag = normalize_tag(language)
    if tag is None:
        raise ServiceError(_l("Choose a language."), "language")
    if same_language(tag, content_type.original_language(content)):
        raise ServiceError(_l("This is the language the original is written in."), "language")
    problems = Problems()
    cleaned = _check_texts(content_type, content, texts, problems)
    problems.raise_any()
    row = find_translation(content, tag)
    before = audit.snapshot(row, ("language", "texts", "method", "revision")) if row else {}
    if row is None:
        row = new_translation(content_type.name, content.id, tag, texts=cleaned)
        db.session.add(row)
    row.language, row.texts = tag, cleaned
    row.method, row.engine = HUMAN, None
    row.translator_id = actor.id
    row.from_machine_draft = bool(from_machine_draft)
    row.revision = content_type.revision_of(content)
    row.verified_by_id = row.verified_at = None
    db.session.flush()
    audit.record(
        "translation.saved",
        row,
        actor=actor,
        changes=audit.changes_since(before, row) if before else None,
        data={"content": f"{content_type.name}:{content.id}", "language": tag,
              "revision": row.revision, "from_machine_draft": row.from_machine_draft},
    )  # fmt: skip
    _answer_requests(content, row)
    text_changed(content)
    return row


def _answer_requests(content, row):
    from consult.multilingual import TRANSLATED

    content_type = content_type_of(content)
    requests = db.session.scalars(
        select(TranslationRequest).filter_by(
            content_type=content_type.name,
            content_id=content.id,
            base_language=row.base_language,
            answered_at=None,
        )
    ).all()
    for request in requests:
        request.answered_at = utcnow()
    people = [request.user for request in requests if request.user_id != row.translator_id]
    if people:
        notify(
            TRANSLATED,
            people,
            path=content_type.path(content),
            title=content_type.heading_of(content),
            language={loc: language_name(row.language, loc) for loc in ("en", "zh_Hans", "zh_Hant")},
        )  # fmt: skip


def verify_translation(actor, content, translation):
    """``actor`` (a second bilingual person) confirms that a person's translation is right."""
    from consult.multilingual.permissions import can_verify_translation

    if not can_translate(actor):
        raise ServiceError(_l("You are not allowed to verify translations."))
    if translation.is_machine:
        raise ServiceError(_l("A machine translation cannot be verified: translate it first."))
    if translation.translator_id == actor.id:
        raise ServiceError(_l("Someone else must verify your translation."))
    if translation.is_outdated(content):
        raise ServiceError(_l("The original has changed since: update the translation first."))
    if not can_verify_translation(actor, translation):
        raise ServiceError(_l("This translation is already verified."))
    translation.verified_by_id = actor.id
    translation.verified_at = utcnow()
    audit.record(
        "translation.verified",
        translation,
        actor=actor,
        data={"content": f"{translation.content_type}:{translation.content_id}",
              "language": translation.language, "revision": translation.revision},
    )  # fmt: skip
    return translation


def request_translation(actor, content, language):
    """``actor`` asks for ``content`` in ``language`` (once; counted on the desk)."""
    content_type = content_type_of(content)
    if not is_signed_in(actor):
        raise ServiceError(_l("Sign in to ask for a translation."))
    tag = content_language_for(language or "")
    if tag is None or same_language(tag, content_type.original_language(content)):
        raise ServiceError(_l("This language cannot be asked for."))
    if has_text_by_a_person(content, tag, _rows(content)):
        raise ServiceError(_l("This text is already translated into that language."))
    request = _own_request(content_type, content, tag, actor)
    if request is not None and request.answered_at is None:
        return request
    if request is None:
        request = TranslationRequest(
            content_type=content_type.name, content_id=content.id, language=tag,
            base_language=base_language(tag), user_id=actor.id,
        )  # fmt: skip
        try:
            with db.session.begin_nested():  # the same person asking twice at once
                db.session.add(request)
        except IntegrityError:
            return _own_request(content_type, content, tag, actor)
    request.answered_at, request.requested_at = None, utcnow()
    db.session.flush()
    audit.record(
        "translation.requested",
        request,
        actor=actor,
        data={"content": f"{content_type.name}:{content.id}", "language": tag},
    )
    return request


def _own_request(content_type, content, tag, actor):
    return db.session.scalars(
        select(TranslationRequest).filter_by(
            content_type=content_type.name,
            content_id=content.id,
            base_language=base_language(tag),
            user_id=actor.id,
        )
    ).first()


def _rows(content):
    content_type = content_type_of(content)
    return db.session.scalars(
        select(Translation).filter_by(content_type=content_type.name, content_id=content.id)
    ).all()
