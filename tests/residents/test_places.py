"""Grids and buildings: named in each content language, and listed as people count."""

import re

from sqlalchemy import select

from consult.residents import importer, services
from consult.residents.models import Building, Grid, Household, Resident
from consult.residents.places import natural_key, place_name
from tests.conftest import sign_in
from tests.residents.conftest import make_csv

GRIDS = ["第三网格", "第十网格", "第二网格", "第一网格", "Grid 10", "Grid 2"]


def register_with_grids(db):
    rows = [
        {"household_code": f"H-{n}", "building": f"楼{n}", "grid": grid, "full_name": f"P{n}"}
        for n, grid in enumerate(GRIDS)
    ]
    rows.append({"household_code": "W-1", "building": "文鼎苑10", "grid": "第一网格", "full_name": "Q"})  # fmt: skip
    rows.append({"household_code": "W-2", "building": "文鼎苑9", "grid": "第一网格", "full_name": "R"})  # fmt: skip
    checked, _ = importer.import_register(make_csv(rows))
    assert checked.ok, checked.problems
    db.session.commit()


def options(html, select_id):
    block = html.split(f'id="{select_id}"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', block)


def test_names_sort_as_people_count():
    assert sorted(["第十", "第三", "第二", "第一"], key=natural_key) == [
        "第一",
        "第二",
        "第三",
        "第十",
    ]
    assert sorted(["Grid 10", "Grid 2", "Grid 1"], key=natural_key) == [
        "Grid 1",
        "Grid 2",
        "Grid 10",
    ]
    assert sorted(["十二", "二十", "一百零五", "九"], key=natural_key) == [
        "九",
        "十二",
        "二十",
        "一百零五",
    ]


def test_the_register_filters_list_grids_and_buildings_in_counting_order(client, db, committee):
    register_with_grids(db)
    html = client.get("/register").get_data(as_text=True)
    assert options(html, "filter-grid") == [
        "Grid 2", "Grid 10", "第一网格", "第二网格", "第三网格", "第十网格",
    ]  # fmt: skip
    buildings = options(html, "filter-building")
    assert buildings.index("文鼎苑9") < buildings.index("文鼎苑10")


def test_the_committee_sets_an_order(client, db, committee):
    register_with_grids(db)
    tenth = db.session.scalars(select(Grid).filter_by(name="第十网格")).one()
    response = client.post(f"/register/grids/{tenth.id}/edit", data={"position": "1"})
    assert response.status_code == 302
    html = client.get("/register").get_data(as_text=True)
    assert options(html, "filter-grid")[0] == "第十网格"
    listing = client.get("/register/places").get_data(as_text=True)
    assert listing.index("第十网格") < listing.index("Grid 2") < listing.index("第一网格")


def test_bad_values_stay_at_their_field(client, db, committee):
    register_with_grids(db)
    grids = {g.name: g for g in db.session.scalars(select(Grid))}
    url = f"/register/grids/{grids['第二网格'].id}/edit"
    assert client.post(f"/register/grids/{grids['第一网格'].id}/edit", data={"name_en": "Grid One"}).status_code == 302  # fmt: skip
    response = client.post(url, data={"name_en": "grid one", "position": "soon"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="grid one"' in html and 'value="soon"' in html
    assert "Enter a whole number." in html
    response = client.post(url, data={"name_en": "grid one", "position": "2"})
    assert response.status_code == 422
    assert "Another place already has this name." in response.get_data(as_text=True)
    db.session.expire_all()
    assert not grids["第二网格"].names and grids["第二网格"].position is None


def test_names_show_in_each_readers_language_with_the_original_as_fallback(
    client, db, committee, create_user
):
    rows = [
        {"household_code": "WD-1", "building": "文鼎苑8", "unit": "1", "room": "601",
         "grid": "文鼎苑网格", "full_name": "Jean Dupont", "email": "jean@example.org"},
    ]  # fmt: skip
    assert importer.import_register(make_csv(rows))[0].ok
    db.session.commit()
    building = db.session.scalars(select(Building)).one()
    grid = db.session.scalars(select(Grid)).one()
    response = client.post(
        f"/register/buildings/{building.id}/edit", data={"name_en": " Wendingyuan  8 "}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert building.names == {"en": "Wendingyuan 8"}

    committee.preferred_locale = "en"
    db.session.commit()
    table = client.get("/register").get_data(as_text=True)
    assert "Wendingyuan 8" in table and "文鼎苑网格" in table  # the grid has no English name

    household = db.session.scalars(select(Household)).one()
    letter = client.get(
        client.post(f"/register/households/{household.id}/invitation", data={"days": "30"}).location
    ).get_data(as_text=True)
    assert "Building Wendingyuan 8, unit 1, room 601" in letter
    assert "文鼎苑8 幢 1 单元 601 室" in letter  # the Chinese half keeps the Chinese name

    # The resident's own entry, in English and in Traditional Chinese.
    user = create_user("jean@example.org")
    services.verify_resident(committee, db.session.scalars(select(Resident)).one(), user)
    db.session.commit()
    client.post("/account/sign-out")
    sign_in(client, user)
    mine = client.get("/register/me").get_data(as_text=True)
    assert "Building Wendingyuan 8" in mine
    user.preferred_locale = "zh_Hant"
    db.session.commit()
    mine = client.get("/register/me").get_data(as_text=True)
    assert "文鼎苑8 幢" in mine and "文鼎苑網格" in mine  # converted to Traditional
    assert not grid.names


def test_place_name_falls_back_and_converts(app):
    with app.test_request_context():
        assert place_name("文鼎苑8", {"en": "Wendingyuan 8"}, "en") == "Wendingyuan 8"
        assert place_name("文鼎苑8", {"en": "Wendingyuan 8"}, "zh_Hans") == "文鼎苑8"
        assert place_name("春江第一网格", {}, "zh_Hant") == "春江第一網格"
        assert place_name("Grid 2", None, "en") == "Grid 2"


def test_the_api_gives_the_names(client, db, committee):
    register_with_grids(db)
    grid = db.session.scalars(select(Grid).filter_by(name="第一网格")).one()
    client.post(f"/register/grids/{grid.id}/edit", data={"name_en": "Grid One"})
    data = client.get(f"/api/v1/grids/{grid.id}").get_json()
    assert data["names"] == {"en": "Grid One"}
    assert [b["name"] for b in data["buildings"]] == ["文鼎苑9", "文鼎苑10", "楼3"]
