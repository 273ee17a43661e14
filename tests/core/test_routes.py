"""Walk every page as every role: nothing fails, and role-restricted pages stay closed."""

import pytest

ROLES = [None, "resident", "translator", "committee"]
# Routes that change state on GET or need a real token are covered by their own tests.
SKIP = {"static", "core.healthz"}


def parameterless_get_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in SKIP or "GET" not in rule.methods or rule.arguments:
            continue
        yield rule


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_every_role(app, client, signed_in, role):
    if role:
        signed_in(role=role)
    checked = 0
    for rule in parameterless_get_routes(app):
        view = app.view_functions[rule.endpoint]
        required = getattr(view, "required_roles", None)
        response = client.get(rule.rule)
        status = response.status_code
        assert status < 500, f"{rule.rule} as {role}: {status}"
        if required and role is None:
            assert status == 302 and "/account/sign-in" in response.headers["Location"], rule
        elif required and role not in required:
            assert status == 403, f"{rule.rule} as {role} should be forbidden, got {status}"
        elif required:
            assert status == 200, f"{rule.rule} as {role}: {status}"
        checked += 1
    assert checked >= 5
