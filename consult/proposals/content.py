"""Proposals and official answers as multilingual content (consult.multilingual)."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.permissions import can_translate
from consult.core.searching import content_changed
from consult.core.urls import site_path
from consult.multilingual import services as multilingual
from consult.multilingual.registry import ContentType, register
from consult.proposals.models import DRAFT, WITHDRAWN, Answer, Proposal
from consult.proposals.permissions import can_view_proposal

TEXT_LIMITS = {"title": 200, "summary": 500, "body": 20000}

PROPOSAL = register(
    ContentType(
        "proposal",
        model=Proposal,
        label=_l("Proposal"),
        fields={"title": _l("Title"), "summary": _l("Summary"), "body": _l("Text")},
        limits=TEXT_LIMITS,
        markdown=("body",),
        path=lambda proposal: site_path("proposals.proposal", proposal_id=proposal.id),
        heading=lambda proposal: proposal.title,
        visible_to=can_view_proposal,
        # Drafts are their authors' alone; a withdrawn proposal needs no more translation.
        open_to_translators=lambda proposal: proposal.state not in (DRAFT, WITHDRAWN),
        on_desk=lambda stmt: stmt.where(Proposal.state.not_in([DRAFT.value, WITHDRAWN.value])),
    )
)


def _answer_visible(user, answer):
    return answer.is_published or can_translate(user)


ANSWER = register(
    ContentType(
        "proposal_answer",
        model=Answer,
        label=_l("Official answer"),
        fields={"body": _l("Official answer")},
        limits={"body": TEXT_LIMITS["body"]},
        markdown=("body",),
        path=lambda answer: (
            site_path("proposals.proposal", proposal_id=answer.proposal_id) + "#answer"
        ),
        heading=lambda answer: answer.proposal.title,
        visible_to=_answer_visible,
        # Translated before it is published: publishing needs every content language.
        open_to_translators=lambda answer: answer.proposal.state != WITHDRAWN,
        on_desk=lambda stmt: stmt.where(
            Answer.proposal_id.in_(select(Proposal.id).where(Proposal.state != WITHDRAWN.value))
        ),
    )
)


@multilingual.on_text_changed
def _keep_search_current(content):
    """An edit of a proposal's text or a translation of it saved (by a person or a machine):
    site search reads the proposal again (consult.core.searching)."""
    if isinstance(content, Proposal):
        content_changed("proposal", content.id)
