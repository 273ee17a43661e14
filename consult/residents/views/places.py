"""Grids and buildings: the committee names them in each content language and orders them."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.core.forms import render_form
from consult.core.permissions import load, permit
from consult.core.services import run_service
from consult.extensions import db
from consult.i18n import content_languages
from consult.residents import services
from consult.residents.forms import place_form
from consult.residents.models import Building, Grid
from consult.residents.permissions import can_manage_register, can_name_place
from consult.residents.places import name_field, name_of, sort_places
from consult.residents.reference import language_name
from consult.residents.views import bp


@bp.get("/register/places")
@permit(can_manage_register)
def places():
    grids = db.session.scalars(select(Grid).options(selectinload(Grid.buildings))).all()
    return render_template(
        "residents/places.html",
        grids=[(grid, sort_places(grid.buildings)) for grid in sort_places(grids)],
        languages=[(tag, language_name(tag)) for tag in content_languages()],
    )


def _edit_place(place, kind):
    languages = content_languages()
    data = {"position": place.position}
    data.update({name_field(tag): (place.names or {}).get(tag) for tag in languages})
    form = place_form(place, languages, data)
    if form.validate_on_submit() and run_service(
        form,
        services.update_place,
        current_user,
        place,
        names={tag: form[name_field(tag)].data for tag in languages},
        position=form.position.data,
    ):
        flash(_("The names of %(name)s have been saved.", name=name_of(place)), "success")
        return redirect(url_for("residents.places"))
    fields = [form[name_field(tag)] for tag in languages]
    return render_form("residents/place_edit.html", form, place=place, kind=kind, fields=fields)


@bp.route("/register/grids/<id:grid_id>/edit", methods=["GET", "POST"])
@load("grid_id", Grid, permit=can_name_place)
def edit_grid(grid):
    return _edit_place(grid, "grid")


@bp.route("/register/buildings/<id:building_id>/edit", methods=["GET", "POST"])
@load("building_id", Building, permit=can_name_place)
def edit_building(building):
    return _edit_place(building, "building")
