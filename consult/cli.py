"""App-wide commands: i18n catalogs and the demo community. Domains add their own groups."""

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import literal, select

from consult import catalogs
from consult.domains import each_part
from consult.extensions import db

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


@i18n_cli.command("todo")
@click.argument("output", type=click.File("w", encoding="utf-8"), default="-")
def todo_command(output):
    """Write the messages Chinese catalogs lack, as JSON to fill in (for `i18n fill`)."""
    import json

    json.dump(catalogs.todo(), output, ensure_ascii=False, indent=1)
    output.write("\n")


@i18n_cli.command("fill")
@click.argument("source", type=click.File("r", encoding="utf-8"))
def fill_command(source):
    """Write translations from JSON {msgid: {"zh_Hans": ..., "zh_Hant": ...}} into the catalogs."""
    import json

    missing = catalogs.fill(json.load(source))
    catalogs.compile_all()
    for msgid in missing:
        click.echo(f"still missing: {msgid!r}", err=True)
    if missing:
        raise SystemExit(1)


def database_is_empty():
    """True when no table holds a row (a fresh database; bookkeeping tables aside)."""
    for table in db.metadata.sorted_tables:
        if table.info.get("bookkeeping"):
            continue
        if db.session.execute(select(literal(1)).select_from(table).limit(1)).first():
            return False
    return True


def seed_demo():
    """Every domain's demo seed step, in order; each is idempotent."""
    for domain, step in each_part("seed"):
        for line in step():
            yield f"{domain.name}: {line}"
    db.session.commit()


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has data.")
def seed_demo_command(if_empty):
    """Create the demo community (refused in production)."""
    if not current_app.config.get("ALLOW_DEMO_SEED"):
        raise click.ClickException("Refusing to seed demo data in production.")
    if if_empty and not database_is_empty():
        click.echo("The database already has data; demo not seeded.")
        return
    for line in seed_demo():
        click.echo(line)


def register_cli(app):
    from consult.backup import backup_command, restore_command

    app.cli.add_command(i18n_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
