"""Sign up, sign in and out, password reset and change, profile, the language switch."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from consult.accounts import services, sessions
from consult.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    ProfileForm,
    ResetPasswordForm,
    SignInForm,
    SignUpForm,
)
from consult.accounts.signup import kept_sign_up_form, sign_up_from_form, sign_up_limits
from consult.accounts.views import bp
from consult.accounts.views.signing import finish_sign_in
from consult.core.forms import ConfirmForm, LanguageForm, render_form
from consult.core.navigation import safe_next_url
from consult.core.permissions import is_signed_in, permit
from consult.core.services import ServiceError, run_service
from consult.extensions import db, limiter
from consult.i18n import UI_LOCALES, current_locale_name, remember_language


def _limit(config_key):
    return limiter.limit(lambda: current_app.config[config_key], methods=["POST"])


def _sign_up_page(message):
    return render_template("accounts/sign_up.html", form=kept_sign_up_form(message))


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
        target = safe_next_url(request.args.get("next")) or url_for("core.index")
        return finish_sign_in(done.result, remember=form.remember.data, target=target)
    return render_form("accounts/sign_in.html", form)


@bp.post("/account/sign-out")
@permit(is_signed_in)
def sign_out():
    if ConfirmForm().validate_on_submit():
        # The session's row goes: its cookies open nothing again, in any app process.
        sessions.end_session(current_user)
        db.session.commit()
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("core.index"))


@bp.route("/account/forgot-password", methods=["GET", "POST"])
@_limit("RESET_RATE_LIMIT")
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit() and run_service(
        form, services.send_password_reset, form.email.data, current_locale_name()
    ):
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
        flash(_("Your password has been changed."), "success")
        return finish_sign_in(done.result, remember=False, target=url_for("core.index"))
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
    return render_form(
        "accounts/profile.html",
        form,
        sessions=sessions.sessions_of(current_user),
        sign_out_others_form=ConfirmForm(),
    )


@bp.post("/account/sessions/sign-out-others")
@permit(is_signed_in)
def sign_out_other_devices():
    if ConfirmForm().validate_on_submit():
        ended = sessions.end_other_sessions(current_user)
        db.session.commit()
        flash(_("Other devices signed out: %(count)d.", count=ended), "success")
    return redirect(url_for("accounts.profile"))


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
        # The service ended every session: this browser gets a new one.
        user = current_user._get_current_object()
        sessions.begin_session(user, remember=user.session_remember)
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
