"""A full register file: residents missing from it would be marked as moved out, so the
upload and the command line list them and ask first."""

import io

from sqlalchemy import select

from consult.residents.models import ImportJob, Resident
from tests.residents.conftest import ROWS, make_csv


def upload(client, data, **fields):
    return client.post(
        "/register/import",
        data={"file": (io.BytesIO(data), "register-2026.csv"), **fields},
        content_type="multipart/form-data",
    )


def resident(db, name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


def without_anna(phone_of_wang="13800000009"):
    rows = [dict(row) for row in ROWS if row["full_name"] != "Anna Smith"]
    rows[0]["phone"] = phone_of_wang  # a change, to see when the file is imported
    return make_csv(rows)


def test_the_upload_lists_who_would_move_out_and_waits_for_a_confirmation(
    client, db, imported, committee
):
    response = upload(client, without_anna(), full="y")
    assert response.status_code == 302
    page = client.get(response.location)
    html = page.get_data(as_text=True)
    assert "Refresh" not in page.headers  # nothing runs while it waits
    assert "Confirm the import of register-2026.csv" in html
    assert "Anna Smith" in html and "A-202" in html and "王芳" not in html
    # Nothing is imported yet.
    db.session.expire_all()
    assert resident(db, "王芳").phone == "13800000001"
    assert resident(db, "Anna Smith").moved_out_on is None
    job = db.session.scalars(select(ImportJob)).one()
    assert job.status == "confirming" and job.job_id is None
    done = client.post(f"/register/import/{job.id}/confirm")
    assert done.status_code == 302
    html = client.get(done.location).get_data(as_text=True)
    assert "The register has been imported." in html
    assert "Residents marked as moved out" in html
    db.session.expire_all()
    anna = resident(db, "Anna Smith")
    assert anna.moved_out_on is not None and anna.moved_out_import_id == job.id
    assert resident(db, "王芳").phone == "13800000009"
    assert resident(db, "王芳").moved_out_on is None
    entry = client.get(f"/register/residents/{anna.id}").get_data(as_text=True)
    assert "did not list them" in entry and "register-2026.csv" in entry
    # Confirmed once: a second confirmation is refused.
    assert client.post(f"/register/import/{job.id}/confirm").status_code == 422


def test_cancelling_imports_nothing(client, db, imported, committee):
    response = upload(client, without_anna(), full="y")
    job = db.session.scalars(select(ImportJob)).one()
    cancelled = client.post(f"/register/import/{job.id}/cancel")
    assert cancelled.status_code == 302
    db.session.expire_all()
    assert job.status == "cancelled" and job.content is None
    assert resident(db, "王芳").phone == "13800000001"
    assert resident(db, "Anna Smith").moved_out_on is None
    assert "nothing was imported" in client.get(response.location).get_data(as_text=True)


def test_the_check_only_run_lists_them_and_changes_nothing(client, db, imported, committee):
    response = upload(client, without_anna(), full="y", dry_run="y")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Would be marked as moved out" in html and "Anna Smith" in html
    db.session.expire_all()
    assert resident(db, "Anna Smith").moved_out_on is None
    assert db.session.scalars(select(ImportJob)).first() is None


def test_a_full_file_that_misses_nobody_is_imported_at_once(client, db, imported, committee):
    response = upload(client, make_csv(), full="y")
    html = client.get(response.location).get_data(as_text=True)
    assert "The register has been imported." in html
    db.session.expire_all()
    assert all(r.moved_out_on is None for r in db.session.scalars(select(Resident)))


def test_without_full_nobody_is_marked(client, db, imported, committee):
    response = upload(client, without_anna())
    client.get(response.location)
    db.session.expire_all()
    assert resident(db, "Anna Smith").moved_out_on is None


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["residents", "import", *args], input=input)


def test_the_command_line_lists_them_and_asks(app, db, imported, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(without_anna())
    declined = run(app, str(path), "--full", input="n\n")
    assert declined.exit_code == 1
    assert "A-202  Anna Smith  1990-02-28" in declined.output
    assert "Nothing was imported." in declined.output
    db.session.expire_all()
    assert resident(db, "王芳").phone == "13800000001"
    assert resident(db, "Anna Smith").moved_out_on is None
    dry = run(app, str(path), "--full", "--dry-run")
    assert dry.exit_code == 0 and "Anna Smith" in dry.output
    db.session.expire_all()
    assert resident(db, "Anna Smith").moved_out_on is None
    accepted = run(app, str(path), "--full", input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "Residents marked as moved out: 1" in accepted.output
    db.session.expire_all()
    assert resident(db, "Anna Smith").moved_out_on is not None
    assert resident(db, "王芳").phone == "13800000009"


def test_the_command_line_confirms_with_yes_and_speaks_chinese(app, db, imported, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(without_anna())
    result = run(app, str(path), "--full", "--yes", "--locale", "zh_Hans")
    assert result.exit_code == 0, result.output
    assert "标记为已迁出的居民：1 人" in result.output


def test_a_full_import_nobody_confirms_is_cancelled_after_a_week(client, db, imported, committee):
    from datetime import timedelta

    from consult.core.models import utcnow
    from consult.residents.jobs import cancel_unconfirmed_imports

    upload(client, without_anna(), full="y")
    job = db.session.scalars(select(ImportJob)).one()
    assert cancel_unconfirmed_imports(now=utcnow() + timedelta(days=6)) == 0
    assert job.content is not None
    assert cancel_unconfirmed_imports(now=utcnow() + timedelta(days=8)) == 1
    db.session.expire_all()
    assert job.status == "cancelled" and job.content is None
    assert resident(db, "Anna Smith").moved_out_on is None
