"""Polls on the home page: what is open for you; for the committee, what needs doing."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import Tile
from consult.core.models import utcnow
from consult.extensions import db
from consult.polls.models import Poll, PollElectorate, PollVoter
from consult.polls.permissions import can_manage_polls
from consult.residents.models import Resident


def _open(now):
    return (Poll.opens_at <= now) & (Poll.closes_at > now) & Poll.cancelled_at.is_(None)


def tiles(user):
    now = utcnow()
    shown = []
    if user is not None and user.is_authenticated:
        entry = (
            select(PollElectorate.poll_id, PollElectorate.resident_id, PollElectorate.household_id)
            .join(Resident, Resident.id == PollElectorate.resident_id)
            .where(Resident.user_id == user.id)
            .subquery()
        )
        waiting = db.session.scalar(
            select(func.count())
            .select_from(Poll)
            .join(entry, entry.c.poll_id == Poll.id)
            .where(
                _open(now),
                ~select(PollVoter.id)
                .where(
                    PollVoter.poll_id == Poll.id,
                    (PollVoter.resident_id == entry.c.resident_id)
                    | (PollVoter.household_slot == entry.c.household_id),
                )
                .exists(),
            )
        )
        if waiting:
            shown.append(
                Tile(
                    _l("Polls waiting for your vote"),
                    value=waiting,
                    url=url_for("polls.index"),
                    urgent=True,
                )
            )
    if can_manage_polls(user):
        open_polls = db.session.scalar(select(func.count()).where(_open(now)))
        counting = db.session.scalar(
            select(func.count()).where(
                Poll.closes_at <= now, Poll.published_at.is_(None), Poll.cancelled_at.is_(None)
            )
        )
        shown.append(Tile(_l("Open polls"), value=open_polls, url=url_for("polls.index")))
        if counting:
            shown.append(
                Tile(
                    _l("Closed polls not yet published"),
                    value=counting,
                    url=url_for("polls.index"),
                    text=_l("Enter their paper ballots, or publish."),
                )
            )
    return shown
