"""Two-factor sign-in pages: the code step of signing in, enrolment, recovery codes, off."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts import two_factor
from consult.accounts.forms import CodeForm, SignInCodeForm, TurnOffTwoFactorForm
from consult.accounts.views import bp
from consult.accounts.views.signing import complete_sign_in, pending_sign_in, pending_user_key
from consult.core.forms import render_form
from consult.core.permissions import is_signed_in, permit
from consult.core.qr import qr_data_uri
from consult.core.services import run_service
from consult.extensions import limiter


def _code_limit():
    return current_app.config["TWO_FACTOR_RATE_LIMIT"]


def _limit_per_address():
    return limiter.limit(_code_limit, methods=["POST"])


def _limit_per_account(key):
    # Per account as well as per address: many addresses cannot share out the guesses.
    return limiter.limit(_code_limit, key_func=key, methods=["POST"])


def _signed_in_user_key():
    return f"two-factor:{current_user.id}"


@bp.route("/account/sign-in/code", methods=["GET", "POST"])
@_limit_per_address()
@_limit_per_account(pending_user_key)
def sign_in_code():
    """The second step of signing in, when two-factor sign-in is on."""
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    pending = pending_sign_in()
    if pending is None:  # none started, or waited too long: the page says to start again
        return render_template("accounts/sign_in_code.html", form=None)
    user, remember, target = pending
    form = SignInCodeForm()
    if form.validate_on_submit() and (
        done := run_service(form, two_factor.check_code, user, form.code.data)
    ):
        if done.result == "recovery":
            left = two_factor.recovery_codes_left(user)
            flash(_("You used a recovery code; %(count)d left.", count=left), "info")
        return complete_sign_in(user, remember=remember, target=target)
    return render_form("accounts/sign_in_code.html", form)


@bp.get("/account/two-factor")
@permit(is_signed_in)
def two_factor_settings():
    return render_template(
        "accounts/two_factor.html",
        codes_left=two_factor.recovery_codes_left(current_user),
        codes_form=CodeForm(),
        off_form=TurnOffTwoFactorForm(),
    )


@bp.route("/account/two-factor/enrol", methods=["GET", "POST"])
@permit(is_signed_in)
@_limit_per_account(_signed_in_user_key)
def two_factor_enrol():
    if two_factor.is_on(current_user):
        return redirect(url_for("accounts.two_factor_settings"))
    form = CodeForm()
    if form.validate_on_submit() and (
        done := run_service(form, two_factor.confirm_enrolment, current_user, form.code.data)
    ):
        flash(_("Two-factor sign-in is on. Other devices have been signed out."), "success")
        return render_template("accounts/recovery_codes.html", codes=done.result)
    if not current_user.totp_secret and not run_service(
        form, two_factor.start_enrolment, current_user
    ):
        return redirect(url_for("accounts.two_factor_settings"))
    uri = two_factor.provisioning_uri(current_user)
    return render_form(
        "accounts/two_factor_enrol.html",
        form,
        qr=qr_data_uri(uri),
        secret=current_user.totp_secret,
    )


@bp.post("/account/two-factor/recovery-codes")
@permit(is_signed_in)
@_limit_per_account(_signed_in_user_key)
def two_factor_recovery_codes():
    form = CodeForm()
    if form.validate_on_submit() and (
        done := run_service(
            form, two_factor.regenerate_recovery_codes, current_user, form.code.data
        )
    ):
        return render_template("accounts/recovery_codes.html", codes=done.result)
    _flash_problems(form)
    return redirect(url_for("accounts.two_factor_settings"))


@bp.post("/account/two-factor/off")
@permit(is_signed_in)
@_limit_per_account(_signed_in_user_key)
def two_factor_off():
    form = TurnOffTwoFactorForm()
    if form.validate_on_submit() and run_service(
        form,
        two_factor.turn_off,
        current_user,
        code=form.code.data,
        password=form.password.data,
    ):
        flash(_("Two-factor sign-in is off."), "success")
    else:
        _flash_problems(form)
    return redirect(url_for("accounts.two_factor_settings"))


def _flash_problems(form):
    for errors in form.errors.values():
        for error in errors:
            flash(error, "error")
