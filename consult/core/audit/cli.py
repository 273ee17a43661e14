"""`flask --app wsgi audit verify`: walk the chain; exit 1 naming the first bad entry."""

import click
from flask.cli import AppGroup

from consult.core.audit.chain import verify

audit_cli = AppGroup("audit", help="The audit trail.")


@audit_cli.command("verify")
def verify_command():
    """Check every entry's hash and order; exit 1 at the first that does not match."""
    verdict = verify()
    if not verdict.ok:
        click.echo(f"The audit trail does not verify: {verdict.problem}.", err=True)
        raise SystemExit(1)
    click.echo(f"The audit trail verifies: {verdict.entries} entries; head {verdict.head}.")
