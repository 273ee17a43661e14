"""An election (换届选举): its texts per content language, contests, publications."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import Choice, EnumText, State, check_in
from consult.core.models import TimestampMixin, UTCDateTime, db, utcnow
from consult.elections.models.rules import Rules


class ElectionStatus(State):
    """Preparing until the committee begins the count (on election day, once the polls have
    closed); counting while stations' counts are entered; waiting for a second round
    (另行选举) once one is scheduled; declared when the committee declares the results."""

    PREPARING = "preparing", _l("In preparation")
    COUNTING = "counting", _l("Counting")
    SECOND_ROUND = "second_round", _l("Second round to come")
    DECLARED = "declared", _l("Results declared")
    CANCELLED = "cancelled", _l("Cancelled")

    @classmethod
    def transitions(cls):
        return {
            cls.PREPARING: (cls.COUNTING, cls.CANCELLED),
            cls.COUNTING: (cls.SECOND_ROUND, cls.DECLARED, cls.CANCELLED),
            # back to counting when a corrected first round no longer needs a second one
            cls.SECOND_ROUND: (cls.COUNTING, cls.DECLARED, cls.CANCELLED),
        }

    @property
    def counting(self):
        """Whether stations' counts may be entered and checked now."""
        return self in (ElectionStatus.COUNTING, ElectionStatus.SECOND_ROUND)


class ContestKind(Choice):
    DIRECTOR = "director", _l("Director")
    DEPUTY = "deputy", _l("Deputy director")
    MEMBER = "member", _l("Member")


class PublicationKind(Choice):
    VOTER_LIST = "voter_list", _l("Voter list")
    CANDIDATES = "candidates", _l("Candidates")
    COUNTING_STAFF = "counting_staff", _l("Counting staff")
    PROXIES = "proxies", _l("Proxy votes")


class Election(TimestampMixin, db.Model):
    __tablename__ = "elections"
    __table_args__ = (check_in("status", ElectionStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_day: Mapped[date] = mapped_column(Date)
    status: Mapped[ElectionStatus] = mapped_column(
        EnumText(ElectionStatus, 12), default=ElectionStatus.PREPARING
    )
    rules_json: Mapped[str] = mapped_column("rules", Text, default=lambda: Rules().to_json())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    texts: Mapped[list["ElectionText"]] = relationship(
        back_populates="election", cascade="all, delete-orphan", order_by="ElectionText.id"
    )
    contests: Mapped[list["Contest"]] = relationship(
        back_populates="election", cascade="all, delete-orphan", order_by="Contest.position"
    )
    stations: Mapped[list["PollingStation"]] = relationship(  # noqa: F821
        back_populates="election", cascade="all, delete-orphan", order_by="PollingStation.id"
    )

    @property
    def rules(self):
        return Rules.from_json(self.rules_json)

    @rules.setter
    def rules(self, rules):
        self.rules_json = rules.to_json()

    def move_to(self, status):
        self.status = ElectionStatus(self.status).check_move(status)

    def text(self, language):
        """The title and description in ``language`` (a content language tag), or None."""
        return next((t for t in self.texts if t.language == language), None)

    def texts_by_language(self):
        return {t.language: t for t in self.texts}

    def title_in(self, language, fallback=True):
        text = self.text(language)
        if text is None and fallback and self.texts:
            text = self.texts[0]
        return text.title if text is not None else ""

    def __repr__(self):
        return f"<Election {self.id} {self.election_day}>"


class ElectionText(db.Model):
    """An election's title and description in one content language."""

    __tablename__ = "election_texts"
    __table_args__ = (UniqueConstraint("election_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(20))  # BCP 47
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    election: Mapped[Election] = relationship(back_populates="texts")


class Contest(db.Model):
    """A post to fill (选举职位): director, deputy directors, members, with its seats."""

    __tablename__ = "election_contests"
    __table_args__ = (UniqueConstraint("election_id", "kind"), check_in("kind", ContestKind))

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("elections.id", ondelete="CASCADE"))
    kind: Mapped[ContestKind] = mapped_column(EnumText(ContestKind, 10))
    seats: Mapped[int] = mapped_column(default=1)
    position: Mapped[int] = mapped_column(default=0)

    election: Mapped[Election] = relationship(back_populates="contests")
    candidates: Mapped[list["Candidate"]] = relationship(  # noqa: F821
        back_populates="contest", order_by="Candidate.id"
    )

    @property
    def label(self):
        return ContestKind(self.kind).label


class Publication(db.Model):
    """A list made public (voter list, candidates, counting staff, proxies): when, by whom."""

    __tablename__ = "election_publications"
    __table_args__ = (check_in("kind", PublicationKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PublicationKind] = mapped_column(EnumText(PublicationKind, 16))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    count: Mapped[int] = mapped_column(default=0)
