"""The last steps of signing in, shared by the password page and the code page.

With two-factor sign-in on, the password step only remembers (in the signed session
cookie, for a few minutes) who is signing in; the session starts after the code.
"""

import time

from flask import flash, redirect, session, url_for
from flask_babel import gettext as _

from consult.accounts import sessions, two_factor
from consult.accounts.models import User
from consult.core.permissions import committee_locked
from consult.extensions import db
from consult.i18n import remember_language

PENDING = "two_factor_pending"
PENDING_SECONDS = 300


def finish_sign_in(user, *, remember, target):
    """After the password: ask for the code when two-factor sign-in is on, else sign in."""
    if two_factor.is_on(user):
        session[PENDING] = {
            "user": user.id,
            "remember": bool(remember),
            "next": target,
            "at": int(time.time()),
        }
        return redirect(url_for("accounts.sign_in_code"))
    return complete_sign_in(user, remember=remember, target=target)


def pending_sign_in():
    """(user, remember, target) of a sign-in waiting for its code, or None (none, expired)."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("user"))
    if user is None or not user.active or not two_factor.is_on(user):
        return None
    return user, bool(pending.get("remember")), pending.get("next") or url_for("core.index")


def pending_user_key():
    """Rate-limit key for code attempts: per account waiting for its code."""
    pending = session.get(PENDING)
    return f"two-factor:{pending.get('user') if isinstance(pending, dict) else None}"


def complete_sign_in(user, *, remember, target):
    session.pop(PENDING, None)
    sessions.begin_session(user, remember=remember)
    flash(_("You are signed in."), "success")
    if committee_locked(user):
        flash(_("Turn on two-factor sign-in to open the residents' committee's pages."), "info")
        target = url_for("accounts.two_factor_enrol")
    response = redirect(target)
    if user.preferred_locale:
        remember_language(response, user.preferred_locale)
    return response
