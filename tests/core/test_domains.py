"""A domain plugs itself in: navigation, seed-demo, the API index and OpenAPI, from its own
package alone."""

import pytest

from consult import create_app
from consult.domains import DOMAINS
from consult.extensions import db as _db


@pytest.fixture
def garden_app(tmp_path):
    # Its own database: seed-demo commits.
    app = create_app(
        "testing",
        overrides={
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'garden.sqlite3'}",
            "DOMAINS": (*DOMAINS, "tests.sample_domain"),
            "MAIL_OUTBOX": str(tmp_path),
        },
    )
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.engine.dispose()


def test_a_declared_domain_appears_everywhere_without_other_edits(garden_app):
    client = garden_app.test_client()
    home = client.get("/").get_data(as_text=True)
    assert '<a href="/garden">Community garden</a>' in home
    result = garden_app.test_cli_runner().invoke(args=["seed-demo"])
    assert "sample: 3 garden plots" in result.output, result.output
    index = client.get("/api/v1/").get_json()
    assert "garden" in {item["id"] for item in index["items"]}
    assert client.get("/api/v1/garden-plots").get_json()["items"] == [
        {"id": 1},
        {"id": 2},
        {"id": 3},
    ]
    assert "/garden-plots" in client.get("/api/v1/openapi.json").get_json()["paths"]
    assert client.get("/garden").get_data(as_text=True) == "<p>Plots: 3</p>"
    # Its dashboard tile is on the home page.
    assert "Garden plots free" in client.get("/").get_data(as_text=True)


def test_the_default_app_does_not_have_it(app, client, db):
    assert "Community garden" not in client.get("/").get_data(as_text=True)
    assert client.get("/garden").status_code == 404
