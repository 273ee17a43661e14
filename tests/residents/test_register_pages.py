"""The committee's register pages: who may see them, filters, search, edit, move, speed."""

import pytest
from sqlalchemy import select

from consult.residents import importer
from consult.residents.models import Building, Grid, Resident
from tests.conftest import sign_in
from tests.residents.conftest import ROWS, make_csv


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def resident_id(db, full_name):
    return db.session.scalar(select(Resident.id).filter_by(full_name=full_name))


COMMITTEE_PAGES = [
    "/register",
    "/register/import",
    "/register/export.csv",
    "/register/template.csv",
    "/register/residents/{id}",
    "/register/residents/{id}/edit",
    "/register/residents/{id}/move",
    "/register/households/{household}",
]


@pytest.mark.parametrize("url", COMMITTEE_PAGES)
@pytest.mark.parametrize("role", ["resident", "translator"])
def test_only_the_committee_sees_the_register(client, db, imported, signed_in, url, role):
    wang = db.session.get(Resident, resident_id(db, "王芳"))
    signed_in(role)
    response = client.get(url.format(id=wang.id, household=wang.household_id))
    assert response.status_code == 403
    assert "王芳" not in response.get_data(as_text=True)


@pytest.mark.parametrize("url", COMMITTEE_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, db, imported, url):
    wang = db.session.get(Resident, resident_id(db, "王芳"))
    response = client.get(url.format(id=wang.id, household=wang.household_id))
    assert response.status_code == 302
    assert "/account/sign-in" in response.location


def test_committee_actions_refuse_residents(client, db, imported, signed_in):
    wang_id = resident_id(db, "王芳")
    signed_in("resident")
    for url in (
        f"/register/residents/{wang_id}/edit",
        f"/register/residents/{wang_id}/verify",
        f"/register/residents/{wang_id}/revoke",
        f"/register/residents/{wang_id}/invitation",
        "/register/invitations",
        "/register/import",
    ):
        assert client.post(url, data={"full_name": "x", "days": "5"}).status_code == 403, url


def test_a_resident_sees_their_own_entry_and_nobody_elses(client, db, imported, create_user):
    from consult.residents import services

    user = create_user("wang.fang@example.org")
    committee = create_user(role="committee")
    wang = db.session.get(Resident, resident_id(db, "王芳"))
    services.verify_resident(committee, wang, user)
    db.session.commit()
    sign_in(client, user)
    mine = page(client, "/register/me")
    assert "王芳" in mine
    assert "A-101" in mine
    assert "Anna Smith" not in mine
    assert "陈小雨" not in mine
    anna = resident_id(db, "Anna Smith")
    assert client.get(f"/register/residents/{anna}").status_code == 403
    # Their own entry's committee page sends them to their own view of it.
    own = client.get(f"/register/residents/{wang.id}")
    assert own.status_code == 302 and own.headers["Location"].endswith("/register/me")


def test_an_unverified_resident_is_told_how_to_become_verified(client, db, signed_in):
    signed_in("resident")
    assert "not linked to an entry in the resident register" in page(client, "/register/me")


def test_register_lists_everyone_with_names_in_every_script(client, db, imported, committee):
    html = page(client, "/register")
    for row in ROWS:
        assert row["full_name"] in html
    assert "Residents: 5" in html
    assert "United Kingdom" in html  # nationality in the reader's language


def test_register_nationalities_follow_the_readers_language(client, db, imported, committee):
    committee.preferred_locale = "zh_Hans"
    db.session.commit()
    html = page(client, "/register")
    assert "英国" in html
    assert "韩国" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("王", {"王芳"}),
        ("wang", {"王芳"}),
        ("WANG FANG", {"王芳"}),
        ("марина", {"Марина Иванова"}),
        ("kim", {"김민준"}),
        ("민준", {"김민준"}),
        ("A-101", {"王芳", "陈小雨"}),
        ("100%", set()),
    ],
)
def test_search_by_name_in_any_script(client, db, imported, committee, query, expected):
    html = page(client, f"/register?q={query}")
    shown = {row["full_name"] for row in ROWS if row["full_name"] in html}
    assert shown == expected


def test_filters(client, db, imported, committee):
    grid_two = db.session.scalar(select(Grid.id).filter_by(name="Grid Two"))
    building_one = db.session.scalar(select(Building.id).filter_by(name="1"))

    def names(url):
        html = page(client, url)
        return {row["full_name"] for row in ROWS if row["full_name"] in html}

    assert names(f"/register?grid={grid_two}") == {"김민준", "Марина Иванова"}
    assert names(f"/register?building={building_one}") == {"王芳", "陈小雨", "Anna Smith"}
    assert names("/register?nationality=GB") == {"Anna Smith"}
    assert names("/register?verified=yes") == set()
    assert len(names("/register?verified=no")) == 5
    assert names(f"/register?grid={grid_two}&nationality=KR") == {"김민준"}
    # Nonsense in the query string is ignored, never a server error.
    assert len(names("/register?grid=abc&building=-1&page=x&verified=maybe")) == 5


def test_pagination(client, db, committee):
    rows = [
        {"household_code": f"H-{n:03}", "building": "1", "grid": "G", "full_name": f"Person {n:03}"}
        for n in range(60)
    ]
    importer.import_register(make_csv(rows))
    db.session.commit()
    first = page(client, "/register")
    assert "Person 000" in first and "Person 049" in first and "Person 050" not in first
    assert "1–50 of 60" in first
    assert (
        'aria-current="page" class="current" href="/register?page=1" aria-label="Page 1"' in first
    )
    assert 'href="/register?page=2"' in first
    second = page(client, "/register?page=2")
    assert "Person 050" in second and "Person 059" in second
    assert "Person 049" not in second
    assert "Person 059" in page(client, "/register?page=99")  # past the end: the last page


