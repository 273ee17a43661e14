"""Invitation letters for the committee: make them (for a household, a resident, or a
filtered list after a confirmation), print them, and revoke a lost one."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.core.urls import external_url_for
from consult.extensions import db
from consult.i18n import community_name
from consult.residents import invitations, services
from consult.residents.eligibility import current_residents
from consult.residents.forms import InvitationForm
from consult.residents.models import Household, Invitation, Resident
from consult.residents.permissions import (
    can_edit_resident,
    can_manage_household,
    can_manage_register,
    can_print_letters,
    can_revoke_invitation,
)
from consult.residents.places import name_of
from consult.residents.views import bp
from consult.residents.views.register import (
    household_page,
    register_filters,
    register_page,
    resident_page,
)

MAX_LETTERS = 500
LETTER_LOCALES = ("zh_Hans", "en")  # letters are bilingual whatever the reader's language


def _make_letters(form, **targets):
    """Letters for ``households=[...]`` or ``residents=[...]``: the letters page, or None
    with the problems on ``form``."""
    done = run_service(
        form, invitations.create_invitations, current_user, days=form.days.data, **targets
    )
    return redirect(url_for("residents.letters", batch=done.result)) if done else None


@bp.post("/register/households/<id:household_id>/invitation")
@load("household_id", Household, permit=can_manage_household)
def invite_household(household):
    form = InvitationForm()
    if form.validate_on_submit() and (done := _make_letters(form, households=[household])):
        return done
    return household_page(household, invitation_form=form)


@bp.post("/register/residents/<id:resident_id>/invitation")
@load("resident_id", Resident, permit=can_edit_resident)
def invite_resident(resident):
    form = InvitationForm()
    if form.validate_on_submit() and (done := _make_letters(form, residents=[resident])):
        return done
    return resident_page(resident, invitation_form=form)


def _filtered_households(form):
    """The households of the register list as filtered (its query string), or None with
    the reason on the form."""
    # Letters go to people living here, whatever the list shows.
    residents = current_residents(services.filtered_register(**register_filters()).order_by(None))
    households = db.session.scalars(
        select(Household)
        .where(Household.id.in_(residents.with_only_columns(Resident.household_id)))
        .order_by(Household.code)
        .limit(MAX_LETTERS + 1)
    ).all()
    if not households:
        form.form_errors.append(_("No household matches this list; no letters were made."))
        return None
    if len(households) > MAX_LETTERS:
        form.form_errors.append(
            _(
                "More than %(max)d households match; choose a grid or a building to print fewer letters at once.",
                max=MAX_LETTERS,
            )
        )
        return None
    return households


@bp.post("/register/invitations")
@permit(can_manage_register)
def invite_filtered():
    """One letter per household in the register list as filtered: first a page that says
    how many letters will be made (and replaced), then, when confirmed, the letters."""
    form = InvitationForm()
    if not form.validate_on_submit() or (households := _filtered_households(form)) is None:
        return register_page(invitation_form=form)
    if request.form.get("confirm") == "yes" and (done := _make_letters(form, households=households)):  # fmt: skip
        return done
    args = {key: value for key, value in request.args.items() if value}
    return render_form(
        "residents/letters_confirm.html",
        form,
        households=len(households),
        replaced=len(invitations.live_invitations(households=households)),
        args=args,
    )


def _letter_text(invitation, household, code):
    """The letter's words in each of LETTER_LOCALES."""
    code_page = external_url_for("residents.enter_code")
    texts = {}
    for locale in LETTER_LOCALES:
        address_values = {
            "building": name_of(household.building, locale),
            "unit": household.unit or "—",
            "room": household.room or "—",
        }
        with force_locale(locale):
            until = format_date(invitation.expires_at, "long")
            if invitation.resident_id:
                greeting = _("To %(name)s, household %(code)s", name=invitation.resident.full_name, code=household.code)  # fmt: skip
                use = _("This invitation code is for you alone. It works once, until %(date)s.", date=until)  # fmt: skip
            else:
                greeting = _("To the residents of household %(code)s", code=household.code)
                use = _("This invitation code works once, for one member of the household, until %(date)s. Other members can ask the residents' committee for their own letter.", date=until)  # fmt: skip
            texts[locale] = {
                "title": _("Your invitation code"),
                "code_label": _("Invitation code"),
                "greeting": greeting,
                "address": _(
                    "Building %(building)s, unit %(unit)s, room %(room)s", **address_values
                ),
                "body": _(
                    "The residents' committee invites you to take part in the consultations, polls and elections of %(community)s online. Scan the QR code with your phone's camera, or type the address below, then sign up or sign in: you become a verified resident and can vote in the polls you are eligible for.",
                    community=community_name(locale),
                ),  # fmt: skip
                "code": _(
                    "No camera? Open %(address)s and type the invitation code %(code)s.",
                    address=code_page,
                    code=code,
                )
                if code
                else None,  # fmt: skip
                "use": use,
                "help": _("Questions? Ask the residents' committee or your grid's social worker."),
            }
    return texts


@bp.get("/register/invitations/<batch>")
@load("batch", invitations.batch_or_none, permit=can_print_letters, into="found")
def letters(found):
    letters = []
    for invitation in found:
        if not invitation.is_live():
            continue
        household = invitation.target_household()
        url = invitations.invitation_url(invitation)
        code = invitations.short_code(invitation)
        letters.append(
            {
                "invitation": invitation,
                "household": household,
                "url": url,
                "code": code,
                "qr": invitations.qr_data_uri(url),
                "texts": _letter_text(invitation, household, code),
            }
        )
    return render_template(
        "residents/letters.html", letters=letters, left_out=len(found) - len(letters)
    )


@bp.route("/register/invitation-codes/<id:invitation_id>/revoke", methods=["GET", "POST"])
@load("invitation_id", Invitation, permit=can_revoke_invitation)
def revoke_invitation(invitation):
    """A lost letter: its QR link and short code stop working (asks first)."""
    household = invitation.target_household()
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, invitations.revoke_invitation, current_user, invitation
    ):
        flash(_("The invitation code has been revoked: the letter no longer works."), "success")
        return redirect(url_for("residents.household", household_id=household.id))
    return render_form(
        "residents/invitation_revoke.html", form, invitation=invitation, household=household
    )
