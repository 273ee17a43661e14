"""Back up, change the data, restore, compare: on SQLite and on PostgreSQL.

Backups need committed data, so each test has its own databases (not the rolled-back
transaction of the other tests).
"""

import json
import tarfile

import pytest
from sqlalchemy import select, text

from consult import create_app
from consult.extensions import db
from tests.databases import KINDS, fresh_database


def _app(url, uploads):
    return create_app(
        "testing", overrides={"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_DIR": str(uploads)}
    )


def _snapshot(app):
    """Every row of every table (sorted), and every uploaded file's bytes."""
    from pathlib import Path

    with app.app_context():
        rows = {
            table.name: sorted(
                (tuple(str(v) for v in row) for row in db.session.execute(select(table))),
            )
            for table in db.metadata.sorted_tables
        }
        db.session.remove()
    uploads = Path(app.config["UPLOAD_DIR"])
    files = {
        p.relative_to(uploads).as_posix(): p.read_bytes() for p in uploads.rglob("*") if p.is_file()
    }
    return rows, files


def _run(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    with app.app_context():
        db.session.remove()
    return result


@pytest.fixture(params=KINDS)
def live(request, tmp_path):
    """An app with the demo community and an uploaded file, committed."""
    with fresh_database(request.param, tmp_path) as url:
        uploads = tmp_path / "uploads"
        app = _app(url, uploads)
        with app.app_context():
            db.create_all()
            from consult.cli import seed_demo

            list(seed_demo())
            db.session.remove()
        (uploads / "imports").mkdir(parents=True)
        (uploads / "imports" / "register.csv").write_text("household_code\nCJ-0101\n", "utf-8")
        yield app, request.param, tmp_path
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_backup_change_restore_compare(live):
    app, kind, folder = live
    before = _snapshot(app)
    archive = folder / "consult-backup.tar.gz"
    result = _run(app, "backup", str(archive))
    assert result.exit_code == 0, result.output
    assert oct(archive.stat().st_mode)[-3:] == "600"  # personal data: the owner's only
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "uploads/imports/register.csv"} <= names
    assert manifest["database"] == kind and manifest["uploads"] == 1

    # Change the data and the files.
    with app.app_context():
        db.session.execute(text("UPDATE users SET display_name = 'changed'"))
        db.session.execute(text("DELETE FROM invitations"))
        db.session.commit()
        db.session.remove()
    uploads = folder / "uploads"
    (uploads / "imports" / "register.csv").unlink()
    (uploads / "new.csv").write_text("x", "utf-8")
    assert _snapshot(app) != before

    refused = _run(app, "restore", str(archive))
    assert refused.exit_code != 0 and "not empty" in refused.output
    result = _run(app, "restore", str(archive), "--force")
    assert result.exit_code == 0, result.output
    assert _snapshot(app) == before
    kept = list(folder.glob("uploads.before-restore-*"))
    assert len(kept) == 1 and (kept[0] / "new.csv").exists()


def test_restore_into_an_empty_database(live, tmp_path_factory):
    app, kind, folder = live
    before = _snapshot(app)
    archive = folder / "backup.tar.gz"
    assert _run(app, "backup", str(archive)).exit_code == 0
    other = tmp_path_factory.mktemp(f"restored-{kind}")
    with fresh_database(kind, other) as url:
        empty = _app(url, other / "uploads")
        result = _run(empty, "restore", str(archive))
        assert result.exit_code == 0, result.output
        assert _snapshot(empty)[0] == before[0]
        assert _snapshot(empty)[1] == before[1]
        with empty.app_context():
            db.engine.dispose()


def test_a_backup_of_another_kind_or_a_stranger_file_is_refused(live, tmp_path):
    app, kind, folder = live
    stranger = tmp_path / "stranger.tar.gz"
    stranger.write_bytes(b"not an archive")
    result = _run(app, "restore", str(stranger))
    assert result.exit_code != 0 and "not a Consult backup" in result.output
    archive = tmp_path / "evil.tar.gz"
    manifest = json.dumps({"app": "consult", "format": 1, "database": "oracle"}).encode()
    import io

    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    result = _run(app, "restore", str(archive), "--force")
    assert result.exit_code != 0 and "oracle" in result.output


def test_an_archive_cannot_write_outside_its_folder(live, tmp_path):
    import io

    app, _kind, _folder = live
    archive = tmp_path / "traversal.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        data = b"owned"
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    result = _run(app, "restore", str(archive), "--force")
    assert result.exit_code != 0
    assert not (tmp_path.parent / "escaped.txt").exists()
