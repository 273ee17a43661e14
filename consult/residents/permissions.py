"""Who may see and change the resident register."""

from consult.core.permissions import is_committee


def can_manage_register(user):
    """Only the residents' committee sees the register, imports it and verifies residents."""
    return is_committee(user)


def can_view_resident(user, resident):
    """The committee sees every entry; a resident sees their own."""
    if can_manage_register(user):
        return True
    return bool(user and user.is_authenticated and resident.user_id == user.id)
