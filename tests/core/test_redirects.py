"""Every redirect stays on this site, whatever Referer or next says."""

from urllib.parse import urlsplit

import pytest

from consult.accounts.demo import DEMO_PASSWORD
from tests.access import ROLES
from tests.conftest import sign_in
from tests.core.test_route_walker import DEMO_USERS, _routes, _url, demo  # noqa: F401

EVIL = "https://evil.example/phish"
HOSTILE = {"Referer": EVIL, "Origin": "https://evil.example"}
NEXT_VALUES = (EVIL, "//evil.example/", "/\\evil.example", "/\t/evil.example")


def _same_site(location):
    parts = urlsplit(location)
    return (not parts.netloc or parts.netloc == "consult.test") and not location.startswith("//")


@pytest.mark.parametrize("role", ROLES)
def test_no_route_redirects_to_another_site(app, client, db, demo, role):  # noqa: F811
    _access, values = demo
    if role:
        assert sign_in(client, DEMO_USERS[role], DEMO_PASSWORD).status_code == 302
    checked = 0
    for rule in _routes(app):
        if rule.endpoint == "accounts.sign_out":
            continue
        url = _url(rule, values)
        for next_value in NEXT_VALUES:
            # Empty and bad forms: the paths where views send people "back". A GET sends
            # no form, so it is asked once per next value.
            forms = ({}, {"days": "0", "next": next_value})
            requests = [("GET", None)] if "GET" in rule.methods else []
            requests += [("POST", form) for form in forms] if "POST" in rule.methods else []
            for method, form in requests:
                with client.open(
                    url,
                    method=method,
                    query_string={"next": next_value},
                    data=form,
                    headers=HOSTILE,
                ) as response:  # closes a static file's stream
                    status = response.status_code
                    location = response.headers.get("Location")
                assert status < 500, f"{method} {url}"
                if location:
                    assert _same_site(location), f"{method} {url} -> {location}"
                    checked += 1
    assert checked >= 10
