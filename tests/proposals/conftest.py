"""A small community for proposal tests: verified residents writing in Chinese and English,
an unverified one, two translators and the committee; and a helper that writes proposals."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import event, select

from consult.core.cache import clear_process_cache
from consult.proposals import services
from consult.proposals.dates import community_today


@pytest.fixture
def people(db, create_user):
    """wang (zh, verified), anna (en, verified), kim (signed up, not verified), two
    translators and a committee member."""
    from consult.residents import importer
    from consult.residents.models import Resident
    from consult.residents.services import verify_resident
    from tests.residents.conftest import make_csv

    importer.import_register(make_csv())
    committee = create_user("chair@example.org", role="committee", name="周敏", locale="zh_Hans")
    wang = create_user("wang.fang@example.org", name="王芳", locale="zh_Hans")
    anna = create_user("anna.smith@example.org", name="Anna Smith", locale="en")
    kim = create_user("kim@example.org", name="Kim", locale="en")
    translator = create_user("li.na@example.org", role="translator", name="李娜 Li Na")
    second = create_user("zhang@example.org", role="translator", name="张伟 Zhang Wei")
    for user, name in ((wang, "王芳"), (anna, "Anna Smith")):
        resident = db.session.scalars(select(Resident).filter_by(full_name=name)).one()
        verify_resident(committee, resident, user)
    db.session.commit()
    clear_process_cache()
    return SimpleNamespace(committee=committee, wang=wang, anna=anna, kim=kim,
                           translator=translator, second=second)  # fmt: skip


PARKING = {
    "title": "小区停车位不足怎么办",
    "summary": "晚上找不到车位。",
    "body": "晚上七点以后几乎找不到车位。\n\n- 外来车辆限时停放",
    "language": "zh-Hans",
}


@pytest.fixture
def write(db):
    """``write(author, published=True, **fields)``: a proposal (published for 30 days)."""

    def make(author, published=True, days=30, **fields):
        values = {**PARKING, **fields}
        proposal = services.create_proposal(author, **values)
        if published:
            services.publish_proposal(author, proposal, community_today() + timedelta(days=days))
        db.session.commit()
        return proposal

    return make


@pytest.fixture
def queries(db):
    """``with queries() as counted: ...``; ``counted.count`` is the number of statements
    (the test's own savepoints aside)."""

    class Counter:
        def __enter__(self):
            self.count = 0
            self.statements = []
            event.listen(db.engine, "before_cursor_execute", self._count)
            return self

        def __exit__(self, *exc):
            event.remove(db.engine, "before_cursor_execute", self._count)

        def _count(self, conn, cursor, statement, *args):
            if statement.split(" ", 1)[0] in ("SAVEPOINT", "RELEASE", "ROLLBACK"):
                return
            self.count += 1
            self.statements.append(statement)

    return Counter


def page_text(response):
    """The main part of a page, for checking what a reader sees."""
    html = response.get_data(as_text=True)
    start = html.find("<main")
    return html[start : html.find("</main>")] if start >= 0 else html


def switch_to(client, user):
    """Sign out whoever is signed in, and sign in as ``user``."""
    from tests.conftest import sign_in

    client.post("/account/sign-out")
    response = sign_in(client, user)
    assert response.status_code == 302
    return user
