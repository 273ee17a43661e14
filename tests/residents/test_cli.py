"""`flask residents import|export|template`: exit codes, progress, reports."""

from sqlalchemy import func, select

from consult.residents.models import Resident
from tests.residents.conftest import make_csv, with_changes


def run(app, *args):
    return app.test_cli_runner().invoke(args=["residents", *args])


def residents(db):
    return db.session.scalar(select(func.count()).select_from(Resident))


def test_import_a_good_file(app, db, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(make_csv(bom=True))
    result = run(app, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "residents created: 5" in result.output
    assert "Saving" in result.output
    assert residents(db) == 5
    again = run(app, "import", str(path))
    assert "residents unchanged: 5" in again.output
    assert residents(db) == 5


def test_dry_run_changes_nothing(app, db, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(make_csv())
    result = run(app, "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was saved" in result.output
    assert "residents created: 5" in result.output
    assert residents(db) == 0


def test_a_bad_file_exits_non_zero_and_lists_every_line(app, db, tmp_path):
    rows = with_changes(1, birth_date="1982-13-01")
    rows[3]["nationality"] = "Korea"
    path = tmp_path / "register.csv"
    path.write_bytes(make_csv(rows))
    result = run(app, "import", str(path))
    assert result.exit_code == 1
    assert "Problems found: 2." in result.output
    assert "line 3: birth_date “1982-13-01”" in result.output
    assert "line 5: nationality “Korea”" in result.output
    assert residents(db) == 0


def test_the_report_follows_the_locale(app, db, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(make_csv(with_changes(1, gender="W")))
    result = run(app, "import", str(path), "--locale", "zh_Hans")
    assert result.exit_code == 1
    assert "gender" in result.output
    assert "is not F, M or X" not in result.output


def test_export_round_trips_through_import(app, db, tmp_path):
    source = tmp_path / "register.csv"
    source.write_bytes(make_csv())
    assert run(app, "import", str(source)).exit_code == 0
    exported = tmp_path / "export.csv"
    result = run(app, "export", str(exported))
    assert result.exit_code == 0, result.output
    data = exported.read_bytes()
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(
        ["household_code", "building", "unit", "room", "grid", "full_name", "latin_name",
         "gender", "birth_date", "nationality", "languages", "phone", "email"]
    )  # fmt: skip
    assert "A-101,1,1,101,第一网格,王芳,Wang Fang,F,1982-05-17,CN,zh;en" in text
    assert "Марина Иванова" in text
    again = run(app, "import", str(exported))
    assert "residents unchanged: 5" in again.output, again.output


def test_the_template_adds_nobody(app, db, tmp_path):
    path = tmp_path / "template.csv"
    assert run(app, "template", str(path)).exit_code == 0
    result = run(app, "import", str(path), "--dry-run")
    assert result.exit_code == 1
    assert "The file is empty" in result.output
