"""Helpers for register tests: CSV files, an imported register, a signed-in committee."""

import csv
import io

import pytest
from sqlalchemy import event

from consult.residents import importer
from consult.residents.csvformat import COLUMNS

# A small register: Chinese and Latin names, two grids, three buildings, four households.
ROWS = [
    {"household_code": "A-101", "building": "1", "unit": "1", "room": "101", "grid": "第一网格",
     "full_name": "王芳", "latin_name": "Wang Fang", "gender": "F", "birth_date": "1982-05-17",
     "nationality": "CN", "languages": "zh;en", "phone": "13800000001", "email": "wang.fang@example.org"},
    {"household_code": "A-101", "building": "1", "unit": "1", "room": "101", "grid": "第一网格",
     "full_name": "陈小雨", "latin_name": "Chen Xiaoyu", "gender": "F", "birth_date": "2012-03-09",
     "nationality": "CN", "languages": "zh", "phone": "", "email": ""},
    {"household_code": "A-202", "building": "1", "unit": "2", "room": "202", "grid": "第一网格",
     "full_name": "Anna Smith", "latin_name": "", "gender": "F", "birth_date": "1990-02-28",
     "nationality": "GB", "languages": "en;zh", "phone": "", "email": "anna.smith@example.org"},
    {"household_code": "B-301", "building": "2", "unit": "1", "room": "301", "grid": "Grid Two",
     "full_name": "김민준", "latin_name": "Kim Minjun", "gender": "M", "birth_date": "1979-09-21",
     "nationality": "KR", "languages": "ko", "phone": "", "email": ""},
    {"household_code": "C-102", "building": "3", "unit": "", "room": "102", "grid": "Grid Two",
     "full_name": "Марина Иванова", "latin_name": "Marina Ivanova", "gender": "X",
     "birth_date": "1995-06-03", "nationality": "ru", "languages": "ru;en", "phone": "", "email": ""},
]  # fmt: skip


def make_csv(rows=ROWS, columns=COLUMNS, bom=False, encoding="utf-8"):
    """CSV bytes with a header row; each row a dict (missing keys are empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    text = buffer.getvalue()
    return (("\ufeff" if bom else "") + text).encode(encoding)


def with_changes(index, **changes):
    rows = [dict(row) for row in ROWS]
    rows[index].update(changes)
    return rows


@pytest.fixture
def imported(db):
    """The register of ROWS, imported and committed."""
    checked, counts = importer.import_register(make_csv())
    assert checked.ok, checked.problems
    db.session.commit()
    return counts


@pytest.fixture
def committee(signed_in):
    return signed_in("committee")


@pytest.fixture
def count_queries(db):
    """Counts the SQL statements run inside the ``with`` block."""

    class Counter:
        def __init__(self):
            self.count = 0

        def __enter__(self):
            event.listen(db.engine, "before_cursor_execute", self._count)
            return self

        def __exit__(self, *exc):
            event.remove(db.engine, "before_cursor_execute", self._count)

        def _count(self, *args):
            self.count += 1

    return Counter
