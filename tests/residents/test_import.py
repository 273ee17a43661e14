"""Importing the register CSV: good files, re-imports, and every kind of bad row."""

from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from consult.residents import importer
from consult.residents.csvformat import COLUMNS, problem_message
from consult.residents.models import Building, Grid, Household, Resident
from tests.residents.conftest import ROWS, make_csv, with_changes


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def resident(db, full_name):
    return db.session.execute(select(Resident).filter_by(full_name=full_name)).scalar_one()


def messages(app, checked, locale="en"):
    with app.test_request_context(), force_locale(locale):
        return [(p.line, problem_message(p)) for p in checked.problems]


def test_good_file_fills_the_register(db, imported):
    assert imported["households_created"] == 4
    assert imported["residents_created"] == 5
    assert imported["grids_created"] == 2
    assert imported["buildings_created"] == 3
    assert (count(db, Household), count(db, Resident), count(db, Grid), count(db, Building)) == (
        4, 5, 2, 3,
    )  # fmt: skip
    wang = resident(db, "王芳")
    assert wang.latin_name == "Wang Fang"
    assert wang.birth_date == date(1982, 5, 17)
    assert wang.language_list == ["zh", "en"]
    assert wang.household.code == "A-101"
    assert wang.household.building.grid.name == "第一网格"
    marina = resident(db, "Марина Иванова")
    assert marina.nationality == "RU"  # any case is accepted, stored upper case
    assert marina.gender == "X"
    assert marina.household.unit is None
    assert resident(db, "김민준").household.building.name == "2"


def test_reimporting_the_same_file_changes_nothing(db, imported):
    before = {r.id: r.updated_at for r in db.session.scalars(select(Resident))}
    checked, counts = importer.import_register(make_csv())
    db.session.commit()
    assert counts["residents_created"] == counts["residents_updated"] == 0
    assert counts["households_created"] == counts["households_updated"] == 0
    assert counts["residents_unchanged"] == 5
    assert counts["households_unchanged"] == 4
    db.session.expire_all()
    assert {r.id: r.updated_at for r in db.session.scalars(select(Resident))} == before


def test_a_known_household_is_updated_and_a_known_resident_too(db, imported):
    rows = with_changes(0, room="909", phone="13900000000")
    rows[1]["room"] = "909"  # both residents of household A-101 moved rooms
    checked, counts = importer.import_register(make_csv(rows))
    db.session.commit()
    assert counts["households_updated"] == 1
    assert counts["residents_updated"] == 1
    assert counts["residents_created"] == 0
    wang = resident(db, "王芳")
    assert wang.phone == "13900000000"
    assert wang.household.room == "909"
    assert count(db, Resident) == 5


def test_a_person_with_another_birth_date_is_another_person(db, imported):
    rows = ROWS + [dict(ROWS[0], birth_date="2001-01-01")]
    checked, counts = importer.import_register(make_csv(rows))
    assert counts["residents_created"] == 1
    assert counts["residents_unchanged"] == 5


@pytest.mark.parametrize("bom", [True, False])
def test_utf8_with_or_without_bom(db, bom):
    checked, counts = importer.import_register(make_csv(bom=bom))
    assert checked.ok, checked.problems
    assert counts["residents_created"] == 5
    assert resident(db, "王芳").household.code == "A-101"


def test_columns_in_another_order_and_optional_columns_left_out(db):
    columns = ("full_name", "grid", "birth_date", "building", "household_code")
    checked, counts = importer.import_register(make_csv(columns=columns))
    assert checked.ok, checked.problems
    assert counts["residents_created"] == 5
    anna = resident(db, "Anna Smith")
    assert anna.birth_date == date(1990, 2, 28)
    assert anna.email is None


def test_leaving_a_column_out_keeps_what_the_register_has(db, imported):
    columns = ("household_code", "building", "grid", "full_name", "birth_date")
    checked, counts = importer.import_register(make_csv(columns=columns))
    assert counts["residents_unchanged"] == 5
    assert counts["households_unchanged"] == 4
    assert resident(db, "王芳").email == "wang.fang@example.org"
    assert resident(db, "王芳").household.room == "101"


def test_header_names_are_matched_loosely_and_blank_lines_are_skipped(db):
    text = " Household_Code ,BUILDING,grid,full_name\r\nX-1,9,G,Li Lei\r\n\r\n,,,\r\nX-1,9,G,Han Meimei\r\n"
    checked, counts = importer.import_register(text.encode())
    assert checked.ok, checked.problems
    assert counts["residents_created"] == 2


