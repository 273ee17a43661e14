"""`flask --app wsgi search rebuild`: index every searchable item again."""

import click
from flask.cli import AppGroup

from consult.extensions import db
from consult.search import engine

search_cli = AppGroup("search", help="Site search: rebuild its index.")


@search_cli.command("rebuild")
@click.option("--kind", "kinds", multiple=True, help="Only items of this kind (e.g. proposal).")
def rebuild_command(kinds):
    """Index every searchable item again, from scratch (after an import or an upgrade)."""
    counts, seconds = engine.rebuild(kinds=set(kinds) or None)
    db.session.commit()
    for kind, count in counts.items():
        click.echo(f"{kind}: {count} indexed")
    click.echo(f"Search index rebuilt in {seconds:.1f} s.")


def seed_index():
    """The demo's search index (the seed steps before this one wrote the content)."""
    counts, _seconds = engine.rebuild()
    for kind, count in counts.items():
        yield f"{count} {kind} items indexed"
