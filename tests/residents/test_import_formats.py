"""Register files as Excel really saves them: Chinese Excel's GBK, "Unicode text" (UTF-16,
tab-separated), column names in each UI language, dates and words people write."""

import io
from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from consult.residents import importer
from consult.residents.csvformat import problem_message
from consult.residents.models import ImportJob, Resident
from tests.residents.conftest import ROWS, make_csv

CHINESE_HEADER = ("户号", "楼栋", "单元", "室", "网格", "姓名", "拉丁字母姓名", "性别", "出生日期", "国籍", "使用语言", "电话", "电子邮箱")  # fmt: skip
TRADITIONAL_HEADER = ("戶號", "樓棟", "網格", "姓名", "性別", "出生日期", "國籍")
ENGLISH_HEADER = ("Household number", "Building", "Grid", "Full name", "Birth date", "Nationality")


def table(header, rows, separator=","):
    return "\r\n".join(separator.join(cells) for cells in [header, *rows]) + "\r\n"


CHINESE_ROWS = [
    ("CJ-1", "1幢", "1", "101", "第一网格", "王芳", "Wang Fang", "女", "1982/5/17", "中国", "zh", "", ""),
    ("CJ-1", "1幢", "1", "101", "第一网格", "陈磊", "", "男", "1980年11月2日", "CN", "zh", "", ""),
    ("CJ-2", "2幢", "1", "201", "第二网格", "張志明", "", "M", "1968-04-05", "中国台湾", "zh-Hant", "", ""),
]  # fmt: skip


def names(db):
    return {r.full_name: r for r in db.session.scalars(select(Resident))}


def test_chinese_excel_gbk_with_chinese_column_names(db):
    data = table(CHINESE_HEADER, CHINESE_ROWS).encode("gbk")
    checked, counts = importer.import_register(data)
    assert checked.ok, checked.problems
    assert checked.encoding == "gb18030"
    assert counts["residents_created"] == 3
    people = names(db)
    wang = people["王芳"]
    assert (wang.gender, wang.birth_date, wang.nationality) == ("F", date(1982, 5, 17), "CN")
    assert wang.household.unit == "1" and wang.household.room == "101"
    assert people["陈磊"].birth_date == date(1980, 11, 2)
    assert people["張志明"].nationality == "TW"


def test_gb18030_characters_outside_gbk_are_read(db):
    rows = [("CJ-3", "3幢", "", "", "第三网格", "𠮷野家", "", "", "", "", "", "", "")]
    checked, counts = importer.import_register(table(CHINESE_HEADER, rows).encode("gb18030"))
    assert checked.ok, checked.problems
    assert "𠮷野家" in names(db)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_unicode_text_is_utf16_and_tab_separated(db, encoding):
    text = table(TRADITIONAL_HEADER, [("TW-1", "5幢", "網格五", "陳美玲", "女", "1975-01-02", "中國臺灣")], "\t")  # fmt: skip
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    checked, counts = importer.import_register(data)
    assert checked.ok, checked.problems
    assert checked.encoding == "utf-16"
    chen = names(db)["陳美玲"]
    assert (chen.gender, chen.nationality, chen.household.building.name) == ("F", "TW", "5幢")


def test_english_labels_and_semicolons(db):
    rows = [("EN-1", "7", "Grid Seven", "Jean Dupont", "2001.10.11", "France")]
    checked, counts = importer.import_register(table(ENGLISH_HEADER, rows, ";").encode())
    assert checked.ok, checked.problems
    jean = names(db)["Jean Dupont"]
    assert (jean.birth_date, jean.nationality) == (date(2001, 10, 11), "FR")


def test_a_column_named_twice_in_two_languages_is_reported(app, db):
    data = table(("household_code", "户号", "building", "grid", "full_name"), []).encode()
    checked = importer.check(data)
    with app.test_request_context():
        text = [problem_message(p) for p in checked.problems]
    assert text == ["The header row names a column twice: household_code."]


def test_a_date_that_does_not_exist_is_told_apart_from_a_badly_written_one(app, db):
    rows = [dict(ROWS[0], birth_date="1970-02-30"), dict(ROWS[1], birth_date="30.02.1970")]
    checked, counts = importer.import_register(make_csv(rows))
    with app.test_request_context(), force_locale("zh_Hans"):
        text = {p.line: problem_message(p) for p in checked.problems}
    assert "1970-02-30" in text[2] and "不存在" in text[2]
    assert "30.02.1970" in text[3] and "YYYY-MM-DD" in text[3]


def upload(client, data, **fields):
    return client.post(
        "/register/import",
        data={"file": (io.BytesIO(data), "名册.csv"), **fields},
        content_type="multipart/form-data",
    )


def test_the_upload_page_says_which_encoding_was_read(client, db, committee):
    data = table(CHINESE_HEADER, CHINESE_ROWS).encode("gbk")
    html = upload(client, data, dry_run="y").get_data(as_text=True)
    assert "The file was read as GB18030 (Chinese Excel: GBK, GB2312)." in html
    assert "First residents read: 王芳, 陈磊, and 張志明." in html
    # The import itself, in the background job, remembers it too.
    response = upload(client, data)
    job_page = client.get(response.location).get_data(as_text=True)
    assert "The file was read as GB18030" in job_page
    assert db.session.scalars(select(ImportJob)).one().encoding == "gb18030"


def test_a_finished_job_no_longer_says_importing(client, db, committee):
    response = upload(client, make_csv())
    html = client.get(response.location).get_data(as_text=True)
    assert "<h1>Imported 名册.csv</h1>" in html
    assert "Importing" not in html
    job = ImportJob(filename="bad.csv", status="failed", created_by=committee)
    db.session.add(job)
    db.session.commit()
    html = client.get(f"/register/import/{job.id}").get_data(as_text=True)
    assert "<h1>Not imported: bad.csv</h1>" in html


def test_the_edit_form_tells_a_missing_day_from_bad_writing(client, db, imported, committee):
    wang = db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()
    data = {"full_name": "王芳", "birth_date": "1970-02-30", "gender": "", "nationality": ""}
    response = client.post(f"/register/residents/{wang.id}/edit", data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "1970-02-30 is not a date that exists: check the day and the month." in html
    assert 'value="1970-02-30"' in html
    data["birth_date"] = "1982/5/18"
    assert client.post(f"/register/residents/{wang.id}/edit", data=data).status_code == 302
    db.session.expire_all()
    assert wang.birth_date == date(1982, 5, 18)


def test_the_command_line_says_which_encoding_was_read(app, db, tmp_path):
    path = tmp_path / "名册.csv"
    path.write_bytes(table(CHINESE_HEADER, CHINESE_ROWS).encode("gbk"))
    result = app.test_cli_runner().invoke(
        args=["residents", "import", str(path), "--dry-run", "--locale", "zh_Hans"]
    )
    assert result.exit_code == 0, result.output
    assert "文件按 GB18030（中文版 Excel：GBK、GB2312） 编码读取。" in result.output
