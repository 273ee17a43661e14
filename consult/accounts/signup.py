"""Signing up: the account and its answer to the privacy notice in one transaction, and
the limits that stop floods of accounts without locking out a person correcting typos.

The sign-up page and an invitation letter's sign-up page (residents) both use these.
"""

from flask import g, request
from flask_babel import lazy_gettext as _l

from consult.accounts import services, sessions
from consult.accounts.forms import SignUpForm
from consult.core.rate_limits import counted_when, limit_form_posts
from consult.core.services import run_service
from consult.i18n import current_locale_name

# Sign-up limits stop floods of accounts: SIGN_UP_RATE_LIMIT counts accounts made (a person
# correcting typos is never locked out), SIGN_UP_ATTEMPT_RATE_LIMIT every attempt. Either
# keeps the form and says how long to wait.
TOO_MANY_ACCOUNTS = _l("Too many accounts have been made from your network. Please wait %(wait)s and try again: what you typed is kept.")  # fmt: skip
TOO_MANY_ATTEMPTS = _l("Too many attempts from your network. Please wait %(wait)s and try again: what you typed is kept.")  # fmt: skip


def sign_up_limits(render):
    """The two sign-up limits, for any page with the sign-up form (``render(message)``)."""

    def decorator(view):
        view = limit_form_posts("SIGN_UP_ATTEMPT_RATE_LIMIT", render, TOO_MANY_ATTEMPTS)(view)
        return limit_form_posts(
            "SIGN_UP_RATE_LIMIT",
            render,
            TOO_MANY_ACCOUNTS,
            deduct_when=counted_when("account_created"),
        )(view)

    return decorator


def kept_sign_up_form(message):
    """The sign-up form as it was sent (passwords aside), with ``message`` above it."""
    form = SignUpForm()
    form.form_errors.append(message)
    return form


def _create_account(form):
    """The account, and its answer to the privacy notice version shown (one transaction)."""
    from consult.community.services import record_sign_up_consent

    user = services.create_user(
        form.email.data,
        form.display_name.data,
        form.password.data,
        locale=form.preferred_locale.data,
    )
    shown = form.privacy_version.data
    shown = int(shown) if shown and shown.isdigit() else -1
    record_sign_up_consent(user, shown, form.privacy_consent.data)
    return user


def sign_up_from_form(form):
    """Create and sign in the account a submitted SignUpForm describes.

    Returns the new user, or None with the problems on the form. The invitation letter's
    sign-up page (residents) uses it too.
    """
    from consult.community.services import current_notice_number

    if request.method == "GET":
        form.preferred_locale.data = current_locale_name()
    done = form.validate_on_submit() and run_service(form, _create_account, form)
    if not done:
        # The page shows the notice in force: the form now answers to that one.
        form.privacy_version.data = str(current_notice_number())
        if form.privacy_consent.errors:
            form.privacy_consent.data = False
        return None
    g.account_created = True  # counted by the sign-up limit
    sessions.begin_session(done.result)
    return done.result
