"""The migration that adds election day's states changes the elections table's CHECK
constraint; on SQLite that rebuilds the table, which must not take the rows that cascade
from it (texts, contests, voters …) with it."""

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from consult import create_app
from consult.extensions import db
from tests.conftest import PROJECT_ROOT
from tests.databases import KINDS, fresh_database

BEFORE, AFTER = "6b26eea256a7", "26b8dad869ec"  # part 1's elections, then election day's


@pytest.fixture(params=KINDS)
def migrating_app(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            yield app
            db.engine.dispose()


def _count(table):
    with db.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_an_elections_rows_survive_the_new_states_both_ways(migrating_app):
    directory = str(PROJECT_ROOT / "migrations")
    upgrade(directory=directory, revision=BEFORE)
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO elections (id, election_day, status, rules, created_at, updated_at) "
            "VALUES (1, '2030-06-15', 'preparing', '{}', '2030-05-01 00:00:00', '2030-05-01 00:00:00')"
        ))  # fmt: skip
        connection.execute(text("INSERT INTO election_texts (election_id, language, title, description) VALUES (1, 'en', 'Election', '')"))  # fmt: skip
        connection.execute(text("INSERT INTO election_contests (election_id, kind, seats, position) VALUES (1, 'director', 1, 0)"))  # fmt: skip
    upgrade(directory=directory, revision=AFTER)
    assert (_count("elections"), _count("election_texts"), _count("election_contests")) == (1, 1, 1)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE elections SET status = 'declared'"))
    downgrade(directory=directory, revision=BEFORE)
    assert (_count("elections"), _count("election_texts"), _count("election_contests")) == (1, 1, 1)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT status FROM elections")).scalar() == "preparing"
