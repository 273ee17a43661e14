"""Background work for proposals: recording consultations whose end date has passed.

Readers already see such a proposal as under review (decided from its end date on every
request); this job only writes the move into the timeline and tells the followers.
"""

from sqlalchemy import select

from consult.core.queue import every_minutes, periodic
from consult.extensions import db
from consult.proposals.dates import community_today
from consult.proposals.models import OPEN, Proposal


@periodic("proposals.end_consultations", every_minutes(15))
def end_consultations():
    from consult.proposals.services import record_consultation_end

    today = community_today()
    ended = db.session.scalars(
        select(Proposal)
        .where(Proposal.state == OPEN.value, Proposal.closes_on < today)
        .order_by(Proposal.id)
    ).all()
    for proposal in ended:
        record_consultation_end(proposal)
    return len(ended)
