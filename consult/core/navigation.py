"""Where a form may send the reader next: only to a path on this site."""

from urllib.parse import urlsplit


def _has_control_character(value):
    # CR/LF would split the Location header (a 500); browsers drop tabs and newlines from
    # addresses, so "/\t/evil.example" would become "//evil.example", another site.
    return any(ord(char) < 0x20 or ord(char) == 0x7F for char in value)


def safe_next_url(value):
    """``value`` when it is a path on this site (``/account/``), else None.

    Refused: absolute and scheme-relative addresses (``https://x``, ``//x``), backslashes
    (``/\\x`` is ``//x`` to browsers), control characters, anything not starting with /.
    """
    if not value or not isinstance(value, str):
        return None
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    if _has_control_character(value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return None
    return value
