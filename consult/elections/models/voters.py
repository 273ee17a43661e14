"""The voter list (选民名单), drawn from the register, and objections (异议) to it."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import UTCDateTime, db, utcnow


class VoterSource(Choice):
    DRAWN = "drawn", _l("Drawn from the register")
    ADDED = "added", _l("Added by the committee")


class Voter(db.Model):
    __tablename__ = "election_voters"
    __table_args__ = (
        UniqueConstraint("election_id", "resident_id"),
        check_in("source", VoterSource),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    source: Mapped[VoterSource] = mapped_column(EnumText(VoterSource, 8))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    resident = relationship("Resident")


class ObjectionDecision(Choice):
    UPHELD = "upheld", _l("Upheld")
    REJECTED = "rejected", _l("Rejected")


class Objection(db.Model):
    """A resident's objection to the voter list, decided by the committee within the
    rule set's days."""

    __tablename__ = "election_objections"
    __table_args__ = (check_in("decision", ObjectionDecision),)
    __audit_personal__ = ("reason", "note")

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    reason: Mapped[str] = mapped_column(Text)
    lodged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decide_by: Mapped[date] = mapped_column(Date)  # community date
    decision: Mapped[ObjectionDecision | None] = mapped_column(EnumText(ObjectionDecision, 8))
    note: Mapped[str | None] = mapped_column(String(1000))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    user = relationship("User", foreign_keys=[user_id])
    resident = relationship("Resident")
    election = relationship("Election")
