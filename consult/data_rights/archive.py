"""The two downloads: a person's own data, and everything the committee entered.

A person's data is small: one ZIP, built in memory, of ``data.json`` (every table, with
keys), one CSV per table (headers in the reader's language) and a README in English,
Simplified and Traditional Chinese.

Everything the committee entered can be large: each domain's ``ExportTable`` is written
with :func:`consult.core.csv.write_csv` straight into the ZIP, row by row as the database
hands them over, and the ZIP goes to a temporary file, never held whole in memory.
"""

import io
import json
import zipfile
from datetime import date, datetime

from flask import render_template
from flask_babel import force_locale

from consult.core.csv import write_csv
from consult.core.models import utcnow
from consult.domains import each_part
from consult.i18n import LOCALE_NAMES, UI_LOCALES


def plain(value):
    """A table cell as JSON holds it: text, number, boolean, ISO date, or null."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def cell(value):
    """A table cell as a CSV holds it."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(plain(value))


def _readme(template, **context):
    """The README in each UI language, one after the other."""
    parts = []
    for locale in UI_LOCALES:
        with force_locale(locale):
            parts.append(render_template(template, language=LOCALE_NAMES[locale], **context))
    return ("\n" + "=" * 72 + "\n\n").join(parts).replace("\n", "\r\n")


# A person's own data --------------------------------------------------------------------


def personal_document(user, tables, now=None):
    return {
        "generated_at": (now or utcnow()).isoformat(),
        "account_id": user.id,
        "tables": {
            table.name: {
                "title": str(table.title),
                "columns": list(table.keys),
                "rows": [
                    {key: plain(value) for key, value in zip(table.keys, row, strict=True)}
                    for row in table.rows
                ],
            }
            for table in tables
        },
    }


def personal_zip(user, tables):
    """The bytes of the ZIP a person downloads from "My data"."""
    now = utcnow()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            _readme("data_rights/readme_personal.txt", tables=tables, now=now, user=user),
        )
        document = personal_document(user, tables, now)
        archive.writestr("data.json", json.dumps(document, ensure_ascii=False, indent=2))
        for table in tables:
            text = write_csv(
                [str(label) for label in table.labels],
                ([cell(value) for value in row] for row in table.rows),
            )
            archive.writestr(f"{table.name}.csv", text.encode("utf-8"))
    return buffer.getvalue()


# Everything the committee entered ----------------------------------------------------


def export_files():
    """(path in the ZIP, ExportTable) for every domain's export tables, in domain order."""
    return [
        (f"{domain.name}/{table.filename}", table)
        for domain, hook in each_part("exports")
        for table in hook()
    ]


def write_everything(fileobj):
    """Write the committee's ZIP into ``fileobj`` (a binary file open for writing)."""
    files = export_files()
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt", _readme("data_rights/readme_export.txt", files=files, now=utcnow())
        )
        for path, table in files:
            with (
                archive.open(path, "w", force_zip64=True) as raw,
                io.TextIOWrapper(raw, encoding="utf-8", newline="") as text,
            ):
                write_csv(table.columns, table.rows(), out=text)
    return [path for path, _table in files]
