"""Links that leave the site (e-mails, letters, API ``next`` links, QR codes).

They are built from the configured ``PUBLIC_URL`` (scheme and host, e.g.
``https://consult.example.org``), never from the Host header of the request at hand.
"""

from flask import current_app, has_request_context, request, url_for


def public_origin():
    configured = (current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    if configured:
        return configured
    if has_request_context():
        return request.host_url.rstrip("/")
    return url_for("core.index", _external=True).rstrip("/")


def external_url(path):
    """``path`` (as url_for gives it, starting with /) made absolute on the public origin."""
    return public_origin() + path


def external_url_for(endpoint, **values):
    """An absolute link to ``endpoint``, in a request or not (jobs, commands)."""
    return external_url(site_path(endpoint, **values))


def site_path(endpoint, **values):
    """The path of ``endpoint`` on this site, in a request or not (jobs, commands)."""
    if has_request_context():
        return url_for(endpoint, **values)
    adapter = current_app.url_map.bind(
        "localhost", script_name=current_app.config.get("APPLICATION_ROOT") or "/"
    )
    return adapter.build(endpoint, values)
