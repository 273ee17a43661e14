"""Who may do what: roles, named predicates, and the decorators views use.

Each domain writes small predicates in its ``permissions.py`` and marks them with
``@predicate``: ``can_manage_register(user)``, ``can_view_resident(user, resident)``.
Views ask them in one place, through a decorator:

- ``@permit(can_manage_register)``: a page about no particular object;
- ``@load("resident_id", Resident, permit=can_view_resident)``: loads the object named in
  the URL (404 when missing or malformed) and asks the predicate about it.

Refused readers who are signed out are sent to sign in; signed-in ones get 403. Templates ask
the same predicates by name: ``{% if can("edit_resident", resident) %}``. The route-walker
test reads ``view.permission`` to know what every route requires.
"""

from functools import wraps

from flask import abort, current_app, flash, has_request_context, redirect, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import BaseConverter, ValidationError

from consult.core.enums import Choice

# The largest id any table holds: PostgreSQL's integer. Larger ids in a URL are a 404.
MAX_ID = 2**31 - 1


class Role(Choice):
    RESIDENT = "resident", _l("Resident")
    TRANSLATOR = "translator", _l("Translator")
    COMMITTEE = "committee", _l("Committee member")


RESIDENT, TRANSLATOR, COMMITTEE = Role.RESIDENT, Role.TRANSLATOR, Role.COMMITTEE
ROLES = Role.values()

PREDICATES = {}


def predicate(function):
    """Register a permission predicate under its name, for templates' ``can(...)``."""
    PREDICATES[function.__name__] = function
    return function


# Where a committee member is sent to turn on two-factor sign-in.
TWO_FACTOR_ENROLMENT = "accounts.two_factor_enrol"


def committee_locked(user):
    """A committee member who must turn on two-factor sign-in before using the role.

    Under REQUIRE_COMMITTEE_2FA, on the web, such a member has none of the committee's
    powers (pages, links, services) until enrolled; refuse() sends them to enrol. The
    command line is the operator's and is not locked.
    """
    return bool(
        user
        and user.is_authenticated
        and user.role == COMMITTEE
        and has_request_context()
        and current_app.config.get("REQUIRE_COMMITTEE_2FA")
        and not getattr(user, "two_factor_on", False)
    )


def has_role(user, *roles):
    """Whether ``user`` holds one of ``roles`` (and may use it: see committee_locked)."""
    if not (user and user.is_authenticated and user.role in roles):
        return False
    return not committee_locked(user)


@predicate
def is_committee(user):
    return has_role(user, COMMITTEE)


@predicate
def can_translate(user):
    # Committee members do everything a translator does.
    return has_role(user, TRANSLATOR, COMMITTEE)


@predicate
def is_signed_in(user):
    return bool(user and user.is_authenticated)


def can(name, *objects):
    """Templates' question: may the current user do ``name`` (to ``objects``)?"""
    return bool(PREDICATES[name](current_user, *objects))


def refuse():
    """Send a signed-out reader to sign in; tell a signed-in one it is not allowed (403)."""
    if not current_user.is_authenticated:
        from consult.extensions import login_manager

        abort(login_manager.unauthorized())
    if committee_locked(current_user):
        flash(_l("Turn on two-factor sign-in to open the residents' committee's pages."), "info")
        abort(redirect(url_for(TWO_FACTOR_ENROLMENT)))
    abort(403)


def permit(check):
    """Allow the view only to users for whom ``check(user)`` holds."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not check(current_user):
                refuse()
            return view(*args, **kwargs)

        wrapped.permission = check
        return wrapped

    return decorator


def parse_id(value):
    """An id from a URL or a form: a whole number from 1 to MAX_ID, else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 10:
        number = int(value)
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def fetch_or_404(model, value):
    """The row of ``model`` whose id is ``value``; 404 when malformed, too large or missing."""
    from consult.extensions import db

    number = parse_id(value)
    row = db.session.get(model, number) if number is not None else None
    if row is None:
        abort(404)
    return row


def load(arg, source, *, permit=None, into=None):
    """Load the object named by URL argument ``arg`` and hand it to the view.

    ``source`` is a model (looked up by id) or a callable taking the URL value and returning
    the object or None. The view gets it as ``into`` (default: ``arg`` without ``_id``).
    ``permit(user, obj)`` is asked next; a refusal is a 403 (or sign-in for the signed out).
    """
    target = into or arg.removesuffix("_id")

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            value = kwargs.pop(arg)
            if isinstance(source, type):
                obj = fetch_or_404(source, value)
            else:
                obj = source(value)
                if obj is None:
                    abort(404)
            if permit is not None and not permit(current_user, obj):
                refuse()
            kwargs[target] = obj
            return view(*args, **kwargs)

        wrapped.permission = permit
        wrapped.loads = (arg, source)
        return wrapped

    return decorator


class IdConverter(BaseConverter):
    """``<id:name>``: a database id; anything else (0, 25 nines, letters) matches no route."""

    regex = r"[1-9][0-9]{0,9}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValidationError()
        return number

    def to_url(self, value):
        return str(int(value))
