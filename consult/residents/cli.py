"""`flask --app wsgi residents ...`: import, export and the template of the register CSV."""

import os
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from consult.core.csv import write_csv
from consult.extensions import db
from consult.i18n import DEFAULT_LOCALE, normalize_locale
from consult.residents import importer
from consult.residents.csvformat import (
    COLUMNS,
    encoding_name,
    problem_message,
    template_csv,
)
from consult.residents.export import register_rows
from consult.residents.full_import import mark_missing, missing_from
from consult.residents.upsert import apply

residents_cli = AppGroup("residents", help="The resident register: import and export its CSV.")


def _cli_locale(value):
    """--locale, else the terminal's LANG (zh_CN.UTF-8 reads Simplified Chinese)."""
    for candidate in (value, os.environ.get("LC_ALL"), os.environ.get("LANG")):
        locale = normalize_locale((candidate or "").split(".")[0])
        if locale:
            return locale
    return DEFAULT_LOCALE


def _echo_counts(counts, dry_run):
    heading = _("Dry run: nothing was saved. The import would make:") if dry_run else _("Imported:")
    click.echo(heading)
    for label, key in (
        (_("households created"), "households_created"),
        (_("households updated"), "households_updated"),
        (_("households unchanged"), "households_unchanged"),
        (_("residents created"), "residents_created"),
        (_("residents updated"), "residents_updated"),
        (_("residents unchanged"), "residents_unchanged"),
        (_("grids created"), "grids_created"),
        (_("buildings created"), "buildings_created"),
    ):
        click.echo(f"  {label}: {counts[key]}")


@residents_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and report; change nothing.")
@click.option(
    "--full",
    is_flag=True,
    help="FILE is the whole register: list the residents missing from it and, once you "
    "confirm, mark them as moved out.",
)
@click.option("--yes", is_flag=True, help="With --full: confirm without asking.")
@click.option("--locale", help="Language of the report: en, zh_Hans or zh_Hant.")
def import_command(file, dry_run, full, yes, locale):
    """Import the register from FILE (CSV, UTF-8). All or nothing."""
    data = file.read_bytes()
    text = importer.decode(data)
    total = importer.count_rows(text) if text is not None else 0
    with force_locale(_cli_locale(locale)):
        with click.progressbar(length=max(total, 1), label=_("Checking")) as bar:
            done = [0]

            def advance(count):
                bar.update(count - done[0])
                done[0] = count

            checked = importer.check(data, progress=advance)
        if checked.encoding:
            name = encoding_name(checked.encoding)
            click.echo(_("The file was read as %(encoding)s.", encoding=name))
        if not checked.ok:
            db.session.rollback()
            click.echo(
                _(
                    "Problems found: %(count)s. The file was not imported.",
                    count=len(checked.problems),
                ),
                err=True,
            )
            for problem in checked.problems:
                click.echo(
                    _(
                        "line %(line)d: %(message)s",
                        line=problem.line,
                        message=problem_message(problem),
                    ),
                    err=True,
                )
            raise SystemExit(1)
        missing = missing_from(checked) if full else []
        if full and not _confirm_moved_out(missing, dry_run, yes):
            db.session.rollback()
            click.echo(_("Nothing was imported."), err=True)
            raise SystemExit(1)
        with click.progressbar(length=max(len(checked.rows), 1), label=_("Saving")) as bar:
            done = [0]

            def saved(count):
                bar.update(count - done[0])
                done[0] = count

            counts = apply(checked, dry_run=dry_run, progress=saved)
        if full and not dry_run:
            moved = mark_missing(None, [row.id for row in missing])
            click.echo(_("Residents marked as moved out: %(count)d", count=moved))
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
        _echo_counts(counts, dry_run)


def _confirm_moved_out(missing, dry_run, yes):
    """List who a full file leaves out and ask whether to mark them (True: go on)."""
    if not missing:
        click.echo(_("Everyone living here according to the register is in the file."))
        return True
    click.echo(
        _(
            "Not in the file, so marked as moved out today: %(count)d residents",
            count=len(missing),
        )
    )
    for row in missing:
        born = row.birth_date.isoformat() if row.birth_date else "—"
        click.echo(f"  {row.household_code}  {row.full_name}  {born}")
    if dry_run or yes:
        return True
    return click.confirm(_("Import the file and mark them as moved out?"), default=False)


@residents_cli.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(file):
    """Write the register to FILE as CSV (UTF-8 with BOM, opens in Excel)."""
    count = 0

    def counted():
        nonlocal count
        for row in register_rows():
            count += 1
            yield row

    with file.open("w", encoding="utf-8", newline="") as out:
        write_csv(COLUMNS, counted(), out=out)
    click.echo(f"{count} residents written to {file}.")


@residents_cli.command("template")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def template_command(file):
    """Write an empty register CSV (its header row) to FILE."""
    file.write_bytes(template_csv().encode("utf-8"))
    click.echo(f"Template written to {file}.")
