"""The register as rows: the import CSV, and every table of the committee's "export
everything" ZIP (the export hook). Rows are read from the database as they are written,
never gathered into one list, so a large register is held once, by the database."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import aliased

from consult.core.domain import ExportTable
from consult.extensions import db
from consult.i18n import content_languages
from consult.residents.models import (
    Building,
    Grid,
    Household,
    ImportJob,
    Invitation,
    Resident,
    VerificationEvent,
)

BATCH = 1000


def _text(row):
    return tuple("" if value is None else str(value) for value in row)


def _stream(stmt):
    """Each row of ``stmt`` as text cells, read in batches."""
    for row in db.session.execute(stmt.execution_options(yield_per=BATCH)):
        yield _text(row)


def register_rows():
    """Every resident living here, as tuples in csvformat.COLUMNS order, by household
    number (the import format: the file imports back unchanged)."""
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
        .where(Resident.moved_out_on.is_(None))
        .order_by(Household.code, Resident.id)
    )
    return _stream(stmt)


def _residents():
    stmt = (
        select(
            Resident.id,
            Household.code,
            Resident.full_name,
            Resident.latin_name,
            Resident.gender,
            Resident.birth_date,
            Resident.nationality,
            Resident.languages,
            Resident.phone,
            Resident.email,
            Resident.user_id,
            Resident.verified_at,
            Resident.moved_out_on,
            Resident.moved_out_reason,
            Resident.moved_out_import_id,
            Resident.purged_at,
        )
        .join(Resident.household)
        .order_by(Resident.id)
    )
    return _stream(stmt)


def _households():
    stmt = (
        select(
            Household.id, Household.code, Building.name, Household.unit, Household.room, Grid.name
        )  # fmt: skip
        .join(Household.building)
        .join(Building.grid)
        .order_by(Household.code)
    )
    return _stream(stmt)


def _place_rows(model, *extra):
    languages = content_languages()
    stmt = select(model.id, model.name, *extra, model.names, model.position).order_by(model.id)
    for row in db.session.execute(stmt):
        *head, names, position = row
        names = names or {}
        yield _text((*head, *(names.get(tag) for tag in languages), position))


def _place_columns(*extra):
    return ("id", "name", *extra, *(f"name_{tag}" for tag in content_languages()), "position")


def _invitations():
    target = aliased(Household)
    stmt = (
        select(
            Invitation.id,
            Invitation.batch,
            target.code,
            Invitation.resident_id,
            Invitation.created_at,
            Invitation.created_by_id,
            Invitation.expires_at,
            Invitation.used_at,
            Invitation.used_by_id,
            Invitation.revoked_at,
            Invitation.revoked_by_id,
            Invitation.revoked_because,
        )
        .outerjoin(target, Invitation.household_id == target.id)
        .order_by(Invitation.id)
    )
    return _stream(stmt)


def _verification_history():
    stmt = select(
        VerificationEvent.id,
        VerificationEvent.resident_id,
        VerificationEvent.user_id,
        VerificationEvent.action,
        VerificationEvent.method,
        VerificationEvent.actor_id,
        VerificationEvent.invitation_id,
        VerificationEvent.at,
        VerificationEvent.note,
    ).order_by(VerificationEvent.id)
    return _stream(stmt)


def _imports():
    stmt = select(
        ImportJob.id,
        ImportJob.filename,
        ImportJob.encoding,
        ImportJob.status,
        ImportJob.full,
        ImportJob.total,
        ImportJob.counts,
        ImportJob.created_by_id,
        ImportJob.created_at,
        ImportJob.finished_at,
    ).order_by(ImportJob.id)
    return _stream(stmt)


def _settings():
    from consult.residents.moving import retention_months

    return [("moved_out_retention_months", str(retention_months()))]


def export_tables():
    """The register in the committee's "export everything" ZIP (the export hook)."""
    from consult.residents.csvformat import COLUMNS

    return [
        ExportTable(
            "register.csv",
            _l(
                "The resident register as it is imported: one row per resident living in the community (not those who moved out)."
            ),  # fmt: skip
            COLUMNS,
            register_rows,
        ),
        ExportTable(
            "residents.csv",
            _l(
                "Every register entry with its number: the account it is linked to, when it was verified, when the resident moved out and why, and when a moved-out entry's personal data was removed."
            ),  # fmt: skip
            (
                "id",
                "household_code",
                "full_name",
                "latin_name",
                "gender",
                "birth_date",
                "nationality",
                "languages",
                "phone",
                "email",
                "account_id",
                "verified_at",
                "moved_out_on",
                "moved_out_reason",
                "moved_out_by_import",
                "purged_at",
            ),
            _residents,
        ),  # fmt: skip
        ExportTable(
            "households.csv",
            _l("Households: household number, building, unit, room and grid."),
            ("id", "code", "building", "unit", "room", "grid"),
            _households,
        ),
        ExportTable(
            "grids.csv",
            _l(
                "Grids: the name in the register file, the name in each content language, the position in lists."
            ),  # fmt: skip
            _place_columns(),
            lambda: _place_rows(Grid),
        ),
        ExportTable(
            "buildings.csv",
            _l(
                "Buildings: the name in the register file, their grid, the name in each content language, the position in lists."
            ),  # fmt: skip
            _place_columns("grid_id"),
            lambda: _place_rows(Building, Building.grid_id),
        ),
        ExportTable(
            "invitations.csv",
            _l(
                "Invitation letters: for which household or resident, made when and by whom (account number), valid until, used or revoked. The codes themselves are not exported."
            ),  # fmt: skip
            (
                "id",
                "batch",
                "household_code",
                "resident_id",
                "created_at",
                "created_by",
                "expires_at",
                "used_at",
                "used_by",
                "revoked_at",
                "revoked_by",
                "revoked_because",
            ),
            _invitations,
        ),  # fmt: skip
        ExportTable(
            "verification_history.csv",
            _l(
                "Every verification and revocation: register entry, account, how, by whom (account number), when, note."
            ),  # fmt: skip
            (
                "id",
                "resident_id",
                "account_id",
                "action",
                "method",
                "by",
                "invitation_id",
                "at",
                "note",
            ),  # fmt: skip
            _verification_history,
        ),
        ExportTable(
            "register_imports.csv",
            _l(
                "Register imports: file name, how it was read, status, whether it was a full register, rows, what changed, by whom and when."
            ),  # fmt: skip
            (
                "id",
                "filename",
                "encoding",
                "status",
                "full",
                "rows",
                "counts",
                "created_by",
                "created_at",
                "finished_at",
            ),
            _imports,
        ),  # fmt: skip
        ExportTable(
            "register_settings.csv",
            _l(
                "The register's settings, such as how many months moved-out residents' entries are kept."
            ),  # fmt: skip
            ("setting", "value"),
            _settings,
        ),
    ]
