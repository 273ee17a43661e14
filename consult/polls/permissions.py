"""Who may see and do what with polls.

Everyone sees polls and their published results; the signed in may try to vote (the poll
page says whether they may and why not); the residents' committee runs polls. Nobody, the
committee included, can see who voted what: no page or predicate offers it.
"""

from consult.core.permissions import is_committee, is_signed_in, predicate


@predicate
def can_manage_polls(user):
    return is_committee(user)


@predicate
def can_see_poll(user, poll):
    return True


@predicate
def can_try_voting(user, poll):
    """The ballot pages: signed in (whether this person may vote is the page's answer)."""
    return is_signed_in(user)


@predicate
def can_manage_poll(user, poll):
    return can_manage_polls(user)


@predicate
def can_see_ballot_list(user, poll):
    """The published ballot list is public; before publication the page is not there."""
    return True
