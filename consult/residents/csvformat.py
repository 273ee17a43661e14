"""The register's CSV format: its columns, the problems a file can have, export and template.

Problems are kept as (line, code, params) and put into words only when shown, so each
reader sees them in their own language (``problem_message``).

A header may name a column by its code (``household_code``) or by its label in any UI
language (``Household number``, ``户号``, ``戶號``): the labels are the catalogs' words.
"""

from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.core.csv import write_csv
from consult.residents.models import Gender

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

COLUMN_LABELS = {
    "household_code": _l("Household number"),
    "building": _l("Building"),
    "unit": _l("Unit"),
    "room": _l("Room"),
    "grid": _l("Grid"),
    "full_name": _l("Full name"),
    "latin_name": _l("Name in Latin letters"),
    "gender": _l("Gender"),
    "birth_date": _l("Birth date"),
    "nationality": _l("Nationality"),
    "languages": _l("Languages spoken"),
    "phone": _l("Phone"),
    "email": _l("E-mail address"),
}
# How a file was read, named for the committee.
ENCODING_NAMES = {
    "utf-8": _l("UTF-8"),
    "utf-16": _l("UTF-16 (Excel's “Unicode text”)"),
    "gb18030": _l("GB18030 (Chinese Excel: GBK, GB2312)"),
}

# File-level problems carry line 0 (the whole file) or 1 (the header).
MESSAGES = {
    "not_utf8": _l(
        "The file cannot be read as text in UTF-8, UTF-16 or GB18030. Save it from Excel as “CSV UTF-8” and upload it again."
    ),
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
    "nul_character": _l("%(column)s contains an invisible NUL character; remove it."),
    "bad_date": _l("birth_date “%(value)s” is not a date written as YYYY-MM-DD."),
    "no_such_date": _l(
        "birth_date “%(value)s” is not a date that exists: check the day and the month."
    ),
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
    "worker_stopped": _l(
        "The import stopped before it finished (the background worker was restarted). Nothing was saved; try again."
    ),
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


def encoding_name(encoding):
    """How a file was read, in the reader's language (None when not known)."""
    return ENCODING_NAMES.get(encoding) if encoding else None


def column_name(column):
    """A column as the reader knows it: its label in their language, and its code."""
    label = COLUMN_LABELS.get(column)
    if label is None:
        return column
    return _("%(label)s (%(code)s)", label=label, code=column)


def problem_message(problem):
    """The problem in words, in the language in force."""
    template = MESSAGES.get(problem.code, MESSAGES["unknown_problem"])
    text = str(template)
    params = dict(problem.params or {})
    if "column" in params:
        params["column"] = column_name(params["column"])
    try:
        return text % params if params else text
    except (KeyError, TypeError, ValueError):
        return str(MESSAGES["unknown_problem"])


def header_key(name):
    """What a header cell is compared by: case, spaces, ``_`` and ``-`` do not matter."""
    return " ".join(name.replace("_", " ").replace("-", " ").split()).casefold()


def _in_every_ui_language(labels):
    """{label in each UI language, case-folded: value} for ``{value: lazy label}``."""
    from consult.i18n import UI_LOCALES

    words = {}
    for locale in UI_LOCALES:
        with force_locale(locale):
            for value, label in labels.items():
                words.setdefault(header_key(str(label)), value)
    return words


_ALIASES = {}
_GENDER_WORDS = {}


def column_aliases():
    """{header_key: column} for every column's code and its label in each UI language."""
    if not _ALIASES:
        _ALIASES.update(_in_every_ui_language(COLUMN_LABELS))
        _ALIASES.update({header_key(column): column for column in COLUMNS})
    return _ALIASES


def gender_code(value):
    """F, M or X from the code or the word in any UI language (女, male ...), else None."""
    if value.upper() in Gender.values():
        return value.upper()
    if not _GENDER_WORDS:
        _GENDER_WORDS.update(_in_every_ui_language({g.value: g.label for g in Gender}))
    return _GENDER_WORDS.get(header_key(value))


def export_csv(rows):
    """The register as CSV in the import format (UTF-8 with BOM, formulas neutralised)."""
    return write_csv(COLUMNS, rows)


def template_csv():
    """An empty register file: the header row only (examples are in the README, so that
    none can be imported as a real person)."""
    return write_csv(COLUMNS, [])
