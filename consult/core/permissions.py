"""Role checks. Views ask these predicates, in one place per view."""

from functools import wraps

from flask import abort
from flask_login import current_user

RESIDENT = "resident"
TRANSLATOR = "translator"
COMMITTEE = "committee"
ROLES = (RESIDENT, TRANSLATOR, COMMITTEE)


def has_role(user, *roles):
    return bool(user and user.is_authenticated and user.role in roles)


def is_committee(user):
    return has_role(user, COMMITTEE)


def can_translate(user):
    # Committee members do everything a translator does.
    return has_role(user, TRANSLATOR, COMMITTEE)


def role_required(*roles):
    """Signed-out readers are sent to sign in; signed-in readers without the role get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from consult.extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        # Read by the test that walks every route as every role.
        wrapped.required_roles = roles
        return wrapped

    return decorator


committee_required = role_required(COMMITTEE)
