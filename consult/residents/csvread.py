"""Reading an uploaded register file: which encoding, which separator, how many rows."""

import codecs


def read_text(data):
    """``(text, encoding)`` of an uploaded file, or ``(None, None)`` when it is not text.

    Excel saves a register as UTF-8 ("CSV UTF-8"), as UTF-16 with a byte-order mark
    ("Unicode text", tab-separated) or, in Chinese Windows, as GB18030's subsets GBK and
    GB2312 ("CSV"). UTF-8 is tried before GB18030: Chinese text in GB18030 is almost never
    valid UTF-8, while the other way round it often would be.
    """
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Many NULs: a binary file, or UTF-16 without its mark. A stray one pasted into a
        # cell is reported at its line by the import (the database must never see it).
        if text.count("\x00") > max(2, len(text) // 100):
            return None, None
        return text.removeprefix("\ufeff"), "utf-8" if encoding == "utf-8-sig" else encoding
    return None, None


def decode(data):
    """The text of uploaded bytes in whichever encoding read_text finds, or None."""
    return read_text(data)[0]


def delimiter(text):
    """The separator the header line uses: comma, tab (Excel's "Unicode text") or semicolon
    (Excel where the comma is the decimal sign). Column names contain none of them."""
    first = text.split("\n", 1)[0]
    counts = {mark: first.count(mark) for mark in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def count_rows(text):
    """A cheap estimate of the rows, for a progress bar's length."""
    return max(text.count("\n") - 1 + (0 if text.endswith("\n") else 1), 0)
