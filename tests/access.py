"""What each role may do, for the route walker (tests/core/test_route_walker.py).

Each domain's test folder has an ``access.py`` with

- ``ACCESS``: {endpoint: expectation for GET} for every route of the domain, where an
  expectation maps each role (None = signed out) to the status a GET must answer, or LOGIN
  (sent to sign in). POST-only routes use the same table to say who may post.
- ``url_values(db)``: values for the URL arguments its routes take, from the demo community.

A route missing from every table fails the walker: a new route must say who may use it.
"""

LOGIN = "login"
ROLES = (None, "resident", "translator", "committee")

ANYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {None: LOGIN, "resident": 200, "translator": 200, "committee": 200}
COMMITTEE_ONLY = {None: LOGIN, "resident": 403, "translator": 403, "committee": 200}
# Pages for signed-out visitors (sign in, sign up): the signed in are sent home.
SIGNED_OUT_ONLY = {None: 200, "resident": 302, "translator": 302, "committee": 302}


def answers(status):
    """Every role gets ``status`` (e.g. a link that is not valid for anyone)."""
    return dict.fromkeys(ROLES, status)
