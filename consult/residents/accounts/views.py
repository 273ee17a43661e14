from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from consult.core.forms import form_status
from consult.core.navigation import safe_next_url
from consult.extensions import db, limiter
from consult.i18n import current_locale_name, remember_language
from consult.residents.accounts import bp, services
from consult.residents.accounts.forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    ProfileForm,
    ResetPasswordForm,
    SignInForm,
    SignUpForm,
)


def _limit(config_key):
    return limiter.limit(lambda: current_app.config[config_key], methods=["POST"])


def _show_account_error(form, error):
    field = getattr(form, error.field, None) if error.field else None
    target = field.errors if field is not None else form.form_errors
    target.extend(error.messages)


def sign_up_from_form(form):
    """Create and sign in the account a submitted SignUpForm describes.

    Returns the new user, or None with the problems added to the form.
    """
    if request.method == "GET":
        form.preferred_locale.data = current_locale_name()
    if not form.validate_on_submit():
        return None
    try:
        user = services.create_user(
            form.email.data,
            form.display_name.data,
            form.password.data,
            locale=form.preferred_locale.data,
        )
    except services.AccountError as error:
        db.session.rollback()
        _show_account_error(form, error)
        return None
    db.session.commit()
    login_user(user)
    return user


@bp.route("/sign-up", methods=["GET", "POST"])
@_limit("SIGN_UP_RATE_LIMIT")
def sign_up():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = SignUpForm()
    user = sign_up_from_form(form)
    if user:
        flash(_("Welcome, %(name)s! Your account is ready.", name=user.display_name), "success")
        return remember_language(redirect(url_for("core.index")), user.preferred_locale)
    return render_template("accounts/sign_up.html", form=form), form_status(form)


@bp.route("/sign-in", methods=["GET", "POST"])
@_limit("SIGN_IN_RATE_LIMIT")
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.form_errors.append(_("The e-mail address or password is not correct."))
        else:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            flash(_("You are signed in."), "success")
            target = safe_next_url(request.args.get("next")) or url_for("core.index")
            response = redirect(target)
            if user.preferred_locale:
                remember_language(response, user.preferred_locale)
            return response
    return render_template("accounts/sign_in.html", form=form), form_status(form)


@bp.post("/sign-out")
@login_required
def sign_out():
    from flask_wtf import FlaskForm

    if FlaskForm().validate_on_submit():
        logout_user()
        flash(_("You are signed out."), "info")
    return redirect(url_for("core.index"))


@bp.route("/forgot-password", methods=["GET", "POST"])
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
    return render_template("accounts/forgot_password.html", form=form), form_status(form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@_limit("RESET_RATE_LIMIT")
def reset_password(token):
    try:
        services.user_for_reset_token(token)
    except services.AccountError as error:
        return render_template(
            "accounts/reset_link_problem.html", messages=error.messages, form=ForgotPasswordForm()
        ), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, form.password.data)
        except services.AccountError as error:
            db.session.rollback()
            _show_account_error(form, error)
        else:
            db.session.commit()
            login_user(user)
            flash(_("Your password has been changed. You are signed in."), "success")
            return redirect(url_for("core.index"))
    return render_template("accounts/reset_password.html", form=form), form_status(form)


@bp.route("/", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.display_name = form.display_name.data.strip()
        current_user.preferred_locale = form.preferred_locale.data
        db.session.commit()
        flash(_("Your profile has been saved."), "success")
        return remember_language(redirect(url_for("accounts.profile")), form.preferred_locale.data)
    return render_template("accounts/profile.html", form=form), form_status(form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.password.data)
        except services.AccountError as error:
            db.session.rollback()
            _show_account_error(form, error)
        else:
            db.session.commit()
            # This session gets the new token; every other one is signed out.
            login_user(current_user._get_current_object())
            flash(
                _("Your password has been changed. Other devices have been signed out."), "success"
            )
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/change_password.html", form=form), form_status(form)
