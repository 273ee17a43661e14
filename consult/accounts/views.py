"""Sign up, sign in and out, password reset and change, profile, the language switch."""

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from consult.accounts import services
from consult.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    ProfileForm,
    ResetPasswordForm,
    SignInForm,
    SignUpForm,
)
from consult.core.forms import ConfirmForm, LanguageForm, render_form
from consult.core.navigation import safe_next_url
from consult.core.permissions import is_signed_in, permit
from consult.core.rate_limits import counted_when, limit_form_posts
from consult.core.services import ServiceError, run_service
from consult.extensions import limiter
from consult.i18n import UI_LOCALES, current_locale_name, remember_language

bp = Blueprint("accounts", __name__)


def _limit(config_key):
    return limiter.limit(lambda: current_app.config[config_key], methods=["POST"])


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


def _sign_up_page(message):
    return render_template("accounts/sign_up.html", form=kept_sign_up_form(message))


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
    login_user(done.result)
    return done.result


@bp.route("/account/sign-up", methods=["GET", "POST"])
@sign_up_limits(_sign_up_page)
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = SignUpForm()
    user = sign_up_from_form(form)
    if user:
        flash(_("Welcome, %(name)s! Your account is ready.", name=user.display_name), "success")
        return remember_language(redirect(url_for("core.index")), user.preferred_locale)
    return render_form("accounts/sign_up.html", form)


@bp.route("/account/sign-in", methods=["GET", "POST"])
@_limit("SIGN_IN_RATE_LIMIT")
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = SignInForm()
    if form.validate_on_submit() and (
        done := run_service(form, services.authenticate, form.email.data, form.password.data)
    ):
        user = done.result
        login_user(user, remember=form.remember.data)
        flash(_("You are signed in."), "success")
        target = safe_next_url(request.args.get("next")) or url_for("core.index")
        response = redirect(target)
        if user.preferred_locale:
            remember_language(response, user.preferred_locale)
        return response
    return render_form("accounts/sign_in.html", form)


@bp.post("/account/sign-out")
@permit(is_signed_in)
def sign_out():
    if ConfirmForm().validate_on_submit():
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("core.index"))


@bp.route("/account/forgot-password", methods=["GET", "POST"])
@_limit("RESET_RATE_LIMIT")
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.send_password_reset(form.email.data, current_locale_name())
        flash(
            _(
                "If an account uses %(email)s, we have sent it a link to choose a new password.",
                email=form.email.data,
            ),
            "info",
        )
        return redirect(url_for("accounts.sign_in"))
    return render_form("accounts/forgot_password.html", form)


@bp.route("/account/reset-password/<token>", methods=["GET", "POST"])
@_limit("RESET_RATE_LIMIT")
def reset_password(token):
    try:
        services.user_for_reset_token(token)
    except ServiceError as error:
        return render_template(
            "accounts/reset_link_problem.html", messages=error.messages, form=ForgotPasswordForm()
        ), 400
    form = ResetPasswordForm()
    if form.validate_on_submit() and (
        done := run_service(form, services.reset_password, token, form.password.data)
    ):
        login_user(done.result)
        flash(_("Your password has been changed. You are signed in."), "success")
        return redirect(url_for("core.index"))
    return render_form("accounts/reset_password.html", form)


@bp.route("/account/", methods=["GET", "POST"])
@permit(is_signed_in)
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit() and run_service(
        form,
        services.update_profile,
        current_user,
        display_name=form.display_name.data,
        preferred_locale=form.preferred_locale.data,
    ):
        flash(_("Your profile has been saved."), "success")
        return remember_language(redirect(url_for("accounts.profile")), form.preferred_locale.data)
    return render_form("accounts/profile.html", form)


@bp.route("/account/password", methods=["GET", "POST"])
@permit(is_signed_in)
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit() and run_service(
        form,
        services.change_password,
        current_user,
        form.current_password.data,
        form.password.data,
    ):
        # This session gets the new token; every other one is signed out.
        login_user(current_user._get_current_object())
        flash(_("Your password has been changed. Other devices have been signed out."), "success")
        return redirect(url_for("accounts.profile"))
    return render_form("accounts/change_password.html", form)


@bp.post("/language")
def set_language():
    """The language switcher: remembered in a cookie and in the signed-in user's profile."""
    form = LanguageForm()
    locale = request.form.get("locale")
    target = safe_next_url(request.form.get("next")) or url_for("core.index")
    if not form.validate_on_submit() or locale not in UI_LOCALES:
        return redirect(target)
    if current_user.is_authenticated and not run_service(
        form, services.set_preferred_locale, current_user, locale
    ):
        return redirect(target)
    return remember_language(redirect(target), locale)
