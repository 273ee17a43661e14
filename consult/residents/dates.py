"""Dates as the register reads them, in the import and the edit form alike.

Year first, always: ``1982-05-17``, and also as Chinese Excel saves a date cell
(``1982/5/17``) or as people write it (``1982.5.17``, ``1982年5月17日``). A date that is
written well but does not exist (``1970-02-30``) is told apart from one written badly.
"""

import re
from datetime import date

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class DateProblem(ValueError):
    """``kind`` is "format" (not written as a date) or "no_such_date" (e.g. 30 February)."""

    def __init__(self, kind, value):
        super().__init__(f"{kind}: {value}")
        self.kind = kind
        self.value = value


def parse_date(value):
    """The date ``value`` writes, or DateProblem saying why it is not one."""
    text = (value or "").strip()
    match = _DATE.match(text)
    if not match:
        raise DateProblem("format", text)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem("no_such_date", text) from None
