"""Election day: each station's paper count per contest and round, kept entry by entry (a
correction adds an entry and keeps the earlier ones), the second round (另行选举) a contest
needs, the observers' countersignatures (签字确认) and objections (异议), and the
declaration of results (选举结果公告)."""

import json
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import UTCDateTime, db, utcnow

PEOPLE = ("votes", "write_ins", "against", "abstain")


class StationCount(db.Model):
    """One entry of a station's count for one contest and round (1, or 2 for the second
    round). ``version`` 1 is the first entry; each correction adds the next version with
    its reason. ``votes``, ``against`` and ``abstain`` are keyed by the round's candidates
    as the count names them; ``write_ins`` (另选他人) by the name written on the ballots."""

    __tablename__ = "election_station_counts"
    __table_args__ = (UniqueConstraint("contest_id", "station_id", "round", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    contest_id: Mapped[int] = mapped_column(ForeignKey("election_contests.id"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("election_stations.id"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    version: Mapped[int] = mapped_column(default=1)
    voters_signed: Mapped[int]
    ballots_cast: Mapped[int]
    invalid: Mapped[int] = mapped_column(default=0)
    blank: Mapped[int] = mapped_column(default=0)
    votes_json: Mapped[str] = mapped_column("votes", Text, default="{}")
    write_ins_json: Mapped[str] = mapped_column("write_ins", Text, default="{}")
    against_json: Mapped[str] = mapped_column("against", Text, default="{}")
    abstain_json: Mapped[str] = mapped_column("abstain", Text, default="{}")
    reason: Mapped[str | None] = mapped_column(Text)  # why a correction was made
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    contest = relationship("Contest")
    station = relationship("PollingStation")
    entered_by = relationship("User")

    @property
    def votes(self):
        return json.loads(self.votes_json or "{}")

    @property
    def write_ins(self):
        return json.loads(self.write_ins_json or "{}")

    @property
    def against(self):
        return json.loads(self.against_json or "{}")

    @property
    def abstain(self):
        return json.loads(self.abstain_json or "{}")

    def set_people(self, key, mapping):
        setattr(self, f"{key}_json", json.dumps(mapping, ensure_ascii=False))

    @property
    def over_signed(self):
        """More ballots in the box than voters who signed for one: flagged."""
        return self.ballots_cast > self.voters_signed

    def figures(self):
        """What was entered, as plain values (for comparing entries and the audit trail)."""
        out = {
            "voters_signed": self.voters_signed,
            "ballots_cast": self.ballots_cast,
            "invalid": self.invalid,
            "blank": self.blank,
        }
        out.update({key: getattr(self, key) for key in PEOPLE})
        return out


class SecondRound(db.Model):
    """A contest's second round (另行选举) for the seats round one left unfilled, or its new
    vote among candidates tied for a seat: the same day or within the rule set's days."""

    __tablename__ = "election_second_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(
        ForeignKey("election_contests.id", ondelete="CASCADE"), unique=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    scheduled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    scheduled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    contest = relationship("Contest")


class ReviewKind(Choice):
    COUNTERSIGNED = "countersigned", _l("Countersigned")
    OBJECTION = "objection", _l("Objection")


class CountReview(db.Model):
    """An approved observer's countersignature of a station's count (one round, every
    contest as entered then), or an objection with its text, which the committee answers."""

    __tablename__ = "election_count_reviews"
    __table_args__ = (check_in("kind", ReviewKind),)
    __audit_personal__ = ("text",)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    station_id: Mapped[int] = mapped_column(ForeignKey("election_stations.id"), index=True)
    round: Mapped[int] = mapped_column(default=1)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("election_helper_assignments.id"))
    kind: Mapped[ReviewKind] = mapped_column(EnumText(ReviewKind, 14))
    text: Mapped[str | None] = mapped_column(Text)
    entries_json: Mapped[str] = mapped_column("entries", Text, default="[]")  # StationCount ids
    made_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    station = relationship("PollingStation")
    assignment = relationship("HelperAssignment")

    @property
    def entries(self):
        return json.loads(self.entries_json or "[]")

    @property
    def waiting(self):
        """An objection the committee has not answered yet."""
        return self.kind is ReviewKind.OBJECTION and self.answered_at is None


class Declaration(db.Model):
    """The declaration of results: when, by whom, and the results as declared (frozen, so
    that the notice reads the same whatever happens later)."""

    __tablename__ = "election_declarations"

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), unique=True
    )
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    declared_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    results_json: Mapped[str] = mapped_column("results", Text)

    @property
    def results(self):
        return json.loads(self.results_json)
