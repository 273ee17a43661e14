"""The app's one CSV writer: Excel-friendly, and no cell a spreadsheet would run."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consult.core.csv import neutralise, restore, write_csv

FORMULAS = ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tcmd", "\r=x", '=HYPERLINK("x")']


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_would_run_starts_with_a_quote(value):
    assert neutralise(value) == "'" + value
    assert restore(neutralise(value)) == value


@pytest.mark.parametrize("value", ["王芳", "Anna", "13800000001", "'quoted", "a=b", "", "'"])
def test_other_cells_are_written_as_they_are(value):
    assert neutralise(value) == value
    assert restore(value) == value


def test_a_value_that_already_starts_with_the_quote_survives_the_round_trip():
    assert neutralise("'=x") == "''=x"
    assert restore("''=x") == "'=x"
    # A person's own Excel text marker is read as Excel means it.
    assert restore("'-5") == "-5"


@given(st.text())
def test_every_string_round_trips(value):
    assert restore(neutralise(value)) == value


@given(st.text())
def test_no_written_cell_starts_like_a_formula(value):
    assert not neutralise(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_file_has_a_bom_crlf_lines_and_neutral_cells():
    text = write_csv(("name", "phone"), [("=cmd|' /C calc'!A0", "+8613800000000"), ("王芳", None)])
    assert text.startswith("\ufeff")
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows == [
        ["name", "phone"],
        ["'=cmd|' /C calc'!A0", "'+8613800000000"],
        ["王芳", ""],
    ]


def test_written_to_a_stream_row_by_row_it_is_the_same_file():
    rows = [("=cmd", "王芳"), ("+86", None)]
    consumed = []

    def one_by_one():
        for row in rows:
            consumed.append(row)
            yield row

    stream = io.StringIO(newline="")
    assert write_csv(("a", "b"), one_by_one(), out=stream) is None
    assert stream.getvalue() == write_csv(("a", "b"), rows)
    assert consumed == rows
