"""Jobs the task queue runs, as rows the app can show, reap and retry."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import EnumText, State, check_in
from consult.core.models import UTCDateTime, db, utcnow


class JobStatus(State):
    QUEUED = "queued", _l("Waiting")
    RUNNING = "running", _l("Running")
    DONE = "done", _l("Done")
    FAILED = "failed", _l("Failed")

    @classmethod
    def transitions(cls):
        return {
            cls.QUEUED: (cls.RUNNING, cls.FAILED),
            cls.RUNNING: (cls.DONE, cls.FAILED),
            cls.FAILED: (cls.QUEUED,),  # retried
        }


class Job(db.Model):
    __tablename__ = "jobs"
    __table_args__ = (check_in("status", JobStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(80), index=True)
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    status: Mapped[JobStatus] = mapped_column(
        EnumText(JobStatus, 10), default=JobStatus.QUEUED, index=True
    )
    attempts: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    worker: Mapped[str | None] = mapped_column(String(120))  # host:pid
    error: Mapped[str | None] = mapped_column(Text)

    created_by = relationship("User")

    def move_to(self, status):
        self.status = JobStatus(self.status).check_move(status)


class PeriodicRun(db.Model):
    """One row per periodic job and period: the consumer that inserts it runs the job, so
    two consumers never run it twice."""

    __tablename__ = "periodic_runs"
    __table_args__ = (UniqueConstraint("name", "period", name="uq_periodic_runs_name_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    period: Mapped[str] = mapped_column(String(40))
    worker: Mapped[str | None] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
