"""Security headers on every response, and requests refused before any view reads them."""

from flask import abort, current_app, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def add_security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    hsts = current_app.config.get("HSTS_MAX_AGE")
    if hsts:
        # Production is served over HTTPS only (behind the TLS proxy): browsers remember it.
        headers.setdefault("Strict-Transport-Security", f"max-age={int(hsts)}; includeSubDomains")
    if response.mimetype == "text/html":
        # Pages can hold personal data: never kept by shared caches.
        headers.setdefault("Cache-Control", "no-store")
    return response


def refuse_oversized_request():
    """413 before reading a body whose announced length passes MAX_CONTENT_LENGTH.

    A body without a length is cut at the same limit by werkzeug when a view reads it.
    """
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and (request.content_length or 0) > limit:
        abort(413)


# Endpoints that read their query string themselves and answer a NUL character with a
# message of their own (site search: what was typed in the box comes back with one).
READS_NUL_ITSELF = set()


def refuse_nul_in_address():
    """400 for a NUL character in the path or the query string.

    PostgreSQL text cannot hold NUL: a filter or a token holding one would fail in the
    database (500). Form fields are checked on their own, with a message at the field.
    """
    if "\x00" in request.path:
        abort(400)
    if request.endpoint in READS_NUL_ITSELF:
        return
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        abort(400)
