"""Observers (观察员) and election volunteers (选举志愿者): anyone may sign up, with no
account; the committee approves or wait-lists them per shift; the observer code of conduct
(观察员行为守则) they accept, by version."""

import json
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, State, check_in
from consult.core.models import UTCDateTime, db, utcnow
from consult.elections.models.rules import RelationKind


class HelperRole(Choice):
    OBSERVER = "observer", _l("Observer")
    VOLUNTEER = "volunteer", _l("Volunteer")


class ApplicationStatus(State):
    UNCONFIRMED = "unconfirmed", _l("Waiting for confirmation")
    CONFIRMED = "confirmed", _l("Confirmed")
    LAPSED = "lapsed", _l("Lapsed (not confirmed in time)")
    WITHDRAWN = "withdrawn", _l("Withdrawn")

    @classmethod
    def transitions(cls):
        return {
            cls.UNCONFIRMED: (cls.CONFIRMED, cls.LAPSED, cls.WITHDRAWN),
            cls.CONFIRMED: (cls.WITHDRAWN,),
        }


class AssignmentStatus(State):
    REQUESTED = "requested", _l("Waiting for the committee")
    APPROVED = "approved", _l("Approved")
    WAIT_LISTED = "wait_listed", _l("On the wait list")
    DECLINED = "declined", _l("Declined")
    CANCELLED = "cancelled", _l("Cancelled")
    REVOKED = "revoked", _l("Revoked")

    @classmethod
    def transitions(cls):
        return {
            cls.REQUESTED: (cls.APPROVED, cls.WAIT_LISTED, cls.DECLINED, cls.CANCELLED),
            cls.WAIT_LISTED: (cls.APPROVED, cls.DECLINED, cls.CANCELLED),
            cls.APPROVED: (cls.CANCELLED, cls.REVOKED),
        }


class CodeOfConduct(db.Model):
    """One version of an election's observer code of conduct, in every content language."""

    __tablename__ = "election_codes_of_conduct"
    __table_args__ = (UniqueConstraint("election_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    texts_json: Mapped[str] = mapped_column("texts", Text)  # {language: Markdown}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    @property
    def texts(self):
        return json.loads(self.texts_json or "{}")


class HelperApplication(db.Model):
    """Someone's sign-up as an observer or volunteer for some shifts of an election."""

    __tablename__ = "election_helper_applications"
    __table_args__ = (check_in("role", HelperRole), check_in("status", ApplicationStatus))
    __audit_personal__ = (
        "full_name", "latin_name", "nationality", "languages", "email", "phone",
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[HelperRole] = mapped_column(EnumText(HelperRole, 10))
    full_name: Mapped[str] = mapped_column(String(120))  # in its own script
    latin_name: Mapped[str] = mapped_column(String(120))
    nationality: Mapped[str | None] = mapped_column(String(2))
    languages: Mapped[str] = mapped_column(String(100), default="")  # "en;zh"
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    locale: Mapped[str] = mapped_column(String(10), default="en")  # messages' language
    preferred_station_id: Mapped[int | None] = mapped_column(ForeignKey("election_stations.id"))
    relation_candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("election_candidates.id", ondelete="SET NULL")
    )
    relation_kind: Mapped[RelationKind | None] = mapped_column(EnumText(RelationKind, 12))
    conduct_version: Mapped[int | None]  # the code of conduct accepted (observers)
    status: Mapped[ApplicationStatus] = mapped_column(
        EnumText(ApplicationStatus, 12), default=ApplicationStatus.UNCONFIRMED
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    election = relationship("Election")
    preferred_station = relationship("PollingStation")
    relation_candidate = relationship("Candidate")
    assignments: Mapped[list["HelperAssignment"]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="HelperAssignment.id"
    )

    def move_to(self, status):
        self.status = ApplicationStatus(self.status).check_move(status)


class HelperAssignment(db.Model):
    """One shift an applicant asked for, and what the committee decided about it."""

    __tablename__ = "election_helper_assignments"
    __table_args__ = (
        UniqueConstraint("application_id", "shift_id"),
        check_in("status", AssignmentStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("election_helper_applications.id", ondelete="CASCADE"), index=True
    )
    shift_id: Mapped[int] = mapped_column(ForeignKey("election_shifts.id"), index=True)
    status: Mapped[AssignmentStatus] = mapped_column(
        EnumText(AssignmentStatus, 12), default=AssignmentStatus.REQUESTED
    )
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    application: Mapped[HelperApplication] = relationship(back_populates="assignments")
    shift = relationship("Shift")

    def move_to(self, status):
        self.status = AssignmentStatus(self.status).check_move(status)
