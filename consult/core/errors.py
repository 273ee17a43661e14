"""Error pages in the reader's language (JSON under /api/)."""

from flask import current_app, jsonify, render_template, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

ERROR_TEXT = {
    400: (
        _l("Bad request"),
        _l("The request could not be understood. Please go back and try again."),
    ),
    403: (_l("Not allowed"), _l("You do not have permission to see this page.")),
    404: (_l("Page not found"), _l("There is no page at this address. It may have moved.")),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    413: (
        _l("Too large"),
        _l("What you sent is larger than this site accepts (%(size)s MB at most)."),
    ),
    429: (
        _l("Too many attempts"),
        _l("You have tried too often. Please wait a minute and try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l("An unexpected error happened on our side. It has been logged; please try again later."),
    ),
}
CSRF_TEXT = (
    _l("The form has expired"),
    _l(
        "This form was open too long or came from another site. Please reload the page and submit it again."
    ),
)


def _render_error(code, title, message):
    if request.path.startswith("/api/"):
        payload = {"error": {"code": str(code), "message": str(message)}}
        return jsonify(payload), code
    if request_ctx.url_adapter is None:
        # The request was refused before routing (an untrusted Host header): no links can
        # be built, so the page is plain text, still in the reader's language.
        text = f"{title}\n\n{message}\n"
        return text, code, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("errors/error.html", code=code, title=title, message=message), code


def _max_megabytes():
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit / 2**20:g}"


WAIT_TEXT = _l("You have tried too often. Please wait %(wait)s and try again.")


def handle_http_exception(error):
    if getattr(error, "response", None) is not None:
        return error.response  # a page prepared for it (a rate-limited form, kept)
    if error.code not in ERROR_TEXT:
        return error
    title, message = ERROR_TEXT[error.code]
    if error.code == 413:
        message = message % {"size": _max_megabytes()}
    if error.code == 429:
        message = _wait_message() or message
    return _render_error(error.code, title, message)


def _wait_message():
    """How long to wait, from the limit that was reached (Flask-Limiter's reset time)."""
    from consult.core.rate_limits import wait_text
    from consult.extensions import limiter

    breached = limiter.current_limit
    return str(WAIT_TEXT) % {"wait": wait_text(breached)} if breached else None


def handle_csrf_error(error):
    return _render_error(400, *CSRF_TEXT)


def handle_unexpected(error):
    # Flask logs the original exception before this runs; the reader sees a plain page.
    title, message = ERROR_TEXT[500]
    return _render_error(500, title, message)


def register_error_handlers(app):
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(InternalServerError, handle_unexpected)
