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
