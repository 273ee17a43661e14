"""A full register file: the whole register as the committee keeps it, so that residents
missing from it have moved out.

Nobody is marked without being shown first: ``missing_from`` lists them (the web upload
and the command line show the list and ask), and ``mark_missing`` marks only the residents
that list named and that still live here when the committee confirms.
"""

import json

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from consult.extensions import db
from consult.residents.models import Household, Resident
from consult.residents.moving import mark_moved_out
from consult.residents.rules import community_today


def _key(household_code, full_name, birth_date):
    # The import recognises a person by household, full name and birth date (upsert.py).
    return household_code, full_name, birth_date


def missing_from(checked):
    """Residents living here whom the file leaves out, as rows (id, household_code,
    full_name, latin_name, birth_date), by household number."""
    in_file = {
        _key(row["household_code"], row["full_name"], row.get("birth_date")) for row in checked.rows
    }
    stmt = (
        select(
            Resident.id,
            Household.code.label("household_code"),
            Resident.full_name,
            Resident.latin_name,
            Resident.birth_date,
        )
        .join(Resident.household)
        .where(Resident.moved_out_on.is_(None))
        .order_by(Household.code, Resident.id)
    )
    return [
        row
        for row in db.session.execute(stmt)
        if _key(row.household_code, row.full_name, row.birth_date) not in in_file
    ]


def missing_ids_json(rows):
    return json.dumps([row.id for row in rows])


def listed_ids(job):
    return json.loads(job.moved_out_ids) if job.moved_out_ids else []


CHUNK = 1000  # ids per query: far below every database's limit on parameters


def _residents(ids, *conditions):
    found = []
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(Resident)
            .options(selectinload(Resident.household))
            .where(Resident.id.in_(ids[start : start + CHUNK]), *conditions)
        )
        found.extend(db.session.scalars(stmt))
    return found


def listed_residents(job):
    """The residents a waiting import would mark as moved out, as its page lists them."""
    found = _residents(listed_ids(job))
    return sorted(found, key=lambda resident: (resident.household.code, resident.id))


def mark_missing(actor, ids, *, import_job=None, on=None):
    """Mark the residents ``ids`` who still live here as moved out on ``on`` (today)."""
    on = on or community_today()
    residents = _residents(list(ids), Resident.moved_out_on.is_(None))
    for resident in sorted(residents, key=lambda resident: resident.id):
        mark_moved_out(actor, resident, on=on, import_job=import_job)
    return len(residents)
