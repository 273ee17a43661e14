"""Requests to delete an account: made by the person, decided by the committee."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.core.enums import EnumText, State, check_in
from consult.core.models import UTCDateTime, db, utcnow


class DeletionStatus(State):
    PENDING = "pending", _l("Waiting for the residents' committee")
    DONE = "done", _l("Account deleted")
    REFUSED = "refused", _l("Refused")
    WITHDRAWN = "withdrawn", _l("Withdrawn")

    @classmethod
    def transitions(cls):
        return {cls.PENDING: (cls.DONE, cls.REFUSED, cls.WITHDRAWN)}


class AccountDeletionRequest(db.Model):
    """Someone asked for their account to be deleted. Once done, the row stays as the
    record of who decided and when; it points at the account's tombstone."""

    __tablename__ = "account_deletion_requests"
    __table_args__ = (check_in("status", DeletionStatus),)
    __audit_name__ = "deletion_request"
    __audit_personal__ = ("reason", "note")

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[DeletionStatus] = mapped_column(
        EnumText(DeletionStatus, 10), default=DeletionStatus.PENDING, index=True
    )
    reason: Mapped[str | None] = mapped_column(Text)  # the person's words, optional
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(1000))  # why the committee refused
    # Where and in which language to say the account is deleted: copied before the account
    # is blanked, and blanked in turn once the message is sent.
    notice_email: Mapped[str | None] = mapped_column(String(254))
    notice_locale: Mapped[str | None] = mapped_column(String(10))

    user = relationship("User", foreign_keys=[user_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])

    def move_to(self, status):
        self.status = DeletionStatus(self.status).check_move(status)
