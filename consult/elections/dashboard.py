"""Elections on the committee's home page: what is late or due soon while preparing; on
election day, the counts still to enter and the objections to answer (the dashboard hook)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.domain import Tile
from consult.elections import clock
from consult.elections.models import Election, ElectionStatus
from consult.elections.permissions import can_manage_elections
from consult.elections.services.timeline import LATE, reminders
from consult.extensions import db
from consult.i18n import content_language_for


def tiles(user):
    if not can_manage_elections(user):
        return []
    today = clock.today()
    result = []
    for election in db.session.scalars(
        select(Election).where(
            Election.status == ElectionStatus.PREPARING.value, Election.election_day >= today
        )
    ):
        steps = reminders(election, today)
        late = [s for s in steps if s.status == LATE]
        result.append(
            Tile(
                election.title_in(content_language_for()),
                value=len(steps),
                url=url_for("elections.election", election_id=election.id),
                text=_l("late or due within three days"),
                urgent=bool(late),
            )
        )
    return result + _counting_tiles()


def _counting_tiles():
    from consult.elections.services.results import election_results
    from consult.elections.services.reviews import waiting_objections

    found = []
    counting = (ElectionStatus.COUNTING.value, ElectionStatus.SECOND_ROUND.value)
    for election in db.session.scalars(select(Election).where(Election.status.in_(counting))):
        missing = 0
        for outcome in election_results(election):
            missing += len(outcome.missing[1])
            if outcome.second_round is not None:
                missing += len(outcome.missing[2])
        objections = len(waiting_objections(election))
        found.append(
            Tile(
                election.title_in(content_language_for()),
                value=missing + objections,
                url=url_for("elections.count", election_id=election.id),
                text=_l("counts to enter or objections to answer before the declaration"),
                urgent=bool(objections),
            )
        )
    return found
