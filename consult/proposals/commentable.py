"""Proposals take comments (consult.comments): verified residents comment while a proposal is
open for consultation, saying whether they are for or against it; everyone reads them."""

from flask_babel import lazy_gettext as _l

from consult.comments.registry import Commentable, register_commentable
from consult.core.urls import site_path
from consult.multilingual.reading import localize
from consult.proposals.dates import community_today
from consult.proposals.models import DRAFT, OPEN, Proposal
from consult.proposals.permissions import can_comment_on_proposal, can_view_proposal


def _discussion_visible(user, proposal):
    """A draft has no discussion yet; a published proposal's is public."""
    return proposal.state != DRAFT and can_view_proposal(user, proposal)


PROPOSAL_COMMENTS = register_commentable(
    Commentable(
        "proposal",
        model=Proposal,
        can_comment=can_comment_on_proposal,
        visible_to=_discussion_visible,
        is_open=lambda proposal: proposal.current_state(community_today()) == OPEN,
        path=lambda proposal: site_path("proposals.proposal", proposal_id=proposal.id),
        heading=lambda proposal, tag: localize(proposal, tag)["title"],
        stances=True,
        counter="comments_count",
        api_collection="/proposals",
        page=("proposals.proposal", "proposal_id"),
        closed_message=_l(
            "The consultation has ended: comments are closed. They stay here to read."
        ),
    )
)
