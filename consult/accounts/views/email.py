"""Changing the account's e-mail address: asked on "My account", confirmed from the link."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts import email_change
from consult.accounts.forms import EmailChangeForm
from consult.accounts.views import bp
from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import is_signed_in, permit
from consult.core.services import ServiceError, run_service
from consult.i18n import current_locale_name


@bp.route("/account/email", methods=["GET", "POST"])
@permit(is_signed_in)
def change_email():
    form = EmailChangeForm()
    if form.validate_on_submit() and (
        done := run_service(
            form,
            email_change.ask_email_change,
            current_user,
            form.email.data,
            form.password.data,
            current_locale_name(),
        )
    ):
        flash(
            _(
                "We have sent a link to %(email)s: open it to confirm the change.",
                email=done.result,
            ),
            "info",
        )
        return redirect(url_for("accounts.profile"))
    return render_form("accounts/email_change.html", form)


@bp.route("/account/email/<token>", methods=["GET", "POST"])
def confirm_email_change(token):
    """Anyone holding the link may confirm (it went to the new address); a button, so that
    a mail scanner following links changes nothing."""
    form = ConfirmForm()
    try:
        _user, email = email_change.pending_change(token)
    except ServiceError as error:
        return render_template(
            "accounts/email_confirm.html", messages=error.messages, form=form
        ), 400
    if form.validate_on_submit() and run_service(form, email_change.confirm_email_change, token):
        flash(_("Your e-mail address is now %(email)s.", email=email), "success")
        return redirect(url_for("core.index"))
    return render_template(
        "accounts/email_confirm.html", messages=form.form_errors, email=email, form=form
    ), 422 if form.form_errors else 200
