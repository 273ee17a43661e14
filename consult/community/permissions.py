"""Who may change the community's contact details and privacy notice."""

from consult.core.permissions import is_committee, predicate


@predicate
def can_manage_community(user):
    """The residents' committee writes its contact details and its privacy notice."""
    return is_committee(user)
