"""Polling stations (投票站) with their hours, shifts (班次) and, for a mobile ballot box
(流动票箱), its own list of voters."""

from datetime import datetime, time

from sqlalchemy import ForeignKey, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.models import TimestampMixin, UTCDateTime, db


class PollingStation(TimestampMixin, db.Model):
    __tablename__ = "election_stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("elections.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    place: Mapped[str] = mapped_column(String(200), default="")
    opens: Mapped[time] = mapped_column(Time)  # community time, on election day
    closes: Mapped[time] = mapped_column(Time)
    mobile: Mapped[bool] = mapped_column(default=False)  # 流动票箱

    election = relationship("Election", back_populates="stations")
    shifts: Mapped[list["Shift"]] = relationship(
        back_populates="station", cascade="all, delete-orphan", order_by="Shift.starts_at"
    )
    mobile_voters: Mapped[list["MobileVoter"]] = relationship(
        back_populates="station", cascade="all, delete-orphan", order_by="MobileVoter.id"
    )

    def __repr__(self):
        return f"<PollingStation {self.id} {self.name}>"


class Shift(db.Model):
    """A stretch of time at a station, with how many observers and volunteers it takes."""

    __tablename__ = "election_shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(
        ForeignKey("election_stations.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    observer_capacity: Mapped[int] = mapped_column(default=0)
    volunteer_capacity: Mapped[int] = mapped_column(default=0)

    station: Mapped[PollingStation] = relationship(back_populates="shifts")

    def capacity(self, role):
        return self.observer_capacity if role == "observer" else self.volunteer_capacity

    def overlaps(self, other):
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


class MobileVoter(db.Model):
    """A voter who votes at a mobile ballot box (approved by the committee; published)."""

    __tablename__ = "election_mobile_voters"
    __table_args__ = (UniqueConstraint("station_id", "resident_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(
        ForeignKey("election_stations.id", ondelete="CASCADE"), index=True
    )
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))

    station: Mapped[PollingStation] = relationship(back_populates="mobile_voters")
    resident = relationship("Resident")
