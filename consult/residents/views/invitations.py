"""Invitation letters for the committee, and the invitation link a resident opens."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.accounts.forms import SignUpForm
from consult.accounts.views import sign_up_from_form
from consult.core.forms import render_form
from consult.core.navigation import safe_next_url
from consult.core.permissions import load, parse_id, permit
from consult.core.services import run_service
from consult.extensions import db, limiter
from consult.i18n import community_name, remember_language
from consult.residents import invitations, services
from consult.residents.forms import InvitationForm, RedeemForm
from consult.residents.models import Household, Resident
from consult.residents.permissions import (
    can_edit_resident,
    can_manage_household,
    can_manage_register,
    can_print_letters,
)
from consult.residents.places import name_of
from consult.residents.views import bp
from consult.residents.views.register import register_filters

MAX_LETTERS = 500
LETTER_LOCALES = ("zh_Hans", "en")  # letters are bilingual whatever the reader's language


def _invitation_days():
    form = InvitationForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return None
    return form.days.data


def _back():
    """Back to the page the form was on (same site only), else the register."""
    return redirect(safe_next_url(request.form.get("next")) or url_for("residents.register"))


def _letters_for(**targets):
    """Make invitation codes for ``households=[...]`` or ``residents=[...]``, show the letters."""
    days = _invitation_days()
    if days is None:
        return _back()
    form = InvitationForm()
    done = run_service(form, invitations.create_invitations, current_user, days=days, **targets)
    if not done:
        for error in form.form_errors:
            flash(error, "error")
        return _back()
    return redirect(url_for("residents.letters", batch=done.result))


@bp.post("/register/households/<id:household_id>/invitation")
@load("household_id", Household, permit=can_manage_household)
def invite_household(household):
    return _letters_for(households=[household])


@bp.post("/register/residents/<id:resident_id>/invitation")
@load("resident_id", Resident, permit=can_edit_resident)
def invite_resident(resident):
    return _letters_for(residents=[resident])


@bp.post("/register/invitations")
@permit(can_manage_register)
def invite_filtered():
    """One letter per household in the register list as filtered (its query string)."""
    days = _invitation_days()
    if days is None:
        return _back()
    residents = services.filtered_register(**register_filters()).order_by(None)
    households = db.session.scalars(
        select(Household)
        .where(Household.id.in_(residents.with_only_columns(Resident.household_id)))
        .order_by(Household.code)
        .limit(MAX_LETTERS + 1)
    ).all()
    if not households:
        flash(_("No household matches this list; no letters were made."), "error")
        return _back()
    if len(households) > MAX_LETTERS:
        flash(
            _(
                "More than %(max)d households match; choose a grid or a building to print fewer letters at once.",
                max=MAX_LETTERS,
            ),
            "error",
        )
        return _back()
    return _letters_for(households=households)


def _letter_text(invitation, household, url):
    """The letter's words in each of LETTER_LOCALES."""
    texts = {}
    for locale in LETTER_LOCALES:
        address_values = {
            "building": name_of(household.building, locale),
            "unit": household.unit or "—",
            "room": household.room or "—",
        }
        with force_locale(locale):
            if invitation.resident_id:
                greeting = _("To %(name)s, household %(code)s", name=invitation.resident.full_name, code=household.code)  # fmt: skip
                use = _("This invitation code is for you alone. It works once, until %(date)s.", date=format_date(invitation.expires_at, "long"))  # fmt: skip
            else:
                greeting = _("To the residents of household %(code)s", code=household.code)
                use = _("This invitation code works once, for one member of the household, until %(date)s. Other members can ask the residents' committee for their own letter.", date=format_date(invitation.expires_at, "long"))  # fmt: skip
            texts[locale] = {
                "title": _("Your invitation code"),
                "greeting": greeting,
                "address": _(
                    "Building %(building)s, unit %(unit)s, room %(room)s", **address_values
                ),
                "body": _(
                    "The residents' committee invites you to take part in the consultations, polls and elections of %(community)s online. Scan the QR code with your phone's camera, or type the address below, then sign up or sign in: you become a verified resident and can vote in the polls you are eligible for.",
                    community=community_name(locale),
                ),  # fmt: skip
                "use": use,
                "help": _("Questions? Ask the residents' committee or your grid's social worker."),
            }
    return texts


@bp.get("/register/invitations/<batch>")
@load("batch", invitations.batch_or_none, permit=can_print_letters, into="found")
def letters(found):
    letters = []
    for invitation in found:
        if invitation.used_at is not None:
            continue
        household = invitation.target_household()
        url = invitations.invitation_url(invitation)
        letters.append(
            {
                "invitation": invitation,
                "household": household,
                "url": url,
                "qr": invitations.qr_data_uri(url),
                "texts": _letter_text(invitation, household, url),
            }
        )
    return render_template(
        "residents/letters.html", letters=letters, used=len(found) - len(letters)
    )


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
@limiter.limit(lambda: current_app.config["SIGN_UP_RATE_LIMIT"], methods=["POST"])
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
