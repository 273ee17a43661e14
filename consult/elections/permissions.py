"""Who may see and change elections. Helpers (observers, volunteers) need no account: their
pages are reached by signed links, checked by the views."""

from consult.core.permissions import is_committee, is_signed_in, predicate


@predicate
def can_manage_elections(user):
    """The residents' committee prepares elections."""
    return is_committee(user)


@predicate
def can_manage_election(user, election):
    return is_committee(user)


@predicate
def can_view_election(user, election):
    """An election's public page: anyone (its voter list never is)."""
    return True


@predicate
def can_see_own_listing(user, election):
    """A signed-in resident sees whether they are on the voter list, and the proxy list."""
    return is_signed_in(user)


@predicate
def can_manage_station(user, station):
    return is_committee(user)


@predicate
def can_manage_shift(user, shift):
    return is_committee(user)


@predicate
def can_manage_candidate(user, candidate):
    return is_committee(user)


@predicate
def can_decide_objection(user, objection):
    return is_committee(user)


@predicate
def can_manage_staff(user, staff):
    return is_committee(user)


@predicate
def can_manage_proxy(user, proxy):
    return is_committee(user)


@predicate
def can_decide_assignment(user, assignment):
    return is_committee(user)


@predicate
def can_manage_relation(user, relation):
    return is_committee(user)


@predicate
def can_manage_mobile_voter(user, mobile_voter):
    return is_committee(user)


# Election day ------------------------------------------------------------------------------


@predicate
def can_count_election(user, election):
    """The committee begins the count, enters stations' counts, answers objections and
    declares the results."""
    return is_committee(user)


@predicate
def can_enter_count(user, station):
    return is_committee(user)


@predicate
def can_schedule_second_round(user, contest):
    return is_committee(user)


@predicate
def can_answer_review(user, review):
    return is_committee(user)


@predicate
def can_view_results(user, election):
    """The count is public: counted in public, announced on the spot, declared to all."""
    return True
