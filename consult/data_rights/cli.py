"""`flask --app wsgi data export FILE`: everything the committee entered, as one ZIP."""

from pathlib import Path

import click
from flask.cli import AppGroup

from consult.data_rights.archive import write_everything

data_cli = AppGroup("data", help="People's rights over their data; the committee's export.")


@data_cli.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def export_command(file):
    """Write every domain's export tables to FILE (a ZIP of CSV files with a README)."""
    with file.open("wb") as out:
        paths = write_everything(out)
    file.chmod(0o600)  # personal data: readable by its owner only
    click.echo(f"{len(paths)} files written to {file}.")
