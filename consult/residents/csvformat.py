"""The register's CSV format: its columns, the problems a file can have, export and template.

Problems are kept as (line, code, params) and put into words only when shown, so each
reader sees them in their own language (``problem_message``).
"""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from consult.core.csv import write_csv

COLUMNS = (
    "household_code", "building", "unit", "room", "grid", "full_name", "latin_name",
    "gender", "birth_date", "nationality", "languages", "phone", "email",
)  # fmt: skip
REQUIRED = ("household_code", "building", "grid", "full_name")
HOUSEHOLD_COLUMNS = ("building", "unit", "room", "grid")
RESIDENT_COLUMNS = (
    "latin_name", "gender", "birth_date", "nationality", "languages", "phone", "email",
)  # fmt: skip
MAX_LENGTH = {
    "household_code": 40, "building": 40, "unit": 20, "room": 20, "grid": 80,
    "full_name": 120, "latin_name": 120, "languages": 100, "phone": 40, "email": 254,
}  # fmt: skip
MAX_ROWS = 100_000
# More columns than any register needs: a header longer than this is refused at once.
MAX_COLUMNS = 100

# File-level problems carry line 0 (the whole file) or 1 (the header).
MESSAGES = {
    "not_utf8": _l("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."),
    "not_csv": _l("The file cannot be read as CSV: %(detail)s"),
    "empty": _l("The file is empty: it needs a header row and at least one resident."),
    "missing_columns": _l("The header row lacks the required column(s): %(columns)s."),
    "unknown_columns": _l(
        "The header row has column(s) this register does not know: %(columns)s. The columns are: %(known)s."
    ),
    "duplicate_columns": _l("The header row names a column twice: %(columns)s."),
    "too_many_columns": _l(
        "The header row has %(count)d columns; a register file has at most %(max)d. Check that the file is the register."
    ),
    "too_many_rows": _l("The file has more than %(max)d rows; split it into smaller files."),
    "extra_fields": _l("This row has more fields than the header row."),
    "required": _l("%(column)s is empty, but it is required."),
    "too_long": _l("%(column)s is longer than %(max)d characters."),
    "bad_date": _l("birth_date “%(value)s” is not a date written as YYYY-MM-DD."),
    "future_date": _l("birth_date %(value)s is in the future."),
    "bad_gender": _l("gender “%(value)s” is not F, M or X."),
    "bad_nationality": _l(
        "nationality “%(value)s” is not a two-letter ISO 3166 country code (such as CN, DE or KR)."
    ),
    "bad_language": _l(
        "languages: “%(value)s” is not a language tag (such as zh, en or zh-Hant); separate several with “;”."
    ),
    "bad_email": _l("email “%(value)s” is not a valid e-mail address."),
    "duplicate_person": _l(
        "%(name)s, born %(birth_date)s, in household %(household)s is already on line %(first_line)d."
    ),
    "household_conflict": _l(
        "Household %(household)s has %(column)s “%(value)s” here but “%(first_value)s” on line %(first_line)d."
    ),
    "building_conflict": _l(
        "Building %(building)s is in grid “%(value)s” here but in grid “%(first_value)s” on line %(first_line)d."
    ),
    "unknown_problem": _l("This row could not be imported."),
}


@dataclass(frozen=True)
class Problem:
    line: int
    code: str
    params: dict = field(default_factory=dict)

    def as_json(self):
        return [self.line, self.code, self.params]

    @classmethod
    def from_json(cls, value):
        line, code, params = value
        return cls(line, code, params)


def problem_message(problem):
    """The problem in words, in the language in force."""
    template = MESSAGES.get(problem.code, MESSAGES["unknown_problem"])
    text = str(template)
    try:
        return text % problem.params if problem.params else text
    except (KeyError, TypeError, ValueError):
        return str(MESSAGES["unknown_problem"])


def export_csv(rows):
    """The register as CSV in the import format (UTF-8 with BOM, formulas neutralised)."""
    return write_csv(COLUMNS, rows)


def template_csv():
    """An empty register file: the header row only (examples are in the README, so that
    none can be imported as a real person)."""
    return write_csv(COLUMNS, [])
