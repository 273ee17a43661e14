"""Polls: the question, its options, who may vote, the ballots and the results.

Secrecy lives in the schema (README, "Polls: secrecy"):

- ``PollBallot`` holds the poll, the choices and a random receipt code: no voter, no
  household, no time, and a random primary key, so no id follows the casting order.
- ``PollVoter`` records that a resident (and, in a one-vote-per-household poll, their
  household) has voted, online or on paper: it holds no ballot reference and no time.
- Both are written in one transaction; unique constraints on (poll, resident) and (poll,
  household) let exactly one of two concurrent casts through.
- When the poll closes, both tables' rows for it are rewritten in random order (see
  closing.py), so that storage order, SQLite's rowid, PostgreSQL's ctid and xmin no longer
  follow the casting order.
"""

import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow

# 63-bit random keys; on SQLite an INTEGER PRIMARY KEY is the rowid itself, so the rowid is
# random too (a BIGINT key would leave SQLite a hidden rowid counting up in casting order).
RandomKey = BigInteger().with_variant(Integer(), "sqlite")


def random_id():
    return secrets.randbelow(2**63 - 2) + 1


class PollMethod(Choice):
    PLURALITY = "plurality", _l("Plurality: one choice, the most votes win")
    APPROVAL = "approval", _l("Approval: mark every option you accept")
    BLOCK = "block", _l("Block vote: mark up to as many options as there are seats")
    YES_NO = "yes_no", _l("Yes / no / abstain, with an optional quorum")
    IRV = "irv", _l("Ranked choice (instant runoff)")
    STV = "stv", _l("Single transferable vote (several seats)")
    SCHULZE = "schulze", _l("Condorcet (Schulze)")
    BORDA = "borda", _l("Borda count")
    SCORE = "score", _l("Score: give each option a score")


class VoterBase(Choice):
    VERIFIED = "verified", _l("Verified residents of any nationality (they vote online)")
    REGISTER = (
        "register",
        _l("Everyone in the resident register (those without an account vote on paper)"),
    )


class ResultsShown(Choice):
    AFTER_CLOSING = "after_closing", _l("After the poll closes")
    LIVE = "live", _l("Live, while the poll is open")


class MeetingRule(Choice):
    """A residents' meeting decision (居民会议, organic law 2018 Art. 9), or an ordinary poll."""

    NONE = "none", _l("An ordinary poll")
    ADULTS = "adults", _l("Residents' meeting decision: every adult resident")
    HOUSEHOLDS = "households", _l("Residents' meeting decision: one representative per household")


class Channel(Choice):
    ONLINE = "online", _l("online")
    PAPER = "paper", _l("on paper")


class Phase(Choice):
    """Where a poll is, decided from its stored times at each request (never by a job)."""

    UPCOMING = "upcoming", _l("Upcoming")
    OPEN = "open", _l("Open")
    CLOSED = "closed", _l("Closed: results being counted")
    PUBLISHED = "published", _l("Closed: results published")
    CANCELLED = "cancelled", _l("Cancelled")


