"""Write a checked register file: create what is new, update what changed, touch nothing else.

What exists is loaded once into dicts; new and changed rows go out as executemany
inserts and updates in chunks. A dry run walks the same path and only counts.
"""

from sqlalchemy import bindparam, insert, select, update

from consult.core import audit
from consult.core.cache import bump
from consult.core.models import utcnow
from consult.extensions import db
from consult.residents.csvformat import RESIDENT_COLUMNS
from consult.residents.models import (
    REGISTER_VERSION,
    Building,
    Grid,
    Household,
    Resident,
    name_key,
)

COUNT_KEYS = (
    "grids_created", "buildings_created", "buildings_updated",
    "households_created", "households_updated", "households_unchanged",
    "residents_created", "residents_updated", "residents_unchanged",
)  # fmt: skip
CHUNK = 1000


def apply(checked, *, dry_run=False, progress=None, actor=None):
    """Upsert ``checked.rows`` (a file without problems); returns what changed, by kind.

    A real import is one audit entry with its counts (per-row values stay in the register).
    """
    writer = _Writer(checked, dry_run, progress)
    writer.grids()
    writer.buildings()
    writer.households()
    writer.residents()
    if not dry_run:
        db.session.expire_all()  # objects loaded earlier must see the new values
        bump(REGISTER_VERSION)  # bulk writes bypass the ORM's change tracking
        audit.record("register.imported", actor=actor, object_type="register", data=writer.counts)
    return writer.counts


class _Writer:
    def __init__(self, checked, dry_run, progress):
        self.checked = checked
        self.rows = checked.rows
        self.dry_run = dry_run
        self.progress = progress
        self.now = utcnow()
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.session = db.session

    def _execute_many(self, statement, params):
        for start in range(0, len(params), CHUNK):
            self.session.execute(statement, params[start : start + CHUNK])

    def _stamp(self, values, created=True):
        values["updated_at"] = self.now
        if created:
            values["created_at"] = self.now
        return values

    def grids(self):
        existing = dict(self.session.execute(select(Grid.name, Grid.id)).all())
        new = sorted({row["grid"] for row in self.rows} - existing.keys())
        self.counts["grids_created"] = len(new)
        if new and not self.dry_run:
            self._execute_many(
                insert(Grid.__table__), [self._stamp({"name": name}) for name in new]
            )
            existing = dict(self.session.execute(select(Grid.name, Grid.id)).all())
        self.grid_ids = existing

    def buildings(self):
        existing = {
            name: (building_id, grid)
            for name, building_id, grid in self.session.execute(
                select(Building.name, Building.id, Grid.name).join(Grid)
            )
        }
        wanted = {}
        for row in self.rows:
            wanted.setdefault(row["building"], row["grid"])
        new, moved = [], []
        for name, grid in wanted.items():
            if name not in existing:
                new.append({"name": name, "grid_id": self.grid_ids.get(grid)})
            elif existing[name][1] != grid:
                moved.append({"b_id": existing[name][0], "grid_id": self.grid_ids.get(grid)})
        self.counts["buildings_created"] = len(new)
        self.counts["buildings_updated"] = len(moved)
        if not self.dry_run:
            table = Building.__table__
            if new:
                self._execute_many(insert(table), [self._stamp(v) for v in new])
            if moved:
                statement = update(table).where(table.c.id == bindparam("b_id"))
                self._execute_many(statement, [self._stamp(v, created=False) for v in moved])
        self.building_ids = dict(self.session.execute(select(Building.name, Building.id)).all())

    def households(self):
        checked = self.checked
        existing = {
            code: (household_id, building, unit, room)
            for code, household_id, building, unit, room in self.session.execute(
                select(
                    Household.code, Household.id, Building.name, Household.unit, Household.room
                ).join(Building)
            )
        }
        new, changed, seen = [], [], set()
        for row in self.rows:
            code = row["household_code"]
            if code in seen:
                continue
            seen.add(code)
            old = existing.get(code)
            unit = row["unit"] if checked.has("unit") else (old[2] if old else None)
            room = row["room"] if checked.has("room") else (old[3] if old else None)
            values = {
                "building_id": self.building_ids.get(row["building"]),
                "unit": unit,
                "room": room,
            }
            if old is None:
                new.append({"code": code, **values})
            elif (old[1], old[2], old[3]) != (row["building"], unit, room):
                changed.append({"b_id": old[0], **values})
        self.counts["households_created"] = len(new)
        self.counts["households_updated"] = len(changed)
        self.counts["households_unchanged"] = len(seen) - len(new) - len(changed)
        if not self.dry_run:
            table = Household.__table__
            if new:
                self._execute_many(insert(table), [self._stamp(v) for v in new])
            if changed:
                statement = update(table).where(table.c.id == bindparam("b_id"))
                self._execute_many(statement, [self._stamp(v, created=False) for v in changed])
        self.household_ids = dict(self.session.execute(select(Household.code, Household.id)).all())

    def residents(self):
        columns = [c for c in RESIDENT_COLUMNS if c != "birth_date" and self.checked.has(c)]
        names = ("id", "latin_name", "gender", "nationality", "languages", "phone", "email")
        loaded = [getattr(Resident, name) for name in names]
        statement = select(Household.code, Resident.full_name, Resident.birth_date, *loaded)
        existing = {
            (row[0], row[1], row[2]): dict(zip(names, row[3:], strict=True))
            for row in self.session.execute(statement.join(Household))
        }
        new, changed = [], []
        for row in self.rows:
            key = (row["household_code"], row["full_name"], row.get("birth_date"))
            old = existing.get(key)
            if old is None:
                values = {column: row.get(column) for column in RESIDENT_COLUMNS}
                values["household_id"] = self.household_ids.get(row["household_code"])
                values["full_name"] = row["full_name"]
                values["name_key"] = name_key(row["full_name"], values["latin_name"])
                new.append(values)
                continue
            if any(old[column] != row[column] for column in columns):
                values = {column: row[column] for column in columns}
                latin = row["latin_name"] if "latin_name" in columns else old["latin_name"]
                values["name_key"] = name_key(row["full_name"], latin)
                changed.append({"b_id": old["id"], **values})
        self.counts["residents_created"] = len(new)
        self.counts["residents_updated"] = len(changed)
        self.counts["residents_unchanged"] = len(self.rows) - len(new) - len(changed)
        if self.dry_run:
            return
        table = Resident.__table__
        done = 0
        for start in range(0, len(new), CHUNK):
            chunk = [self._stamp(v) for v in new[start : start + CHUNK]]
            self.session.execute(insert(table), chunk)
            done += len(chunk)
            self._report(done)
        statement = update(table).where(table.c.id == bindparam("b_id"))
        for start in range(0, len(changed), CHUNK):
            chunk = [self._stamp(v, created=False) for v in changed[start : start + CHUNK]]
            self.session.execute(statement, chunk)
            done += len(chunk)
            self._report(done)

    def _report(self, done):
        if self.progress:
            self.progress(done)
