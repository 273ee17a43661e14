"""The committee's proposal tiles on its home page (the dashboard hook)."""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from consult.core.domain import Tile
from consult.extensions import db
from consult.proposals.dates import community_today
from consult.proposals.models import REVIEW, Answer, Proposal
from consult.proposals.permissions import can_manage_proposals
from consult.proposals.queries import state_condition


def tiles(user):
    if not can_manage_proposals(user):
        return []
    today = community_today()
    in_review = db.session.scalar(
        select(func.count(Proposal.id)).where(state_condition(REVIEW, today))
    )
    drafted = db.session.scalar(
        select(func.count(Answer.id))
        .join(Proposal, Proposal.id == Answer.proposal_id)
        .where(Answer.published_at.is_(None), state_condition(REVIEW, today))
    )
    return [
        Tile(
            _l("Proposals awaiting the committee's answer"),
            value=in_review,
            url=url_for("proposals.index", state=REVIEW.value),
            text=_l(
                "Under review: the consultation has ended. Of these, %(count)d have an answer waiting for translation or publication.",
                count=drafted,
            ),
            urgent=in_review > 0,
        )
    ]
