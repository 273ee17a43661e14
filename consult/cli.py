"""App-wide commands: i18n catalogs and the demo community. Domains add their own groups."""

import click
from flask import current_app
from flask.cli import AppGroup

from consult import catalogs

i18n_cli = AppGroup("i18n", help="Extract, update, compile and check the UI catalogs.")


@i18n_cli.command("extract")
def extract_command():
    """Collect every translatable string into translations/messages.pot."""
    catalogs.extract()


@i18n_cli.command("update")
def update_command():
    """Merge messages.pot into each language's catalog."""
    catalogs.update()


@i18n_cli.command("compile")
def compile_command():
    """Compile the catalogs (.po to .mo)."""
    catalogs.compile_all()


@i18n_cli.command("check")
def check_command():
    """Fail on an untranslated or fuzzy message or a placeholder mismatch."""
    problems = catalogs.check()
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo("All catalogs are complete.")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
def seed_demo_command(if_empty):
    """Create the demo community (refused in production)."""
    from consult import demo

    if not current_app.config.get("ALLOW_DEMO_SEED"):
        raise click.ClickException("Refusing to seed demo data in production.")
    if if_empty and not demo.database_is_empty():
        click.echo("The database already has data; demo not seeded.")
        return
    for line in demo.seed():
        click.echo(line)


def register_cli(app):
    from consult.domains import command_groups

    app.cli.add_command(i18n_cli)
    app.cli.add_command(seed_demo_command)
    for group in command_groups():
        app.cli.add_command(group)
