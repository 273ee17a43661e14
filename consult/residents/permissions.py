"""Who may see and change the resident register."""

from consult.core.permissions import is_committee, is_signed_in, predicate


@predicate
def can_manage_register(user):
    """Only the residents' committee sees the register, imports it and verifies residents."""
    return is_committee(user)


@predicate
def can_view_resident(user, resident):
    """The committee sees every entry; a resident sees their own."""
    if can_manage_register(user):
        return True
    return bool(user and user.is_authenticated and resident.user_id == user.id)


@predicate
def can_edit_resident(user, resident):
    """The committee edits entries; nobody edits a purged one (a tombstone)."""
    return can_manage_register(user) and not resident.is_purged


@predicate
def can_correct_own_contact(user, resident):
    """A verified resident corrects the phone and e-mail of their own entry."""
    return bool(
        user and user.is_authenticated and resident.user_id == user.id and not resident.is_purged
    )


@predicate
def can_manage_household(user, household):
    return can_manage_register(user)


@predicate
def can_name_place(user, place):
    """Grids and buildings are named (in each content language) by the committee."""
    return can_manage_register(user)


@predicate
def can_print_letters(user, invitations):
    return can_manage_register(user)


@predicate
def can_revoke_invitation(user, invitation):
    return can_manage_register(user)


@predicate
def can_follow_import(user, job):
    return can_manage_register(user)


@predicate
def has_own_entry_page(user):
    """Signed-in people other than the committee (who have the whole register) see
    their own entry."""
    return is_signed_in(user) and not is_committee(user)


@predicate
def can_redeem_invitation(user, invitation):
    """Anyone holding the letter may open it; the page then asks them to sign in."""
    return True
