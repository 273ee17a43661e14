"""A small community for notice tests: verified residents in two grids reading Chinese and
English, a translator, the committee; a movable clock; and a helper that writes notices."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from consult.core.cache import clear_process_cache
from consult.core.queue import run_pending
from consult.notices import clock, services

T0 = datetime(2030, 3, 4, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def frozen(monkeypatch):
    """``frozen(moment)`` moves the notices' clock; it starts at T0."""
    state = {"now": T0}
    monkeypatch.setattr(clock, "now", lambda: state["now"])

    def move(moment=None, **delta):
        state["now"] = moment if moment is not None else state["now"] + timedelta(**delta)
        return state["now"]

    return move


@pytest.fixture
def people(db, create_user, frozen):
    """wang (zh_Hans) and anna (en) in building 1 of 第一网格, kim (en) in building 2 of
    Grid Two, all verified; bob signed up but not in the register; a translator; the
    committee."""
    from consult.residents import importer
    from consult.residents.models import Building, Grid, Resident
    from consult.residents.services import verify_resident
    from tests.residents.conftest import make_csv

    importer.import_register(make_csv())
    committee = create_user("chair@example.org", role="committee", name="周敏", locale="zh_Hans")
    wang = create_user("wang.fang@example.org", name="王芳", locale="zh_Hans")
    anna = create_user("anna.smith@example.org", name="Anna Smith", locale="en")
    kim = create_user("kim@example.org", name="Kim Minjun", locale="en")
    bob = create_user("bob@example.org", name="Bob", locale="en")
    translator = create_user("li.na@example.org", role="translator", name="李娜 Li Na")
    for user, name in ((wang, "王芳"), (anna, "Anna Smith"), (kim, "김민준")):
        resident = db.session.scalars(select(Resident).filter_by(full_name=name)).one()
        verify_resident(committee, resident, user)
    db.session.commit()
    run_pending()  # the verification e-mails go out before a test looks at the outbox
    clear_process_cache()
    grids = {g.name: g for g in db.session.scalars(select(Grid))}
    buildings = {b.name: b for b in db.session.scalars(select(Building))}
    return SimpleNamespace(committee=committee, wang=wang, anna=anna, kim=kim, bob=bob,
                           translator=translator, grids=grids, buildings=buildings)  # fmt: skip


@pytest.fixture
def category(db, people):
    made = services.create_category(people.committee, "Water and power", "水电", slug="water")
    db.session.commit()
    return made


WATER = {
    "title": "停水通知",
    "body": "12月3日9:00至17:00全小区**停水**。",
    "language": "zh-Hans",
}
WATER_EN = {"title": "Water cut", "body": "No **water** on 3 December from 9:00 to 17:00."}


@pytest.fixture
def write(db, people, category):
    """``write(translated=True, publish=True, **fields)``: a notice by the committee, with
    its English translation by the translator, published now (or at ``publish_at``)."""
    from consult.multilingual import services as multilingual

    def make(translated=True, publish=True, publish_at=None, **fields):
        values = {"category_id": category.id, **WATER, **fields}
        notice = services.create_notice(people.committee, **values)
        if translated:
            multilingual.save_translation(people.translator, notice, "en", WATER_EN)
        if publish:
            services.publish_notice(people.committee, notice, publish_at)
        db.session.commit()
        return notice

    return make


def page_text(response):
    html = response.get_data(as_text=True)
    start = html.find("<main")
    return html[start : html.find("</main>")] if start >= 0 else html
