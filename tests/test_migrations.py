"""Migrations: an empty database upgrades to head, matches the models, and downgrades."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from consult import create_app
from consult.core.models import include_object
from consult.extensions import db
from tests.conftest import PROJECT_ROOT
from tests.databases import KINDS, fresh_database


@pytest.fixture(params=KINDS)
def empty_database_app(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            yield app
            db.engine.dispose()


def test_upgrade_to_head_matches_the_models_and_downgrade_empties(empty_database_app):
    directory = str(PROJECT_ROOT / "migrations")
    upgrade(directory=directory)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, db.metadata)
        tables = set(inspect(connection).get_table_names())
    assert differences == []
    assert set(db.metadata.tables) <= tables

    downgrade(directory=directory, revision="base")
    with db.engine.connect() as connection:
        remaining = set(inspect(connection).get_table_names()) - {"alembic_version"}
    assert remaining == set()


def test_migration_files_are_date_stamped_tidy_and_form_one_line():
    """Two branches never claim the same file name, and history has one head."""
    import re

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    folder = PROJECT_ROOT / "migrations" / "versions"
    files = sorted(folder.glob("*.py"))
    assert files
    for path in files:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_\w+\.py", path.name), path.name
        text = path.read_text(encoding="utf-8")
        assert "###" not in text and "please adjust" not in text, path.name
    config = Config(str(PROJECT_ROOT / "migrations" / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    scripts = ScriptDirectory.from_config(config)
    assert len(scripts.get_heads()) == 1
    assert len(list(scripts.walk_revisions())) == len(files)
