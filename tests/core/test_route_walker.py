"""Walk every route as every role, with ids from the demo community.

Each answer is checked against the access tables in tests/*/access.py: a GET must answer as
the table says; a POST without its CSRF token is refused (400) and changes nothing; a POST
with it is refused (403, or sign-in) to whoever the table does not allow. A route missing
from the tables fails the walk.
"""

import importlib
import re

import pytest
from sqlalchemy import func, select

from consult.accounts.demo import DEMO_PASSWORD
from tests.access import LOGIN, ROLES
from tests.conftest import PROJECT_ROOT, sign_in

DEMO_USERS = {
    "resident": "anna.smith@example.org",
    "translator": "translator@example.org",
    "committee": "committee@example.org",
}
# Routes the walker cannot call meaningfully with an empty form: none yet.
SKIP = set()


def access_modules():
    for path in sorted(PROJECT_ROOT.glob("tests/*/access.py")):
        yield importlib.import_module(f"tests.{path.parent.name}.access")


@pytest.fixture
def demo(db):
    from consult.cli import seed_demo

    list(seed_demo())
    access, values = {}, {}
    for module in access_modules():
        access.update(module.ACCESS)
        values.update(module.url_values(db))
    return access, values


def _url(rule, values):
    arguments = {}
    for name in rule.arguments:
        key = f"{rule.endpoint}:{name}"
        if key not in values and name not in values:
            pytest.fail(f"no value for <{name}> of {rule.rule}: add it to a url_values()")
        arguments[name] = values.get(key, values.get(name))
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(arguments[m.group(1)]), rule.rule)


def _routes(app):
    # Signing out ends the walk's session, so it comes last.
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint not in SKIP]
    return sorted(rules, key=lambda rule: rule.endpoint == "accounts.sign_out")


def _is_login(response):
    return response.status_code == 302 and "/account/sign-in" in response.headers["Location"]


def _check(response, expected, what):
    if expected == LOGIN:
        assert _is_login(response), f"{what}: expected sign-in, got {response.status_code}"
    else:
        assert response.status_code == expected, f"{what}: {response.status_code} != {expected}"


def _row_counts(db):
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_every_role_as_the_table_says(app, client, db, demo, role):
    access, values = demo
    if role:
        assert sign_in(client, DEMO_USERS[role], DEMO_PASSWORD).status_code == 302
    walked = 0
    for rule in _routes(app):
        assert rule.endpoint in access, f"{rule.endpoint} ({rule.rule}) is in no access table"
        expected = access[rule.endpoint][role]
        url = _url(rule, values)
        what = f"{rule.methods - {'HEAD', 'OPTIONS'}} {url} as {role}"
        if "GET" in rule.methods:
            with client.get(url) as response:  # closes a static file's stream
                _check(response, expected, what)
        if "POST" in rule.methods:
            response = client.post(url, data={})
            assert response.status_code < 500, what
            if expected in (LOGIN, 403):
                _check(response, expected, what)
            else:
                assert response.status_code != 403 and not _is_login(response), what
        walked += 1
    assert walked >= 30


@pytest.mark.parametrize("role", ROLES)
def test_no_post_is_taken_without_its_csrf_token(app, client, db, demo, role):
    access, values = demo
    if role:
        assert sign_in(client, DEMO_USERS[role], DEMO_PASSWORD).status_code == 302
    before = _row_counts(db)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        posts = [rule for rule in _routes(app) if "POST" in rule.methods]
        for rule in posts:
            response = client.post(_url(rule, values), data={"days": "5", "locale": "en"})
            assert response.status_code == 400, f"POST {rule.rule} as {role}"
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert len(posts) >= 10
    assert _row_counts(db) == before


def test_every_view_says_what_it_requires(app):
    """Views behind a permission say which; public ones are public in the tables too."""
    from consult.core.permissions import PREDICATES

    access = {}
    for module in access_modules():
        access.update(module.ACCESS)
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        permission = getattr(view, "permission", None)
        public = all(status != LOGIN and status != 403 for status in access[rule.endpoint].values())
        if not public:
            assert permission is not None, f"{rule.endpoint} is guarded without @permit/@load"
            assert permission.__name__ in PREDICATES, permission
