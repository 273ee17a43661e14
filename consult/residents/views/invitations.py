"""What a resident opens from their letter: the QR link at /invitation/<token>, or the
short code typed at /invitation; both lead to sign up or sign in, then to confirming who
they are."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from consult.accounts.forms import SignUpForm
from consult.accounts.signup import kept_sign_up_form, sign_up_from_form, sign_up_limits
from consult.core.forms import render_form
from consult.core.permissions import parse_id
from consult.core.rate_limits import limit_form_posts
from consult.core.services import run_service
from consult.i18n import remember_language
from consult.residents import invitations, services
from consult.residents.forms import CodeForm, RedeemForm
from consult.residents.views import bp

TOO_MANY_CODES = _l("Too many codes were tried from your network. Please wait %(wait)s and try again.")  # fmt: skip


def _code_page(message):
    form = CodeForm()
    form.form_errors.append(message)
    return render_template("residents/enter_code.html", form=form)


def _sign_up_page(message):
    token = request.view_args["token"]
    invitation = invitations.invitation_for_token(token)
    return render_template(
        "residents/invitation_sign_up.html",
        form=kept_sign_up_form(message),
        invitation=invitation,
        household=invitation.target_household(),
        token=token,
    )


@bp.route("/invitation", methods=["GET", "POST"])
@limit_form_posts("INVITATION_CODE_RATE_LIMIT", _code_page, TOO_MANY_CODES)
def enter_code():
    """The short code from the letter, typed: accepted exactly as the QR link is."""
    form = CodeForm()
    if form.validate_on_submit() and (
        done := run_service(form, invitations.invitation_for_code, form.code.data)
    ):
        return redirect(url_for("residents.invitation", token=invitations.invitation_token(done.result)))  # fmt: skip
    return render_form("residents/enter_code.html", form)


def _problem_page(problem):
    return render_template("residents/invitation_problem.html", message=problem.message), 400


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def invitation(token):
    """The link on the letter: sign up or sign in, then confirm which resident you are."""
    try:
        invitation = invitations.invitation_for_token(token)
    except invitations.InvitationProblem as problem:
        return _problem_page(problem)
    household = invitation.target_household()
    context = {"invitation": invitation, "household": household, "token": token}
    if not current_user.is_authenticated:
        return render_template("residents/invitation.html", **context)
    form = RedeemForm()
    if form.validate_on_submit() and (
        done := run_service(
            form,
            invitations.redeem_invitation,
            invitation,
            current_user,
            parse_id(request.form.get("resident", "")),
        )
    ):
        resident = done.result
        flash(
            _(
                "Welcome, %(name)s: you are now a verified resident of household %(code)s.",
                name=resident.full_name,
                code=resident.household.code,
            ),
            "success",
        )
        return redirect(url_for("residents.my_entry"))
    return render_form(
        "residents/invitation.html",
        form,
        linked=services.resident_of(current_user),
        candidates=invitations.candidates(invitation),
        **context,
    )


@bp.route("/invitation/<token>/sign-up", methods=["GET", "POST"])
@sign_up_limits(_sign_up_page)
def invitation_sign_up(token):
    """Create an account right from the letter, then come back to confirm."""
    try:
        invitation = invitations.invitation_for_token(token)
    except invitations.InvitationProblem as problem:
        return _problem_page(problem)
    back = url_for("residents.invitation", token=token)
    if current_user.is_authenticated:
        return redirect(back)
    form = SignUpForm()
    user = sign_up_from_form(form)
    if user:
        return remember_language(redirect(back), user.preferred_locale)
    return render_form(
        "residents/invitation_sign_up.html",
        form,
        invitation=invitation,
        household=invitation.target_household(),
        token=token,
    )
