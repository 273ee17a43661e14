"""Committee pages: the register list, a resident's entry, edit, move, verify, revoke."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from consult.accounts.services import find_user_by_email
from consult.core.cache import cached
from consult.core.forms import ConfirmForm, form_status, render_form
from consult.core.models import utcnow
from consult.core.pagination import page_arg
from consult.core.permissions import is_signed_in, load, parse_id, permit
from consult.core.services import run_service
from consult.i18n import current_locale_name
from consult.residents import services
from consult.residents.forms import (
    CodeForm,
    InvitationForm,
    MoveForm,
    ResidentForm,
    RevokeForm,
    VerifyForm,
)
from consult.residents.invitations import invitations_for_household
from consult.residents.models import REGISTER_VERSION, Household, Resident
from consult.residents.moving import purge_due_on
from consult.residents.permissions import (
    can_edit_resident,
    can_manage_household,
    can_manage_register,
    can_view_resident,
)
from consult.residents.reference import country_name, sort_key
from consult.residents.views import bp

PER_PAGE = 50


def register_filters():
    """The list's filters from the query string; anything malformed is ignored."""
    args = request.args
    verified = {"yes": True, "no": False}.get(args.get("verified", ""))
    nationality = (args.get("nationality") or "").strip().upper()[:2] or None
    status = args.get("status", "")
    return {
        "grid_id": parse_id(args.get("grid", "")),
        "building_id": parse_id(args.get("building", "")),
        "nationality": nationality,
        "verified": verified,
        "q": (args.get("q") or "").strip()[:120] or None,
        "status": status if status in services.STATUSES else services.CURRENT,
    }


@bp.get("/register")
@permit(can_manage_register)
def register():
    return register_page()


def register_page(invitation_form=None):
    """The register list as filtered, with the batch-letter form (kept as sent, when it
    comes back with problems: then 422)."""
    invitation_form = invitation_form or InvitationForm()
    filters = register_filters()
    page = services.register_page(filters, page_arg(), PER_PAGE)
    # The rows are the same for every committee member: rendered once per language.
    table_html = cached(
        "register.table",
        (REGISTER_VERSION,),
        (tuple(sorted(filters.items())), page.number, current_locale_name()),
        lambda: Markup(
            render_template("residents/_register_table.html", page=page, country_name=country_name)
        ),
    )
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    choices = services.register_filter_choices()
    by_name = sort_key()
    nationalities = sorted(
        ((code, country_name(code)) for code in choices["nationalities"]),
        key=lambda choice: by_name(choice[1]),
    )
    return render_template(
        "residents/register.html",
        page=page,
        table_html=table_html,
        args=args,
        filters=filters,
        grids=choices["grids"],
        buildings=choices["buildings"],
        nationality_options=nationalities,
        country_name=country_name,
        invitation_form=invitation_form,
    ), form_status(invitation_form)


def resident_page(resident, verify_form=None, invitation_form=None):
    """A resident's entry for the committee, with its forms (422 when one has problems)."""
    if verify_form is None:
        verify_form = VerifyForm()
        suggestion = resident.email and find_user_by_email(resident.email)
        if suggestion is not None and services.resident_of(suggestion) is None:
            verify_form.email.data = suggestion.email
    invitation_form = invitation_form or InvitationForm()
    page = render_template(
        "residents/resident.html",
        resident=resident,
        history=services.verification_history(resident),
        verify_form=verify_form,
        invitation_form=invitation_form,
        cancel_move_out_form=ConfirmForm(),
        purge_on=purge_due_on(resident),
        country_name=country_name,
    )
    return page, form_status(verify_form, invitation_form)


@bp.get("/register/residents/<id:resident_id>")
@load("resident_id", Resident, permit=can_view_resident)
def resident(resident):
    if not can_manage_register(current_user):
        return redirect(url_for("residents.my_entry"))
    return resident_page(resident)


@bp.route("/register/residents/<id:resident_id>/edit", methods=["GET", "POST"])
@load("resident_id", Resident, permit=can_edit_resident)
def edit_resident(resident):
    form = ResidentForm(obj=resident)
    if request.method == "GET":
        form.gender.data = resident.gender or ""
        form.nationality.data = resident.nationality or ""
    if form.validate_on_submit() and run_service(
        form, services.update_resident, current_user, resident, **form.values()
    ):
        flash(
            _("The register entry of %(name)s has been saved.", name=resident.full_name), "success"
        )
        return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_form("residents/edit.html", form, resident=resident)


@bp.route("/register/residents/<id:resident_id>/move", methods=["GET", "POST"])
@load("resident_id", Resident, permit=can_edit_resident)
def move_resident(resident):
    form = MoveForm()
    if form.validate_on_submit() and run_service(
        form,
        services.move_resident,
        current_user,
        resident,
        services.find_household(form.household.data),
    ):
        flash(
            _(
                "%(name)s now belongs to household %(code)s.",
                name=resident.full_name,
                code=resident.household.code,
            ),
            "success",
        )
        return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_form("residents/move.html", form, resident=resident)


@bp.post("/register/residents/<id:resident_id>/verify")
@load("resident_id", Resident, permit=can_edit_resident)
def verify_resident(resident):
    form = VerifyForm()
    if form.validate_on_submit() and run_service(
        form,
        services.verify_resident,
        current_user,
        resident,
        find_user_by_email(form.email.data),
        note=form.note.data,
    ):
        flash(_("%(name)s is now a verified resident.", name=resident.full_name), "success")
        return redirect(url_for("residents.resident", resident_id=resident.id))
    return resident_page(resident, verify_form=form)


@bp.route("/register/residents/<id:resident_id>/revoke", methods=["GET", "POST"])
@load("resident_id", Resident, permit=can_edit_resident)
def revoke_verification(resident):
    """Asks first: who is unlinked, and why (the reason is kept in the history)."""
    form = RevokeForm()
    if form.validate_on_submit() and run_service(
        form, services.revoke_verification, current_user, resident, note=form.note.data
    ):
        flash(_("%(name)s is no longer a verified resident.", name=resident.full_name), "success")
        return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_form("residents/revoke.html", form, resident=resident)


@bp.get("/register/households/<id:household_id>")
@load("household_id", Household, permit=can_manage_household)
def household(household):
    return household_page(household)


def household_page(household, invitation_form=None):
    invitation_form = invitation_form or InvitationForm()
    return render_template(
        "residents/household.html",
        household=household,
        invitations=invitations_for_household(household),
        invitation_form=invitation_form,
        now=utcnow(),
    ), form_status(invitation_form)


@bp.get("/register/me")
@permit(is_signed_in)
def my_entry():
    """A resident's own register entry (and nobody else's)."""
    return render_template(
        "residents/me.html",
        resident=services.resident_of(current_user),
        country_name=country_name,
        code_form=CodeForm(),
    )