class Poll(TimestampMixin, db.Model):
    __tablename__ = "polls"
    __table_args__ = (
        check_in("method", PollMethod),
        check_in("base", VoterBase),
        check_in("results_shown", ResultsShown),
        check_in("meeting", MeetingRule),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # {content language tag: text}; options have their own rows
    question: Mapped[dict] = mapped_column(JSON)
    description: Mapped[dict] = mapped_column(JSON, default=dict)
    method: Mapped[PollMethod] = mapped_column(EnumText(PollMethod, 12))
    seats: Mapped[int] = mapped_column(default=1)
    max_marks: Mapped[int | None]  # approval: at most this many check boxes
    score_max: Mapped[int | None]  # score: 0 … score_max
    quorum_percent: Mapped[int | None]  # yes/no: ballots needed, as a share of the electorate
    meeting: Mapped[MeetingRule] = mapped_column(
        EnumText(MeetingRule, 12), default=MeetingRule.NONE
    )
    # Who may vote
    base: Mapped[VoterBase] = mapped_column(EnumText(VoterBase, 10), default=VoterBase.VERIFIED)
    adults_only: Mapped[bool] = mapped_column(default=False)
    per_household: Mapped[bool] = mapped_column(default=False)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    # When
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    results_shown: Mapped[ResultsShown] = mapped_column(
        EnumText(ResultsShown, 14), default=ResultsShown.AFTER_CLOSING
    )
    # What it is about (a proposal under consultation ...): a link without a foreign key, so
    # that polls need no other domain.
    subject_type: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # What happened (the audit trail says who and when too)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # electorate fixed
    electorate_size: Mapped[int | None]
    close_reason: Mapped[str | None] = mapped_column(Text)  # closed early
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # closing recorded
    shuffled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # rows rewritten
    # SHA-256 of the ballot list when the closing was recorded (online ballots only, if paper
    # ballots are still to come); the audit trail holds it too.
    closing_sha256: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closing_job_id: Mapped[int | None]  # the queue's job recording the closing

    options: Mapped[list["PollOption"]] = relationship(
        back_populates="poll", order_by="PollOption.position", cascade="all, delete-orphan"
    )
    grid = relationship("Grid")
    building = relationship("Building")
    created_by = relationship("User")

    def phase(self, now=None):
        if self.cancelled_at is not None:
            return Phase.CANCELLED
        if self.published_at is not None:
            return Phase.PUBLISHED
        now = now or utcnow()
        if now < self.opens_at:
            return Phase.UPCOMING
        if now < self.closes_at:
            return Phase.OPEN
        return Phase.CLOSED

    @property
    def is_meeting(self):
        return self.meeting != MeetingRule.NONE

    def option_names(self):
        return [option.name for option in self.options]

    def __repr__(self):
        return f"<Poll {self.id} {self.method}>"


class PollOption(db.Model):
    __tablename__ = "poll_options"
    __table_args__ = (
        UniqueConstraint("poll_id", "position", name="uq_poll_options_position"),
        UniqueConstraint("poll_id", "name", name="uq_poll_options_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"))
    position: Mapped[int]
    # The option's name in the count and the published ballot list (consult.tally's
    # candidate): its text in the first content language, or yes/no/abstain.
    name: Mapped[str] = mapped_column(String(200))
    text: Mapped[dict] = mapped_column(JSON, default=dict)  # {content language tag: text}

    poll: Mapped[Poll] = relationship(back_populates="options")


class PollElectorate(db.Model):
    """Who may vote, fixed when the poll opens: the denominator of turnout and quorum.

    Household, building and grid are copied as they were then, so that later changes to the
    register alter neither the list nor the turnout per grid and building.
    """

    __tablename__ = "poll_electorate"

    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), primary_key=True)
    household_id: Mapped[int]
    building_id: Mapped[int]
    grid_id: Mapped[int]


class PollVoter(db.Model):
    """That a resident (or their household) has voted: no ballot, no time."""

    __tablename__ = "poll_voters"
    __table_args__ = (
        UniqueConstraint("poll_id", "resident_id", name="uq_poll_voters_resident"),
        # Set only in one-vote-per-household polls: the first member's cast takes the slot.
        UniqueConstraint("poll_id", "household_slot", name="uq_poll_voters_household"),
        check_in("channel", Channel),
    )

    id: Mapped[int] = mapped_column(
        RandomKey, primary_key=True, autoincrement=False, default=random_id
    )
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    household_slot: Mapped[int | None]
    channel: Mapped[Channel] = mapped_column(EnumText(Channel, 6))
    ticked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # paper only


class PollBallot(db.Model):
    """One ballot: the poll, the choices (consult.tally's native form) and a receipt code."""

    __tablename__ = "poll_ballots"
    __table_args__ = (UniqueConstraint("poll_id", "receipt", name="uq_poll_ballots_receipt"),)

    id: Mapped[int] = mapped_column(
        RandomKey, primary_key=True, autoincrement=False, default=random_id
    )
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"))
    receipt: Mapped[str] = mapped_column(String(14))
    choices: Mapped[str] = mapped_column(Text)  # canonical JSON, without the receipt


class PaperBatch(db.Model):
    """Ballots from the paper box entered together after closing (none linked to a person)."""

    __tablename__ = "poll_paper_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), index=True)
    ballots: Mapped[int]
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    entered_by = relationship("User")


class PollResult(db.Model):
    """The published result: the count, its explanation per UI language, and the canonical
    ballot list whose SHA-256 the audit trail holds."""

    __tablename__ = "poll_results"

    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id"), primary_key=True)
    ballots: Mapped[int]
    result: Mapped[dict] = mapped_column(JSON)  # consult.tally's Result.to_dict()
    explanations: Mapped[dict] = mapped_column(JSON)  # {ui locale: [one text per round]}
    # canonical JSON (the export); loaded only when asked for (it can be megabytes)
    ballot_list: Mapped[str] = mapped_column(Text, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
