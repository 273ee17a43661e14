"""The register as rows of the import CSV, in one query."""

from sqlalchemy import select

from consult.extensions import db
from consult.residents.models import Building, Grid, Household, Resident


def register_rows():
    """Every resident as a tuple in csvformat.COLUMNS order, by household number."""
    stmt = (
        select(
            Household.code,
            Building.name,
            Household.unit,
            Household.room,
            Grid.name,
            Resident.full_name,
            Resident.latin_name,
            Resident.gender,
            Resident.birth_date,
            Resident.nationality,
            Resident.languages,
            Resident.phone,
            Resident.email,
        )
        .join(Resident.household)
        .join(Household.building)
        .join(Building.grid)
        .order_by(Household.code, Resident.id)
    )
    return [
        tuple("" if value is None else str(value) for value in row)
        for row in db.session.execute(stmt)
    ]


def export_tables():
    """The register in the committee's "export everything" ZIP (the export hook)."""
    from flask_babel import lazy_gettext as _l

    from consult.core.domain import ExportTable
    from consult.residents.csvformat import COLUMNS

    return [
        ExportTable(
            "register.csv",
            _l("The resident register: one row per resident, in the import format."),
            COLUMNS,
            register_rows,
        )
    ]
