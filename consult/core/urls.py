"""Links that leave the site (e-mails, letters, API ``next`` links, QR codes).

They are built from the configured ``PUBLIC_URL`` (scheme and host, e.g.
``https://consult.example.org``; checked when the app starts), never from the Host header
of the request at hand: a request sent with ``Host: evil.example`` must not make the app
mail a valid reset link pointing there.
"""

from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for


def public_origin():
    return current_app.config["PUBLIC_URL"]


def external_url(path):
    """``path`` (as url_for gives it, starting with /) made absolute on the public origin."""
    return public_origin() + path


def external_url_for(endpoint, **values):
    """The absolute public URL of ``endpoint``, in a request or not (a job, a command)."""
    if has_request_context():
        return external_url(url_for(endpoint, **values))
    origin = urlsplit(public_origin())
    adapter = current_app.url_map.bind(origin.netloc, url_scheme=origin.scheme)
    return adapter.build(endpoint, values, force_external=True)


def site_path(endpoint, **values):
    """The path of ``endpoint`` on this site, in a request or not (jobs, commands)."""
    if has_request_context():
        return url_for(endpoint, **values)
    adapter = current_app.url_map.bind(
        "localhost", script_name=current_app.config.get("APPLICATION_ROOT") or "/"
    )
    return adapter.build(endpoint, values)
