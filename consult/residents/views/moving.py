"""Moving out (迁出): the committee marks a resident as moved out or cancels it, and sets
how long moved-out residents' entries are kept; a resident corrects their own contact
details."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.core.forms import ConfirmForm, render_form
from consult.core.permissions import is_signed_in, load, permit
from consult.core.services import run_service
from consult.residents import moving, personal, services
from consult.residents.forms import ContactCorrectionForm, MoveOutForm, RetentionForm
from consult.residents.models import Resident
from consult.residents.permissions import can_edit_resident, can_manage_register
from consult.residents.rules import community_today
from consult.residents.views import bp


@bp.route("/register/residents/<id:resident_id>/move-out", methods=["GET", "POST"])
@load("resident_id", Resident, permit=can_edit_resident)
def move_out(resident):
    form = MoveOutForm()
    if not form.is_submitted():
        form.moved_out_on.data = community_today()
    if form.validate_on_submit() and run_service(
        form,
        moving.mark_moved_out,
        current_user,
        resident,
        on=form.moved_out_on.data,
        reason=form.reason.data,
    ):
        flash(_("%(name)s is marked as moved out.", name=resident.full_name), "success")
        return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_form(
        "residents/move_out.html",
        form,
        resident=resident,
        months=moving.retention_months(),
    )


@bp.post("/register/residents/<id:resident_id>/move-out/cancel")
@load("resident_id", Resident, permit=can_edit_resident)
def cancel_move_out(resident):
    form = ConfirmForm()
    if form.validate_on_submit() and run_service(
        form, moving.cancel_moved_out, current_user, resident
    ):
        flash(_("%(name)s lives in the community again.", name=resident.full_name), "success")
    else:
        for message in form.form_errors:
            flash(message, "error")
    return redirect(url_for("residents.resident", resident_id=resident.id))


@bp.route("/register/settings", methods=["GET", "POST"])
@permit(can_manage_register)
def register_settings():
    form = RetentionForm()
    if not form.is_submitted():
        form.months.data = moving.retention_months()
    if form.validate_on_submit() and run_service(
        form, moving.set_retention, current_user, form.months.data
    ):
        flash(_("The register's settings have been saved."), "success")
        return redirect(url_for("residents.register_settings"))
    return render_form(
        "residents/settings.html",
        form,
        min_months=moving.MIN_RETENTION_MONTHS,
        max_months=moving.MAX_RETENTION_MONTHS,
    )


@bp.route("/register/me/contact", methods=["GET", "POST"])
@permit(is_signed_in)
def correct_contact():
    """A verified resident corrects the phone and e-mail in their own register entry."""
    resident = services.resident_of(current_user)
    if resident is None:
        return redirect(url_for("residents.my_entry"))
    form = ContactCorrectionForm(obj=resident)
    if form.validate_on_submit() and run_service(
        form, personal.correct_contact_details, current_user, resident, **form.values()
    ):
        flash(_("Your contact details have been corrected."), "success")
        return redirect(url_for("residents.my_entry"))
    return render_form("residents/correct_contact.html", form, resident=resident)
