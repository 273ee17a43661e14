"""The resident register: grids, buildings, households, residents, and how they get verified.

A resident is *verified* when their register entry is linked to an account
(``Resident.user_id``); every link and unlink is kept as a VerificationEvent.
"""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.cache import track_changes
from consult.core.enums import Choice, EnumText, State, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow


class Gender(Choice):
    FEMALE = "F", _l("Female")
    MALE = "M", _l("Male")
    OTHER = "X", _l("Other")


class VerificationAction(Choice):
    VERIFY = "verify", _l("Verified")
    REVOKE = "revoke", _l("Verification revoked")


class VerificationMethod(Choice):
    INVITATION = "invitation", _l("by invitation code")
    COMMITTEE = "committee", _l("by the committee")


class InvitationRevocation(Choice):
    REPLACED = "replaced", _l("replaced by a new letter")
    REVOKED = "revoked", _l("revoked by the committee")


class ImportStatus(State):
    QUEUED = "queued", _l("Waiting to start")
    CHECKING = "checking", _l("Checking the file")
    SAVING = "saving", _l("Saving")
    DONE = "done", _l("Imported")
    FAILED = "failed", _l("Failed")
    # A full register file that would mark residents as moved out waits for the committee.
    CONFIRMING = "confirming", _l("Waiting for your confirmation")
    CANCELLED = "cancelled", _l("Cancelled")

    @classmethod
    def transitions(cls):
        return {
            cls.CONFIRMING: (cls.QUEUED, cls.CANCELLED),
            cls.QUEUED: (cls.CHECKING, cls.FAILED),
            cls.CHECKING: (cls.SAVING, cls.FAILED),
            cls.SAVING: (cls.DONE, cls.FAILED),
            cls.FAILED: (cls.QUEUED,),  # tried again after its worker stopped
        }


GENDERS = Gender.values()
VERIFY, REVOKE = VerificationAction.VERIFY, VerificationAction.REVOKE
BY_INVITATION, BY_COMMITTEE = VerificationMethod.INVITATION, VerificationMethod.COMMITTEE


def name_key(full_name, latin_name=None):
    """What name search matches against: both names, case-folded (works in every script)."""
    return " ".join(part for part in (full_name, latin_name) if part).casefold()


class PlaceMixin:
    """A grid's or building's name per content language, and its place in lists
    (consult.residents.places); ``name`` is the register file's, which imports match on."""

    names: Mapped[dict | None] = mapped_column(JSON)  # {"en": "Wendingyuan 8"}
    position: Mapped[int | None] = mapped_column()  # the committee's order; None: by name


class Grid(PlaceMixin, TimestampMixin, db.Model):
    """A neighbourhood section (网格) looked after by one social worker."""

    __tablename__ = "grids"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)

    buildings: Mapped[list["Building"]] = relationship(
        back_populates="grid", order_by="Building.name"
    )

    def __repr__(self):
        return f"<Grid {self.name}>"


class Building(PlaceMixin, TimestampMixin, db.Model):
    __tablename__ = "buildings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id"), index=True)

    grid: Mapped[Grid] = relationship(back_populates="buildings")

    def __repr__(self):
        return f"<Building {self.name}>"


class Household(TimestampMixin, db.Model):
    """A household (户), known to the committee by its household code (户号)."""

    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"), index=True)
    unit: Mapped[str | None] = mapped_column(String(20))
    room: Mapped[str | None] = mapped_column(String(20))

    building: Mapped[Building] = relationship()
    residents: Mapped[list["Resident"]] = relationship(
        back_populates="household", order_by="Resident.id"
    )

    def __repr__(self):
        return f"<Household {self.code}>"


