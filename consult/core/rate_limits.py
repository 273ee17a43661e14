"""Rate limits on forms that keep the form: a refused attempt shows the same page, with
everything typed (but passwords) and how long to wait, answered with 429.

``limit_form_posts("SIGN_UP_RATE_LIMIT", render, message)`` limits a view's POSTs with
Flask-Limiter; when the limit is reached, ``render(text)`` draws the form's page with
``text`` (``message`` with the wait filled in) above the form. ``deduct_when`` counts only
the requests it approves (``counted_when("account_created")`` counts accounts made, so a
person correcting typos is never locked out).
"""

import math
import time
from datetime import timedelta

from flask import current_app, g, make_response
from flask_babel import format_timedelta

from consult.extensions import limiter


def wait_text(request_limit):
    """How long until ``request_limit`` lets a request through, in the reader's words."""
    seconds = max(math.ceil(request_limit.reset_at - time.time()), 1)
    return format_timedelta(timedelta(seconds=seconds), granularity="second", threshold=0.9)


def counted_when(flag):
    """A ``deduct_when``: count the request only when the view set ``g.<flag>``."""
    return lambda response: bool(g.get(flag))


def limit_form_posts(config_key, render, message, *, deduct_when=None):
    """Limit POSTs to the view by the setting ``config_key``, keeping its form when refused."""

    def on_breach(request_limit):
        # ``message`` is lazy (translated now, for this reader) with a %(wait)s placeholder.
        text = str(message) % {"wait": wait_text(request_limit)}
        response = make_response(render(text))
        response.status_code = 429
        return response

    return limiter.limit(
        lambda: current_app.config[config_key],
        methods=["POST"],
        deduct_when=deduct_when,
        on_breach=on_breach,
    )
