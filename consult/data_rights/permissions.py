"""Who may see and decide what in the data-rights pages."""

from consult.core.permissions import is_committee, is_signed_in, predicate


@predicate
def can_see_own_data(user):
    """Everyone signed in sees what Consult holds about them, and may ask for deletion."""
    return is_signed_in(user)


@predicate
def can_handle_data_requests(user):
    """The residents' committee decides deletion requests and exports everything."""
    return is_committee(user)


@predicate
def can_decide_deletion(user, request):
    return is_committee(user)
