from urllib.parse import urlsplit


def safe_next_url(value):
    """Only same-site paths are followed after a form, never another host."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return None
    if "\\" in value:
        return None
    return value