def _register_of(db, size):
    rows = [
        {"household_code": f"Q-{n // 3:03}", "building": str(n // 3 % 4), "grid": f"G{n // 3 % 4}",
         "full_name": f"Resident {n}", "nationality": ["CN", "DE", "KR"][n % 3]}
        for n in range(size)
    ]  # fmt: skip
    checked, counts = importer.import_register(make_csv(rows))
    assert checked.ok, checked.problems
    db.session.commit()


def test_register_page_uses_a_constant_number_of_queries(client, db, committee, count_queries):
    client.get("/contact")  # the footer's contact details, cached apart from the register
    _register_of(db, 5)
    with count_queries() as few_cold:
        assert client.get("/register").status_code == 200
    with count_queries() as few_warm:
        assert client.get("/register").status_code == 200
    _register_of(db, 50)
    with count_queries() as many_cold:
        html = page(client, "/register")
    assert "Resident 49" in html
    assert few_cold.count == many_cold.count <= 11
    # Until the register changes, its page comes from the cache.
    assert few_warm.count < few_cold.count


def test_the_cached_register_shows_every_change_at_once(
    client, db, imported, committee, create_user
):
    from consult.residents import services

    wang_id = resident_id(db, "王芳")
    assert "王芳" in page(client, "/register")  # now cached
    wang = db.session.get(Resident, wang_id)
    services.update_resident(committee, wang, full_name="王芳芳")
    db.session.commit()
    assert "王芳芳" in page(client, "/register")
    importer.import_register(make_csv([{**ROWS[0], "full_name": "新居民", "birth_date": ""}]))
    db.session.commit()
    assert "新居民" in page(client, "/register")
    anna = db.session.get(Resident, resident_id(db, "Anna Smith"))
    user = create_user("anna.smith@example.org")
    services.verify_resident(committee, anna, user)
    db.session.commit()
    listing = page(client, "/register?verified=yes")
    assert "Anna Smith" in listing and "王芳芳" not in listing


def test_edit_a_resident(client, db, imported, committee):
    wang_id = resident_id(db, "王芳")
    data = {
        "full_name": "王 芳",
        "latin_name": "Wang Fang",
        "gender": "F",
        "birth_date": "1982-05-18",
        "nationality": "CN",
        "languages": "zh; en ;zh-Hant",
        "phone": "",
        "email": "Fang.Wang@Example.org",
    }
    response = client.post(f"/register/residents/{wang_id}/edit", data=data)
    assert response.status_code == 302
    html = page(client, response.location)
    assert "王 芳" in html
    db.session.expire_all()
    wang = db.session.get(Resident, wang_id)
    assert wang.languages == "zh;en;zh-Hant"
    assert wang.email == "fang.wang@example.org"
    assert str(wang.birth_date) == "1982-05-18"
    assert "王 芳" in page(client, "/register?q=王 芳")


def test_bad_edits_are_refused_and_keep_what_was_typed(client, db, imported, committee):
    wang_id = resident_id(db, "王芳")
    data = {
        "full_name": "",
        "latin_name": "Wang Fang Typed",
        "birth_date": "17.05.1982",
        "nationality": "XX",
        "languages": "zh;???",
        "email": "not-an-address",
        "gender": "Q",
    }
    response = client.post(f"/register/residents/{wang_id}/edit", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This field is required." in html
    assert "Enter a date written as YYYY-MM-DD." in html
    assert "“???” is not a language tag" in html
    assert "valid e-mail address" in html
    assert 'value="Wang Fang Typed"' in html
    assert 'value="17.05.1982"' in html
    db.session.expire_all()
    assert db.session.get(Resident, wang_id).full_name == "王芳"


def test_edit_refuses_a_second_identical_person_in_a_household(client, db, imported, committee):
    child = resident_id(db, "陈小雨")
    data = {"full_name": "王芳", "birth_date": "1982-05-17", "gender": "", "nationality": ""}
    response = client.post(f"/register/residents/{child}/edit", data=data)
    assert response.status_code == 422
    assert "already has a resident with this name and birth date" in response.get_data(as_text=True)


def test_move_a_resident_to_another_household(client, db, imported, committee):
    anna = resident_id(db, "Anna Smith")
    response = client.post(f"/register/residents/{anna}/move", data={"household": "B-301"})
    assert response.status_code == 302
    assert "Anna Smith now belongs to household B-301." in page(client, response.location)
    household = page(client, "/register?q=B-301")
    assert "Anna Smith" in household and "김민준" in household


def test_move_to_an_unknown_household_is_refused(client, db, imported, committee):
    anna = resident_id(db, "Anna Smith")
    response = client.post(f"/register/residents/{anna}/move", data={"household": "NOPE-1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "There is no household with this household number." in html
    assert 'value="NOPE-1"' in html


def test_missing_entries_are_404(client, db, committee):
    assert client.get("/register/residents/999999").status_code == 404
    assert client.get("/register/households/999999").status_code == 404
    assert client.get("/register/import/999999").status_code == 404
    assert client.get("/register/invitations/nope").status_code == 404
