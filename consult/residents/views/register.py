"""Committee pages: the register list, a resident's entry, edit, move, verify, revoke."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from consult.core.forms import form_status
from consult.core.models import utcnow
from consult.core.permissions import committee_required
from consult.extensions import db
from consult.residents import services
from consult.residents.accounts.services import find_user_by_email
from consult.residents.forms import InvitationForm, MoveForm, ResidentForm, RevokeForm, VerifyForm
from consult.residents.invitations import invitations_for_household
from consult.residents.models import Building, Grid, Household, Resident
from consult.residents.reference import country_name
from consult.residents.views import bp

PER_PAGE = 50


def _int_arg(name):
    try:
        value = int(request.args.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


def register_filters():
    """The list's filters from the query string; anything malformed is ignored."""
    args = request.args
    verified = {"yes": True, "no": False}.get(args.get("verified", ""))
    nationality = (args.get("nationality") or "").strip().upper()[:2] or None
    return {
        "grid_id": _int_arg("grid"),
        "building_id": _int_arg("building"),
        "nationality": nationality,
        "verified": verified,
        "q": (args.get("q") or "").strip()[:120] or None,
    }


@bp.get("/register")
@committee_required
def register():
    filters = register_filters()
    page = _int_arg("page") or 1
    residents, total, page = services.register_page(
        services.filtered_register(**filters), page, PER_PAGE
    )
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    grids = db.session.scalars(select(Grid).order_by(Grid.name)).all()
    buildings = db.session.scalars(select(Building).order_by(Building.name)).all()
    nationalities = db.session.scalars(
        select(Resident.nationality).where(Resident.nationality.is_not(None)).distinct()
    ).all()
    nationality_options = sorted(((c, country_name(c)) for c in nationalities), key=lambda c: c[1])
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "residents/register.html",
        residents=residents,
        total=total,
        page=page,
        pages=pages,
        args=args,
        filters=filters,
        grids=grids,
        buildings=buildings,
        nationality_options=nationality_options,
        country_name=country_name,
        invitation_form=InvitationForm(),
    )


def _resident_or_404(resident_id):
    resident = db.session.get(Resident, resident_id)
    if resident is None:
        abort(404)
    return resident


def _resident_page(resident, verify_form=None, revoke_form=None, status=200):
    if verify_form is None:
        verify_form = VerifyForm()
        suggestion = resident.email and find_user_by_email(resident.email)
        if suggestion is not None and services.resident_of(suggestion) is None:
            verify_form.email.data = suggestion.email
    return render_template(
        "residents/resident.html",
        resident=resident,
        history=services.verification_history(resident),
        verify_form=verify_form,
        revoke_form=revoke_form or RevokeForm(),
        invitation_form=InvitationForm(),
        country_name=country_name,
    ), status


@bp.get("/register/residents/<int:resident_id>")
@committee_required
def resident(resident_id):
    return _resident_page(_resident_or_404(resident_id))


@bp.route("/register/residents/<int:resident_id>/edit", methods=["GET", "POST"])
@committee_required
def edit_resident(resident_id):
    resident = _resident_or_404(resident_id)
    form = ResidentForm(obj=resident)
    if request.method == "GET":
        form.gender.data = resident.gender or ""
        form.nationality.data = resident.nationality or ""
    if form.validate_on_submit():
        values = {
            "full_name": " ".join(form.full_name.data.split()),
            "latin_name": " ".join((form.latin_name.data or "").split()) or None,
            "gender": form.gender.data or None,
            "birth_date": form.birth_date.data,
            "nationality": form.nationality.data or None,
            "languages": form.languages.data or None,
            "phone": (form.phone.data or "").strip() or None,
            "email": (form.email.data or "").strip().lower() or None,
        }
        try:
            services.update_resident(current_user, resident, **values)
        except services.RegisterError as error:
            db.session.rollback()
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash(
                _("The register entry of %(name)s has been saved.", name=resident.full_name),
                "success",
            )
            return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_template("residents/edit.html", form=form, resident=resident), form_status(form)


@bp.route("/register/residents/<int:resident_id>/move", methods=["GET", "POST"])
@committee_required
def move_resident(resident_id):
    resident = _resident_or_404(resident_id)
    form = MoveForm()
    if form.validate_on_submit():
        try:
            services.move_resident(
                current_user, resident, services.find_household(form.household.data)
            )
        except services.RegisterError as error:
            db.session.rollback()
            (form.household.errors if error.field else form.form_errors).append(error.message)
        else:
            db.session.commit()
            flash(
                _(
                    "%(name)s now belongs to household %(code)s.",
                    name=resident.full_name,
                    code=resident.household.code,
                ),
                "success",
            )
            return redirect(url_for("residents.resident", resident_id=resident.id))
    return render_template("residents/move.html", form=form, resident=resident), form_status(form)


@bp.post("/register/residents/<int:resident_id>/verify")
@committee_required
def verify_resident(resident_id):
    resident = _resident_or_404(resident_id)
    form = VerifyForm()
    if form.validate_on_submit():
        try:
            services.verify_resident(
                current_user, resident, find_user_by_email(form.email.data), note=form.note.data
            )
        except services.RegisterError as error:
            db.session.rollback()
            (form.email.errors if error.field else form.form_errors).append(error.message)
        else:
            db.session.commit()
            flash(_("%(name)s is now a verified resident.", name=resident.full_name), "success")
            return redirect(url_for("residents.resident", resident_id=resident.id))
    return _resident_page(resident, verify_form=form, status=422)


@bp.post("/register/residents/<int:resident_id>/revoke")
@committee_required
def revoke_verification(resident_id):
    resident = _resident_or_404(resident_id)
    form = RevokeForm()
    if form.validate_on_submit():
        try:
            services.revoke_verification(current_user, resident, note=form.note.data)
        except services.RegisterError as error:
            db.session.rollback()
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash(
                _("%(name)s is no longer a verified resident.", name=resident.full_name), "success"
            )
            return redirect(url_for("residents.resident", resident_id=resident.id))
    return _resident_page(resident, revoke_form=form, status=422)


@bp.get("/register/households/<int:household_id>")
@committee_required
def household(household_id):
    household = db.session.get(Household, household_id)
    if household is None:
        abort(404)
    return render_template(
        "residents/household.html",
        household=household,
        invitations=invitations_for_household(household),
        invitation_form=InvitationForm(),
        now=utcnow(),
    )


@bp.get("/register/me")
@login_required
def my_entry():
    """A resident's own register entry (and nobody else's)."""
    return render_template(
        "residents/me.html", resident=services.resident_of(current_user), country_name=country_name
    )
