"""`flask backup FILE` and `flask restore FILE`: the database and the uploaded files.

A backup is one gzipped tar archive: ``manifest.json``, the database (``database.sqlite3``
made with SQLite's online backup API, or ``database.pgdump`` by ``pg_dump`` in its custom
format) and ``uploads/`` (the UPLOAD_DIR folder). Both database copies are consistent
snapshots taken while the app keeps running. The archive holds personal data: it is
written readable by its owner only.

Restore refuses a database that holds any row, or an upload folder with files, unless
``--force``; then the database is overwritten and the old upload folder is kept beside
the new one (``uploads.before-restore-<time>``).
"""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import inspect, literal, select, text
from sqlalchemy.engine import make_url

from consult.extensions import db

FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(click.ClickException):
    pass


def upload_dir():
    return Path(current_app.config["UPLOAD_DIR"])


# The database ----------------------------------------------------------------------------


def _kind():
    return db.engine.dialect.name


def _sqlite_path():
    path = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"]).database
    if not path or path == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(path)


def _copy_sqlite(source, target):
    """SQLite's online backup API: a consistent copy while others read and write."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _libpq(url):
    """A libpq address and environment for pg_dump/pg_restore (the password not in argv)."""
    url = make_url(url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    address = url.set(drivername="postgresql", password=None)
    return address.render_as_string(hide_password=False), env


def _major(version_text):
    match = re.search(r"(\d+)(?:\.(\d+))?", version_text)
    if not match:
        raise BackupError(f"Cannot read a version from {version_text!r}.")
    return int(match.group(1))


def _check_client(program):
    """The PostgreSQL client ``program``, refused when older than the server it talks to."""
    found = shutil.which(program)
    if not found:
        raise BackupError(
            f"{program} is not installed (Debian: apt-get install postgresql-client)."
        )
    client = _major(subprocess.run([found, "--version"], capture_output=True, text=True).stdout)
    server = int(db.session.execute(text("SHOW server_version_num")).scalar()) // 10000
    if client < server:
        raise BackupError(
            f"{program} {client} cannot work with a PostgreSQL {server} server: "
            f"install postgresql-client-{server}."
        )
    return found


def _run(argv, env):
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed: {result.stderr.strip()}")


def _dump_database(target):
    if _kind() == "sqlite":
        _copy_sqlite(_sqlite_path(), target)
    else:
        pg_dump = _check_client("pg_dump")
        address, env = _libpq(current_app.config["SQLALCHEMY_DATABASE_URI"])
        argv = [pg_dump, "--format=custom", "--no-owner", "--no-privileges"]
        _run([*argv, f"--file={target}", f"--dbname={address}"], env)


def _load_database(source):
    db.session.remove()
    db.engine.dispose()  # no pooled connection keeps the old schema
    if _kind() == "sqlite":
        _copy_sqlite(source, _sqlite_path())
    else:
        pg_restore = _check_client("pg_restore")
        db.session.remove()
        address, env = _libpq(current_app.config["SQLALCHEMY_DATABASE_URI"])
        argv = [pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
        _run([*argv, "--single-transaction", f"--dbname={address}", str(source)], env)
    db.engine.dispose()


def database_has_rows():
    """Whether any table of the app's database holds a row (Alembic's bookkeeping aside)."""
    present = set(inspect(db.engine).get_table_names())
    for table in db.metadata.sorted_tables:
        if table.name not in present:
            continue
        if db.session.execute(select(literal(1)).select_from(table).limit(1)).first():
            return True
    return False


def _alembic_revision():
    if "alembic_version" not in inspect(db.engine).get_table_names():
        return None
    return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()


# The archive ------------------------------------------------------------------------------


def write_backup(path):
    """Write the backup archive to ``path``; returns its manifest."""
    path = Path(path)
    kind = _kind()
    if kind not in DATABASE_FILES:
        raise BackupError(f"Backups of {kind} databases are not supported.")
    uploads = upload_dir()
    files = sorted(p for p in uploads.rglob("*") if p.is_file()) if uploads.is_dir() else []
    manifest = {
        "format": FORMAT,
        "app": "consult",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": kind,
        "alembic_revision": _alembic_revision(),
        "uploads": len(files),
    }
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE_FILES[kind]
        _dump_database(dump)  # first the database, then the files it may name
        partial = path.with_name(f".{path.name}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime = len(data), int(datetime.now(UTC).timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for file in files:
                tar.add(file, arcname=f"uploads/{file.relative_to(uploads).as_posix()}")
        partial.replace(path)
    return manifest


def read_backup(path, scratch):
    """Unpack the archive at ``path`` into ``scratch`` (safely); returns its manifest."""
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            tar.extractall(scratch, filter="data")  # no absolute paths, links out or devices
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a Consult backup: {error}") from None
    try:
        manifest = json.loads((Path(scratch) / "manifest.json").read_text())
    except (OSError, ValueError):
        raise BackupError(f"{path} is not a Consult backup: no manifest.json") from None
    if manifest.get("app") != "consult" or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Consult backup of format {FORMAT}.")
    return manifest


def restore_backup(path, *, force=False):
    """Bring back the database and uploads of the archive at ``path``; returns its manifest."""
    kind = _kind()
    with tempfile.TemporaryDirectory() as scratch:
        manifest = read_backup(path, scratch)
        if manifest["database"] != kind:
            raise BackupError(
                f"This backup is of a {manifest['database']} database; the app uses {kind}."
            )
        uploads = upload_dir()
        if not force:
            if database_has_rows():
                raise BackupError(
                    "The database is not empty. Restore into an empty database, "
                    "or add --force to overwrite it."
                )
            if uploads.is_dir() and any(uploads.iterdir()):
                raise BackupError(f"{uploads} is not empty; add --force to replace it.")
        _load_database(Path(scratch) / DATABASE_FILES[kind])
        restored = Path(scratch) / "uploads"
        if uploads.is_dir() and any(uploads.iterdir()):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            uploads.rename(uploads.with_name(f"{uploads.name}.before-restore-{stamp}"))
        elif uploads.is_dir():
            uploads.rmdir()
        uploads.parent.mkdir(parents=True, exist_ok=True)
        if restored.is_dir():
            shutil.move(str(restored), uploads)
        else:
            uploads.mkdir()
    return manifest


# Commands ---------------------------------------------------------------------------------


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(file):
    """Write the database and uploaded files to FILE (a .tar.gz), while the app runs."""
    manifest = write_backup(file)
    click.echo(
        f"Backed up the {manifest['database']} database and {manifest['uploads']} uploaded "
        f"file(s) to {file}."
    )


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite a database that holds data.")
@with_appcontext
def restore_command(file, force):
    """Bring back a backup FILE into an empty database (stop the app first)."""
    manifest = restore_backup(file, force=force)
    click.echo(
        f"Restored the backup of {manifest['created_at']} "
        f"({manifest['uploads']} uploaded file(s)). Run `flask db upgrade` if the app is newer."
    )