class Resident(TimestampMixin, db.Model):
    __tablename__ = "residents"
    __table_args__ = (
        # How the import recognises a person it has seen before.
        UniqueConstraint("household_id", "full_name", "birth_date", name="uq_residents_person"),
        check_in("gender", Gender),
    )
    # Kept beside the audit chain (which holds their digests), purged with the entry.
    __audit_personal__ = (
        "full_name", "latin_name", "gender", "birth_date", "nationality", "languages",
        "phone", "email", "moved_out_reason",
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    full_name: Mapped[str] = mapped_column(String(120))  # in its own script
    latin_name: Mapped[str | None] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(250), default="")
    gender: Mapped[Gender | None] = mapped_column(EnumText(Gender, 1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    nationality: Mapped[str | None] = mapped_column(String(2), index=True)  # ISO 3166 alpha-2
    languages: Mapped[str | None] = mapped_column(String(100))  # "zh;en"
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    # The verified link: at most one register entry per account.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), unique=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Moved out of the community (迁出): out of the register's list, eligibility and
    # audiences; kept for the committee's retention, then purged to a tombstone (personal
    # fields blanked, values beside the audit chain removed): consult.residents.moving.
    moved_out_on: Mapped[date | None] = mapped_column(Date, index=True)
    moved_out_reason: Mapped[str | None] = mapped_column(String(500))
    # Set when a full register file without this resident marked them as moved out.
    moved_out_import_id: Mapped[int | None] = mapped_column(ForeignKey("register_import_jobs.id"))
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    household: Mapped[Household] = relationship(back_populates="residents")
    user = relationship("User")
    moved_out_import = relationship("ImportJob")

    @property
    def is_verified(self):
        return self.user_id is not None

    @property
    def is_moved_out(self):
        return self.moved_out_on is not None

    @property
    def is_purged(self):
        return self.purged_at is not None

    @property
    def language_list(self):
        return [tag for tag in (self.languages or "").split(";") if tag]

    def __repr__(self):
        return f"<Resident {self.id} {self.full_name}>"


class Invitation(db.Model):
    """A signed, single-use invitation code for a household or one resident.

    It is printed twice on the letter: as the QR code of a signed link, and as a short code
    (``K7QM-4TZP``) derived from ``code_nonce`` with the secret key; only a keyed digest of
    the short code is stored, to look it up (consult.residents.shortcodes).
    """

    __tablename__ = "invitations"
    __table_args__ = (
        CheckConstraint(
            "(household_id IS NULL) <> (resident_id IS NULL)", name="household_or_resident"
        ),
        check_in("revoked_because", InvitationRevocation),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(32), index=True)  # printed together
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    code_nonce: Mapped[str | None] = mapped_column(String(32))
    code_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_because: Mapped[InvitationRevocation | None] = mapped_column(
        EnumText(InvitationRevocation, 10)
    )

    household: Mapped[Household | None] = relationship()
    resident: Mapped[Resident | None] = relationship()
    used_by = relationship("User", foreign_keys=[used_by_id])
    created_by = relationship("User", foreign_keys=[created_by_id])
    revoked_by = relationship("User", foreign_keys=[revoked_by_id])

    def target_household(self):
        return self.household if self.household_id else self.resident.household

    def is_live(self, now=None):
        """Not used, not revoked, not expired: the code still works."""
        now = now or utcnow()
        return self.used_at is None and self.revoked_at is None and self.expires_at > now


class VerificationEvent(db.Model):
    """Who linked or unlinked which account to which register entry, when and how."""

    __tablename__ = "verification_events"
    __table_args__ = (
        check_in("action", VerificationAction),
        check_in("method", VerificationMethod),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[VerificationAction] = mapped_column(EnumText(VerificationAction, 10))
    method: Mapped[VerificationMethod] = mapped_column(EnumText(VerificationMethod, 12))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("invitations.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str | None] = mapped_column(String(500))

    resident: Mapped[Resident] = relationship()
    user = relationship("User", foreign_keys=[user_id])
    actor = relationship("User", foreign_keys=[actor_id])


class ImportJob(db.Model):
    """An upload being imported in the background; its page shows the progress."""

    __tablename__ = "register_import_jobs"
    __table_args__ = (check_in("status", ImportStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    encoding: Mapped[str | None] = mapped_column(String(20))  # how the upload was read
    status: Mapped[ImportStatus] = mapped_column(
        EnumText(ImportStatus, 10), default=ImportStatus.QUEUED
    )
    total: Mapped[int] = mapped_column(default=0)
    processed: Mapped[int] = mapped_column(default=0)
    counts: Mapped[str | None] = mapped_column(Text)  # JSON: what was created/updated
    errors: Mapped[str | None] = mapped_column(Text)  # JSON: [[line, code, params], ...]
    content: Mapped[str | None] = mapped_column(Text)  # the file, dropped once imported
    # A full register file: residents missing from it are marked as moved out, once the
    # committee has seen the list (``moved_out_ids``, JSON) and confirmed.
    full: Mapped[bool] = mapped_column(default=False)
    moved_out_ids: Mapped[str | None] = mapped_column(Text)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"))  # on the task queue
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    created_by = relationship("User")

    @property
    def finished(self):
        return ImportStatus(self.status) in (
            ImportStatus.DONE,
            ImportStatus.FAILED,
            ImportStatus.CANCELLED,
        )

    @property
    def running(self):
        """Its page refreshes itself while the queue works on it."""
        return ImportStatus(self.status) in (
            ImportStatus.QUEUED,
            ImportStatus.CHECKING,
            ImportStatus.SAVING,
        )

    def move_to(self, status):
        """Change the status along ImportStatus's transitions (an illegal move raises)."""
        self.status = ImportStatus(self.status).check_move(status)


DEFAULT_RETENTION_MONTHS = 36  # three years, unless the committee sets another


class RegisterSettings(db.Model):
    """The committee's settings for the register (one row, made on first save)."""

    __tablename__ = "register_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # How long a moved-out resident's entry keeps its personal values before the purge.
    moved_out_retention_months: Mapped[int] = mapped_column(default=DEFAULT_RETENTION_MONTHS)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


# The register list and its filters are cached under this version (consult.core.cache).
REGISTER_VERSION = "register"
track_changes(REGISTER_VERSION, Grid, Building, Household, Resident)
