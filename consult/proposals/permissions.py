"""Who may write, publish, support, follow and answer proposals."""

from flask import g, has_request_context
from sqlalchemy import select

from consult.core.permissions import is_committee, is_signed_in, predicate
from consult.extensions import db
from consult.proposals.dates import community_today
from consult.proposals.models import ANSWERED, DRAFT, OPEN, REVIEW


def is_verified_resident(user):
    """Whether ``user``'s account is linked to an entry of the resident register (asked once
    per request)."""
    if not is_signed_in(user):
        return False
    from consult.residents.models import Resident

    cache = g.setdefault("verified_residents", {}) if has_request_context() else {}
    if user.id not in cache:
        cache[user.id] = (
            db.session.scalar(select(Resident.id).where(Resident.user_id == user.id)) is not None
        )
    return cache[user.id]


def _is_author(user, proposal):
    return is_signed_in(user) and proposal.author_id == user.id


def _state(proposal):
    return proposal.current_state(community_today())


@predicate
def can_create_proposal(user):
    """Verified residents and the committee put matters to the community."""
    return is_committee(user) or is_verified_resident(user)


@predicate
def can_view_proposal(user, proposal):
    """A draft is its author's alone; everything else is public."""
    return proposal.state != DRAFT or _is_author(user, proposal)


@predicate
def can_edit_proposal(user, proposal):
    """Only the author edits, while a draft or open for consultation."""
    return _is_author(user, proposal) and _state(proposal) in (DRAFT, OPEN)


@predicate
def can_publish_proposal(user, proposal):
    return _is_author(user, proposal) and proposal.state == DRAFT


@predicate
def can_delete_proposal(user, proposal):
    return _is_author(user, proposal) and proposal.state == DRAFT


@predicate
def can_withdraw_proposal(user, proposal):
    return _is_author(user, proposal) and _state(proposal) in (OPEN, REVIEW)


@predicate
def can_support_proposal(user, proposal):
    """Verified residents support open proposals."""
    return _state(proposal) == OPEN and is_verified_resident(user)


@predicate
def can_comment_on_proposal(user, proposal):
    """Verified residents comment on a proposal while it is open for consultation."""
    return _state(proposal) == OPEN and is_verified_resident(user)


@predicate
def can_follow_proposal(user, proposal):
    return is_signed_in(user) and can_view_proposal(user, proposal)


@predicate
def can_manage_proposals(user):
    """Categories, the support threshold, reviews and answers are the committee's."""
    return is_committee(user)


@predicate
def can_review_proposal(user, proposal):
    return is_committee(user) and _state(proposal) == OPEN


@predicate
def can_answer_proposal(user, proposal):
    """The committee answers a proposal open for consultation or under review."""
    return is_committee(user) and _state(proposal) in (OPEN, REVIEW)


@predicate
def can_close_proposal(user, proposal):
    return is_committee(user) and proposal.state == ANSWERED


@predicate
def can_view_attachment(user, attachment):
    return can_view_proposal(user, attachment.proposal)


@predicate
def can_remove_attachment(user, attachment):
    return can_edit_proposal(user, attachment.proposal)


@predicate
def can_edit_category(user, category):
    return is_committee(user)