BAD_ROWS = [
    ({"full_name": ""}, "Full name (full_name) is empty, but it is required."),
    ({"household_code": ""}, "Household number (household_code) is empty, but it is required."),
    ({"grid": " "}, "Grid (grid) is empty, but it is required."),
    ({"birth_date": "17/05/1982"}, "birth_date “17/05/1982” is not a date written as YYYY-MM-DD."),
    (
        {"birth_date": "1982-02-30"},
        "birth_date “1982-02-30” is not a date that exists: check the day and the month.",
    ),
    ({"birth_date": "1982/13/01"}, "birth_date “1982/13/01” is not a date that exists"),
    ({"birth_date": "May 1982"}, "birth_date “May 1982” is not a date written as YYYY-MM-DD."),
    ({"birth_date": "2999-01-01"}, "birth_date 2999-01-01 is in the future."),
    ({"gender": "W"}, "gender “W” is not F, M or X."),
    ({"nationality": "Narnia"}, "nationality “Narnia” is not a two-letter ISO 3166 country code"),
    ({"nationality": "ZZ"}, "nationality “ZZ” is not a two-letter ISO 3166 country code"),
    ({"email": "wang.fang@"}, "email “wang.fang@” is not a valid e-mail address."),
    ({"languages": "zh;chinese!"}, "languages: “chinese!” is not a language tag"),
    ({"phone": "1" * 41}, "Phone (phone) is longer than 40 characters."),
    ({"room": "999"}, "Household A-101 has Room (room) “999” here but “101” on line 2."),
    (
        {"grid": "Grid Two"},
        "Household A-101 has Grid (grid) “Grid Two” here but “第一网格” on line 2.",
    ),
    ({"full_name": "王芳"}, "王芳, born 1982-05-17, in household A-101 is already on line 2."),
]


@pytest.mark.parametrize(("change", "message"), BAD_ROWS)
def test_a_bad_row_rejects_the_whole_file_with_its_line_number(app, db, change, message):
    # The second resident (line 3) is changed so as to be wrong.
    rows = with_changes(1, **change)
    if "full_name" in change and change["full_name"] == "王芳":
        rows[1]["birth_date"] = ROWS[0]["birth_date"]
    checked, counts = importer.import_register(make_csv(rows))
    assert counts is None
    found = messages(app, checked)
    assert any(line == 3 and message in text for line, text in found), found
    assert count(db, Resident) == count(db, Household) == 0


def test_a_building_in_two_grids_is_reported(app, db):
    rows = with_changes(3, building="1")  # building 1 is in 第一网格 on line 2
    checked, _ = importer.import_register(make_csv(rows))
    assert messages(app, checked) == [
        (5, "Building 1 is in grid “Grid Two” here but in grid “第一网格” on line 2.")
    ]


def test_every_bad_row_is_reported_not_only_the_first(app, db):
    rows = [dict(r) for r in ROWS]
    rows[0]["gender"] = "femme"
    rows[2]["birth_date"] = "yesterday"
    rows[4]["email"] = "marina at example"
    checked, counts = importer.import_register(make_csv(rows))
    assert counts is None
    assert [line for line, _ in messages(app, checked)] == [2, 4, 6]


def test_problems_are_reported_in_the_readers_language(app, db):
    checked, _ = importer.import_register(make_csv(with_changes(1, gender="W", full_name="")))
    found = messages(app, checked, "zh_Hans")
    assert (3, "姓名（full_name） 为空，但这是必填项。") in found
    assert (3, "gender“W”不是 F、M 或 X。") in found
    assert any(text.startswith("gender“W”不是") for _, text in messages(app, checked, "zh_Hant"))


def test_line_numbers_count_quoted_line_breaks(app, db):
    text = (
        "household_code,building,grid,full_name,phone\n"
        'A-1,1,G,"Li\nLei",\n'  # one row on lines 2-3
        "A-1,1,G,Han Meimei,\n"
        "A-1,1,G,,\n"  # line 5
    )
    checked, _ = importer.import_register(text.encode())
    assert [line for line, _ in messages(app, checked)] == [5]


def test_a_file_that_is_not_text_is_refused(app, db):
    checked, counts = importer.import_register(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    assert counts is None
    assert "cannot be read as text in UTF-8, UTF-16 or GB18030" in messages(app, checked)[0][1]


def test_missing_and_unknown_columns_are_reported_on_the_header_line(app, db):
    columns = ("household_code", "building", "name", "birthday")
    checked, _ = importer.import_register(make_csv(columns=columns))
    found = messages(app, checked)
    assert (1, "The header row lacks the required column(s): grid, full_name.") in found
    assert any(line == 1 and "name, birthday" in text for line, text in found)


def test_an_empty_file_and_a_header_only_file_are_refused(app, db):
    for data in (b"", "\ufeff".encode(), ",".join(COLUMNS).encode() + b"\n"):
        checked, counts = importer.import_register(data)
        assert counts is None
        assert "empty" in messages(app, checked)[0][1]


def test_a_row_with_too_many_fields_is_reported(app, db):
    text = "household_code,building,grid,full_name\nA-1,1,G,Li Lei,surplus\n"
    checked, _ = importer.import_register(text.encode())
    assert messages(app, checked) == [(2, "This row has more fields than the header row.")]


def test_dry_run_counts_but_writes_nothing(db, imported):
    rows = ROWS + [dict(ROWS[0], household_code="Z-1", full_name="New Person")]
    checked, counts = importer.import_register(make_csv(rows), dry_run=True)
    assert counts["residents_created"] == 1
    assert counts["households_created"] == 1
    assert count(db, Resident) == 5
    assert count(db, Household) == 4
