"""The upload page, the import job page, export and template downloads."""

import io
import re

from sqlalchemy import func, select

from consult.residents import jobs
from consult.residents.models import ImportJob, Resident
from tests.residents.conftest import ROWS, make_csv, with_changes


def upload(client, data, filename="register.csv", **fields):
    return client.post(
        "/register/import",
        data={"file": (io.BytesIO(data), filename), **fields},
        content_type="multipart/form-data",
    )


def residents(db):
    return db.session.scalar(select(func.count()).select_from(Resident))


def test_upload_a_good_file_imports_it_and_shows_what_changed(client, db, committee):
    response = upload(client, make_csv(bom=True))
    assert response.status_code == 302
    assert "/register/import/" in response.location
    html = client.get(response.location).get_data(as_text=True)
    assert "The register has been imported." in html
    assert "Residents created" in html
    assert residents(db) == 5
    job = db.session.scalars(select(ImportJob)).one()
    assert job.status == "done"
    assert job.content is None  # the file is not kept
    assert job.created_by_id == committee.id


def test_upload_with_errors_lists_every_line_and_imports_nothing(client, db, committee):
    rows = with_changes(1, birth_date="1982-02-30")
    rows[4]["email"] = "marina@"
    response = upload(client, make_csv(rows), dry_run="y")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Problems found: 2." in html
    assert "<td>3</td>" in html and "1982-02-30" in html
    assert "<td>6</td>" in html and "marina@" in html
    assert residents(db) == 0
    # What was chosen is kept: the "only check" box is still ticked.
    assert re.search(r'<input checked[^>]*name="dry_run"', html)


def test_dry_run_reports_and_keeps_nothing(client, db, committee):
    response = upload(client, make_csv(), dry_run="y")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was saved" in html
    assert "Residents created" in html
    assert residents(db) == 0
    assert db.session.scalar(select(func.count()).select_from(ImportJob)) == 0


def test_upload_without_a_file_or_with_a_binary_file(client, db, committee):
    response = client.post("/register/import", data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a CSV file to upload." in response.get_data(as_text=True)
    response = upload(client, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", filename="photo.png")
    assert response.status_code == 422
    assert "cannot be read as text" in response.get_data(as_text=True)


def test_upload_in_chinese_reports_in_chinese(client, db, committee):
    committee.preferred_locale = "zh_Hans"
    db.session.commit()
    response = upload(client, make_csv(with_changes(1, gender="W")))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "is not F, M or X" not in html
    assert "“W”" in html


def test_job_page_refreshes_itself_until_done(client, db, committee):
    job = ImportJob(filename="big.csv", status="checking", total=20000, processed=4000,
                    created_by=committee)  # fmt: skip
    db.session.add(job)
    db.session.commit()
    response = client.get(f"/register/import/{job.id}")
    html = response.get_data(as_text=True)
    assert response.headers["Refresh"] == "2"
    assert '<progress max="20000" value="4000"' in html
    assert "4,000 of 20,000" in html
    job.status = "saving"
    db.session.commit()
    assert "<progress" in client.get(f"/register/import/{job.id}").get_data(as_text=True)
    job.status = "done"
    job.counts = '{"residents_created": 20000}'
    db.session.commit()
    response = client.get(f"/register/import/{job.id}")
    assert "Refresh" not in response.headers
    assert "20,000" in response.get_data(as_text=True)


def test_a_job_whose_file_became_bad_reports_its_problems(db, committee):
    # The upload was clean, but the job checks again (the register may have changed).
    job = jobs.start_import(
        committee, "late.csv", make_csv(with_changes(0, gender="?")).decode(), 5
    )
    db.session.commit()
    jobs.run_job(job.id)
    assert job.status == "failed"
    assert [p.line for p in jobs.job_problems(job)] == [2]
    assert residents(db) == 0


def test_export_downloads_the_register_with_a_bom(client, db, imported, committee):
    response = client.get("/register/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"\xef\xbb\xbf")
    text = response.data.decode("utf-8-sig")
    assert len(text.splitlines()) == 1 + len(ROWS)
    assert "王芳" in text and "Марина Иванова" in text


def test_template_downloads(client, db, committee):
    response = client.get("/register/template.csv")
    assert response.status_code == 200
    text = response.data.decode("utf-8-sig")
    assert text.startswith("household_code,building,unit,room,grid,full_name")
