"""A later domain takes part in "My data", account deletion and the committee's export by
declaring its hooks, with no edit elsewhere (the sample domain of tests/sample_domain)."""

import io
import json
import zipfile

import pytest

from consult import create_app
from consult.domains import DOMAINS
from consult.extensions import db as _db
from tests.conftest import PASSWORD, FreshContextClient, sign_in
from tests.sample_domain import personal as garden


@pytest.fixture
def garden_app(tmp_path):
    app = create_app(
        "testing",
        overrides={
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'garden.sqlite3'}",
            "DOMAINS": (*DOMAINS, "tests.sample_domain"),
            "MAIL_OUTBOX": str(tmp_path),
        },
    )
    app.test_client_class = FreshContextClient  # each request its own ``g``, as in production
    with app.app_context():
        _db.create_all()
        yield app
        _db.session.remove()
        _db.engine.dispose()
    garden.KEEPERS.clear()
    garden.FORGOTTEN.clear()


def test_a_domains_hooks_reach_my_data_the_deletion_and_the_export(garden_app):
    from consult.accounts.services import create_user

    keeper = create_user("keeper@example.org", "Keeper", PASSWORD)
    chair = create_user("chair@example.org", "Chair", PASSWORD, role="committee")
    keeper_id, chair_id = keeper.id, chair.id
    # Committed, and nothing read after: this test's session holds no SQLite write lock
    # while the requests below run.
    _db.session.commit()
    garden.KEEPERS[keeper_id] = 7

    person = garden_app.test_client()
    sign_in(person, "keeper@example.org")
    assert "Garden plots you tend" in person.get("/account/my-data").get_data(as_text=True)
    with zipfile.ZipFile(io.BytesIO(person.get("/account/my-data.zip").data)) as archive:
        assert "garden_plots.csv" in archive.namelist()
        data = json.loads(archive.read("data.json"))
        assert data["tables"]["garden_plots"]["rows"] == [{"plot": 7}]

    committee = garden_app.test_client()
    sign_in(committee, "chair@example.org")
    with committee.get("/data-rights/export.zip") as response:
        archive = zipfile.ZipFile(io.BytesIO(response.get_data()))
    assert archive.read("sample/plots.csv").decode("utf-8-sig").splitlines()[1] == f"7,{keeper_id}"
    assert (
        "sample/plots.csv: Garden plots and who tends them" in archive.read("README.txt").decode()
    )

    person.post("/account/delete", data={"password": PASSWORD})
    from consult.data_rights.models import AccountDeletionRequest

    request_id = _db.session.query(AccountDeletionRequest).one().id
    _db.session.rollback()  # this test's own session lets go of SQLite's write lock
    assert committee.post(f"/data-rights/requests/{request_id}/confirm").status_code == 302
    assert [keeper_id] == garden.FORGOTTEN and keeper_id not in garden.KEEPERS
    assert chair_id not in garden.FORGOTTEN
