"""The one CSV writer of the whole app, and the rule that reads its cells back.

Every CSV Consult writes (the register export, the import template, later exports) goes
through :func:`write_csv`: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line
ends (as Excel writes them), and every cell that a spreadsheet would run as a formula
neutralised by a leading single quote, as OWASP recommends against CSV injection.

The rule, which round-trips every string exactly:

- writing: a cell that starts with any number of ``'`` followed by one of ``= + - @``, tab
  or carriage return gets one more ``'`` in front (``=1+1`` → ``'=1+1``, ``'=x`` → ``''=x``);
- reading (:func:`restore`): a cell that starts with one or more ``'`` followed by one of
  those characters loses its first ``'``; any other cell is left as it is (``'abc`` stays).

So importing an exported file gives back exactly what was exported, and a cell typed by a
person as ``'-5`` (Excel's way of keeping text) reads as ``-5``.
"""

import csv
import io
import re

from flask import Response

BOM = "\ufeff"
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_ADDED_QUOTE = re.compile(r"'+[=+\-@\t\r]")


def neutralise(value):
    """``value`` as text a spreadsheet shows and never runs (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if _NEEDS_QUOTE.match(text) else text


def restore(text):
    """The value a cell written by :func:`neutralise` held (the inverse, for imports)."""
    return text[1:] if _ADDED_QUOTE.match(text) else text


def write_csv(header, rows, out=None):
    """The CSV text (BOM first, CRLF line ends) of ``header`` and ``rows``, cells neutralised.

    With ``out`` (a text stream opened with ``newline=""``) the rows are written to it one
    by one as they come and nothing is returned, so a large table is never held whole.
    """
    buffer = out if out is not None else io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(name) for name in header])
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return None if out is not None else buffer.getvalue()


def csv_download(header, rows, filename):
    """A response that downloads ``rows`` as ``filename`` (never cached: it is personal data)."""
    response = Response(write_csv(header, rows).encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
