"""The register's CSV files: exports run no formula and import back unchanged; the
template holds no person; a header of absurd width is refused at once."""

import io

from sqlalchemy import select

from consult.residents import importer
from consult.residents.csvformat import COLUMNS, problem_message
from consult.residents.models import Household, Resident
from tests.residents.conftest import ROWS, make_csv

HOSTILE = {
    "household_code": "Z-1",
    "building": "9",
    "unit": "-1",
    "room": "@B1",
    "grid": "第一网格",
    "full_name": '=HYPERLINK("http://evil.example","click")',
    "latin_name": "+Plus Name",
    "phone": "+86 138 0000 0000",
    "email": "",
}


def test_export_neutralises_formulas_and_reimports_them_unchanged(client, db, committee):
    checked, counts = importer.import_register(make_csv([*ROWS, HOSTILE]))
    assert checked.ok, checked.problems
    db.session.commit()
    exported = client.get("/register/export.csv").data
    text = exported.decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), line
    assert "'=HYPERLINK" in text and "'+86 138" in text and ",'-1," in text

    # Importing the exported file changes nothing: every cell reads back as it was.
    checked, counts = importer.import_register(exported)
    assert checked.ok, checked.problems
    assert counts["residents_created"] == counts["residents_updated"] == 0
    assert counts["households_updated"] == 0
    hostile = db.session.scalars(select(Resident).filter_by(latin_name="+Plus Name")).one()
    assert hostile.full_name == HOSTILE["full_name"]
    assert hostile.phone == "+86 138 0000 0000"
    household = db.session.scalars(select(Household).filter_by(code="Z-1")).one()
    assert (household.unit, household.room) == ("-1", "@B1")


def test_the_template_is_the_header_only(client, db, committee):
    response = client.get("/register/template.csv")
    text = response.data.decode("utf-8-sig")
    assert text == ",".join(COLUMNS) + "\r\n"
    # Importing it adds nobody: it says the file has no resident.
    checked = importer.check(response.data)
    assert [p.code for p in checked.problems] == ["empty"]


def test_the_cli_template_is_the_header_only(app, db, tmp_path):
    path = tmp_path / "template.csv"
    result = app.test_cli_runner().invoke(args=["residents", "template", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == ("\ufeff" + ",".join(COLUMNS) + "\r\n").encode()


def test_a_header_with_too_many_columns_is_refused_at_once(app, client, db, committee):
    header = ",".join([*COLUMNS, *(f"extra{n}" for n in range(100_000))])
    data = (header + "\nA-1,1,,,G,Name\n").encode()
    checked = importer.check(data)
    assert [(p.line, p.code) for p in checked.problems] == [(1, "too_many_columns")]
    with app.test_request_context():
        assert "has 100013 columns" in problem_message(checked.problems[0])
    wide = (",".join(f"c{n}" for n in range(500)) + "\n").encode()
    response = client.post(
        "/register/import",
        data={"file": (io.BytesIO(wide), "wide.csv"), "dry_run": "y"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "a register file has at most 100" in response.get_data(as_text=True)


def test_a_hundred_columns_are_still_read(db):
    extra = [f"note{n}" for n in range(100 - len(COLUMNS))]
    checked = importer.check(make_csv(columns=(*COLUMNS, *extra)))
    assert [p.code for p in checked.problems] == ["unknown_columns"]
