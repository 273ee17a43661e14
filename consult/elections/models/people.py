"""Candidates (候选人) with their profiles, declared family relations, counting staff
(监票人, 唱票人, 计票人) and proxy votes (委托投票)."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.elections.models.rules import RelationKind


class Candidate(TimestampMixin, db.Model):
    __tablename__ = "election_candidates"
    # One person stands for one post in an election.
    __table_args__ = (UniqueConstraint("election_id", "resident_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contests.id"), index=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    name: Mapped[str] = mapped_column(String(120))  # in its own script
    latin_name: Mapped[str] = mapped_column(String(120))
    nomination_votes: Mapped[int] = mapped_column(default=0)
    photo: Mapped[str | None] = mapped_column(String(80))  # file name under UPLOAD_DIR
    withdrawn_on: Mapped[date | None] = mapped_column(Date)  # the written withdrawal's date
    withdrawal_note: Mapped[str | None] = mapped_column(String(500))

    contest = relationship("Contest", back_populates="candidates")
    resident = relationship("Resident")
    statements: Mapped[list["CandidateStatement"]] = relationship(
        back_populates="candidate", cascade="all, delete-orphan"
    )

    @property
    def withdrawn(self):
        return self.withdrawn_on is not None

    def statement(self, language):
        return next((s.text for s in self.statements if s.language == language), "")


class CandidateStatement(db.Model):
    """A candidate's short statement in one content language."""

    __tablename__ = "election_candidate_statements"
    __table_args__ = (UniqueConstraint("candidate_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("election_candidates.id", ondelete="CASCADE")
    )
    language: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)

    candidate: Mapped[Candidate] = relationship(back_populates="statements")


class DeclaredBy(Choice):
    CANDIDATE = "candidate", _l("the candidate")
    APPOINTEE = "appointee", _l("the appointee")


class Relation(db.Model):
    """A family relation between a candidate and someone else, as declared by one of them.

    The relative is a register entry (``resident_id``) or, for someone not in the register,
    a name, which is matched against helpers' applications.
    """

    __tablename__ = "election_relations"
    __table_args__ = (check_in("kind", RelationKind), check_in("declared_by", DeclaredBy))
    __audit_personal__ = ("relative_name",)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("election_candidates.id", ondelete="CASCADE"), index=True
    )
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    relative_name: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[RelationKind] = mapped_column(EnumText(RelationKind, 12))
    declared_by: Mapped[DeclaredBy] = mapped_column(EnumText(DeclaredBy, 10))
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    candidate = relationship("Candidate")
    resident = relationship("Resident")


class StaffRole(Choice):
    SCRUTINEER = "scrutineer", _l("Scrutineer")
    READER = "reader", _l("Ballot reader")
    COUNTER = "counter", _l("Counter")


class CountingStaff(TimestampMixin, db.Model):
    """A voter the committee appoints to a station's count."""

    __tablename__ = "election_counting_staff"
    __table_args__ = (UniqueConstraint("election_id", "resident_id"), check_in("role", StaffRole))

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    station_id: Mapped[int] = mapped_column(ForeignKey("election_stations.id"), index=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    role: Mapped[StaffRole] = mapped_column(EnumText(StaffRole, 10))

    station = relationship("PollingStation")
    resident = relationship("Resident")


class Proxy(TimestampMixin, db.Model):
    """A written authorisation: ``voter`` lets ``proxy`` (a close relative) vote for them.

    Void until the proxy list is published with it (``published_at``).
    """

    __tablename__ = "election_proxies"
    __table_args__ = (
        UniqueConstraint("election_id", "voter_id"),
        check_in("relation", RelationKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    voter_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    proxy_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    relation: Mapped[RelationKind] = mapped_column(EnumText(RelationKind, 12))
    signed_on: Mapped[date] = mapped_column(Date)  # the written authorisation's date
    note: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    voter = relationship("Resident", foreign_keys=[voter_id])
    proxy = relationship("Resident", foreign_keys=[proxy_id])
