"""What can be commented on: each domain registers its commentable kinds of thing once.

::

    PROPOSAL_COMMENTS = register_commentable(
        Commentable(
            "proposal",
            model=Proposal,
            can_comment=can_comment_on_proposal,  # (user, proposal): may write now
            visible_to=can_view_proposal,  # (user, proposal): may read it and its comments
            is_open=lambda proposal: proposal.current_state(today()) == OPEN,
            path=lambda proposal: site_path("proposals.proposal", proposal_id=proposal.id),
            heading=lambda proposal, tag: localize(proposal, tag)["title"],
            stances=True,  # comments say for, against or neutral
            counter="comments_count",  # a column the comments domain keeps counted
            api_collection="/proposals",  # GET /api/v1/proposals/<id>/comments
            page=("proposals.proposal", "proposal_id"),  # where its thread is shown
        )
    )

A comment asks its target whether commenting is allowed (``can_comment``), so polls and
elections become commentable by registering themselves, with no change to the comments
domain. This module imports nothing from the comments domain's models, so a domain can
register before or without it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

COMMENTABLES = {}


def _never(user, target):
    return False


def _anyone(user, target):
    return True


def _always(target):
    return True


@dataclass(frozen=True)
class Commentable:
    name: str  # in URLs and in the comments table ("proposal")
    model: type
    can_comment: Callable = _never  # (user, target): may ``user`` write a comment now
    visible_to: Callable = _anyone  # (user, target): may ``user`` read it and its comments
    is_open: Callable = _always  # (target): whether the discussion takes comments now
    path: Callable | None = None  # target → the path of its page on this site
    heading: Callable | None = None  # (target, language tag) → a short title
    stances: bool = False  # whether a comment says for, against or neutral
    counter: str | None = None  # a column of the target holding its visible comments
    api_collection: str | None = None  # "/proposals": its thread at <collection>/<id>/comments
    # The target's page (endpoint, URL argument naming the target): its thread's version is
    # then read with the page's other versions, in one query.
    page: tuple | None = None
    # What readers are told when the discussion no longer takes comments.
    closed_message: object = _l("Comments are closed.")

    def heading_of(self, target, tag):
        if self.heading is not None:
            return self.heading(target, tag)
        return str(target)

    def version_key(self, target_id):
        """The data version a thread's cached HTML and JSON are kept under."""
        return f"comments:{self.name}:{target_id}"


def register_commentable(commentable):
    """Make ``commentable`` a kind of thing comments can be written on (at import time)."""
    COMMENTABLES[commentable.name] = commentable
    return commentable


def get_commentable(name):
    return COMMENTABLES.get(name)


def commentable_of(target):
    """The registered kind ``target`` belongs to, or None."""
    for commentable in COMMENTABLES.values():
        if isinstance(target, commentable.model):
            return commentable
    return None


def find_target(name, target_id):
    """The thing of kind ``name`` with ``target_id``, or None."""
    from consult.core.permissions import parse_id
    from consult.extensions import db

    commentable = get_commentable(name)
    number = parse_id(target_id)
    if commentable is None or number is None:
        return None
    return db.session.get(commentable.model, number)
