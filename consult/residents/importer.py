"""Import the committee's register CSV: read and check every row, then upsert in bulk.

All or nothing: ``check`` reports every bad row, and ``apply`` writes only a file that has
none. Writing loads what exists once into dicts and sends executemany inserts and updates
(no ORM flush per row), so 20,000 residents import in seconds. The caller commits.
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from email_validator import EmailNotValidError, validate_email

from consult.core.csv import restore
from consult.core.forms import contains_nul
from consult.residents.csvformat import (
    COLUMNS,
    HOUSEHOLD_COLUMNS,
    MAX_COLUMNS,
    MAX_LENGTH,
    MAX_ROWS,
    REQUIRED,
    Problem,
    column_aliases,
    gender_code,
    header_key,
)
from consult.residents.csvread import count_rows, decode, delimiter, read_text
from consult.residents.dates import DateProblem, parse_date
from consult.residents.reference import normalize_language, normalize_nationality
from consult.residents.rules import birth_date_in_future
from consult.residents.upsert import apply

__all__ = ["check", "import_register", "apply_checked", "count_rows", "decode", "read_text"]
_NAME_COLUMNS = ("full_name", "latin_name")
PROGRESS_EVERY = 500


@dataclass
class CheckedFile:
    """A file read and checked: its good rows, its problems, and which columns it has."""

    columns: tuple = ()
    encoding: str | None = None
    processed: int = 0
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def has(self, column):
        return column in self.columns


def check(data, today=None, progress=None):
    """Read ``data`` (bytes or str) and check every row; nothing is written."""
    text, encoding = read_text(data)
    if text is None:
        return CheckedFile(problems=[Problem(0, "not_utf8")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        header = next(reader, None)
    except csv.Error as error:
        return CheckedFile(encoding=encoding, problems=[Problem(1, "not_csv", {"detail": str(error)})])  # fmt: skip
    header, problems = _read_header(header or [])
    if problems:
        return CheckedFile(encoding=encoding, problems=problems)
    checked = CheckedFile(columns=tuple(header), encoding=encoding)
    today = today or date.today()
    seen = _Seen()
    line = reader.line_num
    processed = 0
    try:
        for values in reader:
            start, line = line + 1, reader.line_num
            if not any(value.strip() for value in values):
                continue  # blank lines and Excel's trailing ",,,,"
            processed += 1
            if processed > MAX_ROWS:
                checked.problems.append(Problem(start, "too_many_rows", {"max": MAX_ROWS}))
                break
            row, row_problems = _check_row(header, values, start, today)
            if not row_problems:
                row_problems = seen.conflicts(row, start, checked)
            if row_problems:
                checked.problems.extend(row_problems)
            else:
                checked.rows.append(row)
            if progress and processed % PROGRESS_EVERY == 0:
                progress(processed)
    except csv.Error as error:
        checked.problems.append(Problem(line + 1, "not_csv", {"detail": str(error)}))
    if not checked.rows and not checked.problems:
        checked.problems.append(Problem(0, "empty"))
    if progress:
        progress(processed)
    checked.processed = processed
    return checked


def _read_header(cells):
    """The header's columns (codes, whichever name the file used) and its problems, found
    in one pass: a header may be huge, and is refused fast."""
    if not cells or not any(cell.strip() for cell in cells):
        return [], [Problem(0, "empty")]
    if len(cells) > MAX_COLUMNS:
        return [], [Problem(1, "too_many_columns", {"count": len(cells), "max": MAX_COLUMNS})]
    aliases = column_aliases()
    header = [aliases.get(header_key(cell), cell.strip()) for cell in cells]
    problems = []
    duplicates = sorted(name for name, times in Counter(header).items() if times > 1)
    if duplicates:
        problems.append(Problem(1, "duplicate_columns", {"columns": ", ".join(duplicates)}))
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        params = {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        problems.append(Problem(1, "unknown_columns", params))
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(Problem(1, "missing_columns", {"columns": ", ".join(missing)}))
    return header, problems


def _check_row(header, values, line, today):
    problems = []
    if len(values) > len(header) and any(v.strip() for v in values[len(header) :]):
        problems.append(Problem(line, "extra_fields"))
    row = {"line": line}
    for index, column in enumerate(header):
        # Cells the export neutralised ('=...) read back as they were (consult.core.csv).
        value = restore(values[index].strip()) if index < len(values) else ""
        if contains_nul(value):  # PostgreSQL text cannot hold one
            problems.append(Problem(line, "nul_character", {"column": column}))
            value = ""
        if column in _NAME_COLUMNS:
            value = " ".join(value.split())
        if len(value) > MAX_LENGTH.get(column, 1000):
            problems.append(
                Problem(line, "too_long", {"column": column, "max": MAX_LENGTH[column]})
            )
            value = ""
        row[column] = value or None
    for column in REQUIRED:
        if not row[column]:
            problems.append(Problem(line, "required", {"column": column}))
    _check_fields(row, line, today, problems)
    return row, problems


def _check_fields(row, line, today, problems):
    if row.get("gender"):
        gender = gender_code(row["gender"])
        if gender:
            row["gender"] = gender
        else:
            problems.append(Problem(line, "bad_gender", {"value": row["gender"]}))
    if row.get("birth_date"):
        value = row["birth_date"]
        try:
            row["birth_date"] = parse_date(value)
        except DateProblem as problem:
            code = "no_such_date" if problem.kind == "no_such_date" else "bad_date"
            problems.append(Problem(line, code, {"value": value}))
        else:
            if birth_date_in_future(row["birth_date"], today):
                problems.append(Problem(line, "future_date", {"value": value}))
    if row.get("nationality"):
        code = normalize_nationality(row["nationality"])
        if code:
            row["nationality"] = code
        else:
            problems.append(Problem(line, "bad_nationality", {"value": row["nationality"]}))
    if row.get("languages"):
        tags = []
        for raw in row["languages"].split(";"):
            if not raw.strip():
                continue
            tag = normalize_language(raw)
            if tag is None:
                problems.append(Problem(line, "bad_language", {"value": raw.strip()}))
            elif tag not in tags:
                tags.append(tag)
        row["languages"] = ";".join(tags) or None
    if row.get("email"):
        try:
            row["email"] = validate_email(row["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            problems.append(Problem(line, "bad_email", {"value": row["email"]}))


class _Seen:
    """What earlier rows said, to catch a file that contradicts itself."""

    def __init__(self):
        self.people = {}
        self.households = {}
        self.buildings = {}

    def conflicts(self, row, line, checked):
        problems = []
        person = (row["household_code"], row["full_name"], row.get("birth_date"))
        if person in self.people:
            params = {
                "name": row["full_name"],
                "birth_date": row.get("birth_date") or "—",
                "household": row["household_code"],
                "first_line": self.people[person],
            }
            problems.append(Problem(line, "duplicate_person", _jsonable(params)))
        first = self.households.get(row["household_code"])
        if first:
            for column in HOUSEHOLD_COLUMNS:
                if checked.has(column) and first[column] != row[column]:
                    params = {
                        "household": row["household_code"],
                        "column": column,
                        "value": row[column] or "",
                        "first_value": first[column] or "",
                        "first_line": first["line"],
                    }
                    problems.append(Problem(line, "household_conflict", params))
        first = self.buildings.get(row["building"])
        if first and first["grid"] != row["grid"] and not problems:
            params = {
                "building": row["building"],
                "value": row["grid"],
                "first_value": first["grid"],
                "first_line": first["line"],
            }
            problems.append(Problem(line, "building_conflict", params))
        if not problems:
            self.people[person] = line
            self.households.setdefault(row["household_code"], row)
            self.buildings.setdefault(row["building"], row)
        return problems


def _jsonable(params):
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in params.items()
    }


def import_register(
    data, *, dry_run=False, today=None, check_progress=None, save_progress=None, actor=None
):
    """Check ``data`` and, when every row is good and this is no dry run, write it.

    Returns ``(checked, counts)``; counts is None when the file has problems.
    """
    checked = check(data, today=today, progress=check_progress)
    if not checked.ok:
        return checked, None
    return checked, apply(checked, dry_run=dry_run, progress=save_progress, actor=actor)


def apply_checked(checked, progress=None, actor=None):
    return apply(checked, dry_run=False, progress=progress, actor=actor)
