"""Translations of user content, and readers' requests for them.

A translation is a row of its own: the content it translates (content type and id), its
language, the text of each translatable field, who wrote it (a person, or a machine
translation service), whether a second bilingual person verified it, and the revision of the
original it translates. One translation per content and language: Chinese written in
Traditional and in Simplified are the same language (``base_language`` ``zh``).
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from consult.core.cache import track_changes
from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.multilingual.languages import base_language


class TranslationMethod(Choice):
    HUMAN = "human", _l("Translated by a person")
    MACHINE = "machine", _l("Machine translation")


HUMAN, MACHINE = TranslationMethod.HUMAN, TranslationMethod.MACHINE


class Translation(TimestampMixin, db.Model):
    __tablename__ = "translations"
    __table_args__ = (
        UniqueConstraint(
            "content_type", "content_id", "base_language", name="uq_translations_content_language"
        ),
        Index("ix_translations_base_language_method", "base_language", "method"),
        check_in("method", TranslationMethod),
    )
    # Texts are kept beside the audit chain: a deleted comment's translations can go there too.
    __audit_personal__ = ("texts",)

    id: Mapped[int] = mapped_column(primary_key=True)
    content_type: Mapped[str] = mapped_column(String(40))
    content_id: Mapped[int] = mapped_column()
    language: Mapped[str] = mapped_column(String(35))  # as written: zh-Hans, zh-Hant, en
    base_language: Mapped[str] = mapped_column(String(8))  # zh, en: one row per language
    texts: Mapped[dict] = mapped_column(JSON)  # {field: text}
    method: Mapped[TranslationMethod] = mapped_column(EnumText(TranslationMethod, 10))
    # A person's translation that started from a machine translation's draft.
    from_machine_draft: Mapped[bool] = mapped_column(default=False)
    engine: Mapped[str | None] = mapped_column(String(120))  # the machine service, if any
    translator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revision: Mapped[int] = mapped_column()  # the revision of the original it translates
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    translator = relationship("User", foreign_keys=[translator_id])
    verified_by = relationship("User", foreign_keys=[verified_by_id])

    @property
    def is_machine(self):
        return self.method == MACHINE

    @property
    def is_verified(self):
        return self.verified_by_id is not None

    def is_outdated(self, content):
        from consult.multilingual.registry import content_type_of

        return self.revision < content_type_of(content).revision_of(content)

    def __repr__(self):
        return f"<Translation {self.content_type}:{self.content_id} {self.language}>"


class TranslationRequest(db.Model):
    """A reader asking for a content in their language; the desk puts the most asked first."""

    __tablename__ = "translation_requests"
    __table_args__ = (
        UniqueConstraint(
            "content_type",
            "content_id",
            "base_language",
            "user_id",
            name="uq_translation_requests_once",
        ),
        Index("ix_translation_requests_open", "content_type", "base_language", "answered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content_type: Mapped[str] = mapped_column(String(40))
    content_id: Mapped[int] = mapped_column()
    language: Mapped[str] = mapped_column(String(35))
    base_language: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user = relationship("User")


def translations_relationship(content_type):
    """A read-only relationship from a content model to its translations, for selectinload:

    ``translations = translations_relationship("proposal")`` in the model's class body.
    """
    return relationship(
        Translation,
        primaryjoin=lambda: and_(
            Translation.content_type == content_type,
            foreign(Translation.content_id) == _owner_id(content_type),
        ),
        viewonly=True,
        order_by=Translation.base_language,
    )


def _owner_id(content_type):
    from consult.multilingual.registry import get_content_type

    return get_content_type(content_type).model.id


def new_translation(content_type, content_id, language, **values):
    return Translation(
        content_type=content_type,
        content_id=content_id,
        language=language,
        base_language=base_language(language),
        **values,
    )


# Rendered pages showing translated content are cached under this version.
TRANSLATIONS_VERSION = "translations"
track_changes(TRANSLATIONS_VERSION, Translation)
