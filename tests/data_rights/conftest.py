"""A small register with two verified residents (Wang Fang and Anna Smith) and a committee
member who verified them, each with a notification or two."""

import pytest
from sqlalchemy import select

from consult.residents import importer
from consult.residents.models import Resident
from consult.residents.services import update_resident, verify_resident
from tests.conftest import sign_in
from tests.residents.conftest import make_csv


def resident(db, name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


@pytest.fixture
def people(db, create_user):
    """(committee member, Wang Fang's account, Anna Smith's account), both verified."""
    checked, _counts = importer.import_register(make_csv())
    assert checked.ok, checked.problems
    committee = create_user("chair@example.org", role="committee", name="Zhou Min")
    wang = create_user("wang.fang@example.org", name="Fang", locale="zh_Hans")
    anna = create_user("anna.smith@example.org", name="Anna S.")
    verify_resident(committee, resident(db, "王芳"), wang, note="ID card seen: W-1234")
    verify_resident(committee, resident(db, "Anna Smith"), anna, note="Passport seen: P-98765")
    update_resident(committee, resident(db, "Anna Smith"), phone="13900000002")
    db.session.commit()
    return committee, wang, anna


@pytest.fixture
def as_user(client):
    def sign(user):
        response = sign_in(client, user)
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return sign
