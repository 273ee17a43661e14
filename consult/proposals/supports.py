"""Supports and follows.

A verified resident supports an open proposal once. The proposal's row is locked first
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's writers go one at a time), so concurrent
supports of one proposal count one after another; the unique constraint on (proposal,
person) is the last line, turned into the same message as a repeated support.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from consult.core import audit
from consult.core.permissions import is_signed_in
from consult.core.services import ServiceError
from consult.extensions import db
from consult.proposals.models import OPEN, REVIEW, Follow, Proposal, StateCause, Support
from consult.proposals.permissions import can_follow_proposal, can_support_proposal

audit.describe("proposal.supported", _l("Proposal supported"))
audit.describe("proposal.support_withdrawn", _l("Support withdrawn"))
audit.describe("proposal.followed", _l("Proposal followed"))
audit.describe("proposal.unfollowed", _l("Proposal no longer followed"))

ALREADY = _l("You already support this proposal.")


def _locked(proposal):
    """``proposal`` read again under a row lock, for counting."""
    return db.session.scalars(
        select(Proposal)
        .where(Proposal.id == proposal.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def supports(user, proposal):
    """Whether ``user`` supports ``proposal``."""
    if not is_signed_in(user):
        return False
    found = db.session.scalar(
        select(Support.id).where(Support.proposal_id == proposal.id, Support.user_id == user.id)
    )
    return found is not None


def support_proposal(actor, proposal):
    """``actor`` supports ``proposal`` (and follows it); at the committee's threshold the
    consultation ends and the proposal goes to review."""
    from consult.proposals.services import change_state, settings

    if not can_support_proposal(actor, proposal):
        raise ServiceError(_l("Only verified residents can support a proposal open for consultation."))  # fmt: skip
    proposal = _locked(proposal)
    if not can_support_proposal(actor, proposal):
        raise ServiceError(_l("Only verified residents can support a proposal open for consultation."))  # fmt: skip
    if supports(actor, proposal):
        raise ServiceError(ALREADY)
    try:
        with db.session.begin_nested():
            db.session.add(Support(proposal_id=proposal.id, user_id=actor.id))
    except IntegrityError:
        raise ServiceError(ALREADY) from None
    proposal.supports_count = Proposal.supports_count + 1
    db.session.flush()
    db.session.refresh(proposal, ["supports_count"])
    _follow(actor, proposal)
    audit.record("proposal.supported", proposal, actor=actor,
                 data={"supports": proposal.supports_count})  # fmt: skip
    threshold = settings().support_threshold
    if threshold and proposal.supports_count >= threshold and proposal.state == OPEN:
        change_state(None, proposal, REVIEW, note=str(threshold), cause=StateCause.THRESHOLD)
    return proposal


def withdraw_support(actor, proposal):
    if not can_support_proposal(actor, proposal):
        raise ServiceError(_l("Supports can only change while the consultation is open."))
    proposal = _locked(proposal)
    removed = db.session.execute(
        delete(Support).where(Support.proposal_id == proposal.id, Support.user_id == actor.id)
    ).rowcount
    if not removed:
        raise ServiceError(_l("You do not support this proposal."))
    proposal.supports_count = Proposal.supports_count - 1
    db.session.flush()
    db.session.refresh(proposal, ["supports_count"])
    audit.record("proposal.support_withdrawn", proposal, actor=actor,
                 data={"supports": proposal.supports_count})  # fmt: skip
    return proposal


def follows(user, proposal):
    if not is_signed_in(user):
        return False
    found = db.session.scalar(
        select(Follow.id).where(Follow.proposal_id == proposal.id, Follow.user_id == user.id)
    )
    return found is not None


def _follow(user, proposal):
    if follows(user, proposal):
        return False
    try:
        with db.session.begin_nested():
            db.session.add(Follow(proposal_id=proposal.id, user_id=user.id))
    except IntegrityError:
        return False
    return True


def follow_proposal(actor, proposal):
    """``actor`` is told of the proposal's state changes and answer."""
    if not can_follow_proposal(actor, proposal):
        raise ServiceError(_l("Sign in to follow a proposal."))
    if _follow(actor, proposal):
        audit.record("proposal.followed", proposal, actor=actor)
    return proposal


def unfollow_proposal(actor, proposal):
    if not is_signed_in(actor):
        raise ServiceError(_l("Sign in to follow a proposal."))
    removed = db.session.execute(
        delete(Follow).where(Follow.proposal_id == proposal.id, Follow.user_id == actor.id)
    ).rowcount
    if removed:
        audit.record("proposal.unfollowed", proposal, actor=actor)
    return proposal
