"""Odd input an attacker sends: huge ids, NUL, CR/LF, broken UTF-8. Never a 500."""

import pytest

from consult.core.navigation import safe_next_url
from tests.conftest import sign_in
from tests.core.test_route_walker import DEMO_USERS, _url

HUGE = "9" * 25
ODD_VALUES = [HUGE, "-1", "0", "1e999", "%00", "%0d%0aX-Injected:%201", "%C0%AF", "%FF%FE", "ａ１"]
# Every query-string filter a page reads, with the pages that read it.
QUERY_FILTERS = {
    "/register": ("grid", "building", "nationality", "verified", "q", "page"),
    "/api/v1/grids": ("after", "per_page"),
}  # and ?next= on sign-in, below
# The API says 404 for a malformed ``after`` (a page that cannot exist); pages ignore the rest.
MALFORMED_IS_404 = {"after"}


@pytest.fixture
def committee_client(client, db):
    from consult.accounts.demo import DEMO_PASSWORD
    from consult.cli import seed_demo

    list(seed_demo())
    assert sign_in(client, DEMO_USERS["committee"], DEMO_PASSWORD).status_code == 302
    return client


def test_huge_ids_in_every_url_are_404(app, committee_client):
    rules = [r for r in app.url_map.iter_rules() if "<id:" in r.rule]
    assert len(rules) >= 8
    for rule in rules:
        for value in (HUGE, str(2**31), "0", "-5", "1.5"):
            url = _url(rule, {name: value for name in rule.arguments})
            for method in rule.methods & {"GET", "POST"}:
                response = committee_client.open(url, method=method)
                assert response.status_code == 404, f"{method} {url}"


@pytest.mark.parametrize("path", sorted(QUERY_FILTERS))
def test_every_filter_takes_odd_values_without_a_500(committee_client, path):
    for name in QUERY_FILTERS[path]:
        for value in ODD_VALUES:
            response = committee_client.get(f"{path}?{name}={value}")
            expected = {200, 404} if name in MALFORMED_IS_404 else {200}
            if value == "%00":
                expected = {400}
            assert response.status_code in expected, f"{path}?{name}={value}"


def test_nul_in_an_address_is_a_bad_request_in_the_readers_language(committee_client):
    for url in ("/register?q=%00", "/register/invitations/ab%00cd", "/invitation/x%00y"):
        response = committee_client.get(url, headers={"Accept-Language": "zh-CN"})
        assert response.status_code == 400, url
        assert "请求有误" in response.get_data(as_text=True)
    response = committee_client.get("/api/v1/grids?after=%00")
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "400"


def test_numbers_in_forms_take_odd_values(committee_client, db):
    from sqlalchemy import select

    from consult.residents.models import Household, Resident

    household = db.session.scalars(select(Household)).first()
    for days in (HUGE, "-1", "0", "1e999", "abc"):
        response = committee_client.post(
            f"/register/households/{household.id}/invitation", data={"days": days}
        )
        # Shown again at the field, with what was typed (issue 10), never a 500.
        assert response.status_code == 422, days
    tom = db.session.scalars(select(Resident).filter_by(full_name="Tom Smith")).one()
    response = committee_client.post(
        f"/register/households/{tom.household_id}/invitation", data={"days": "5"}
    )
    token = committee_client.get(response.location).get_data(as_text=True)
    token = token.split("/invitation/")[1].split('"')[0].split("<")[0]
    for choice in (HUGE, "0", "-1", "x"):
        response = committee_client.post(f"/invitation/{token}", data={"resident": choice})
        assert response.status_code == 422, choice


@pytest.mark.parametrize(
    "value",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "/\t/evil.example",
        "/\r\nSet-Cookie: stolen=1",
        "/account/\n",
        "/\x00",
        "javascript:alert(1)",
        "account/",
        "",
        None,
    ],
)
def test_only_same_site_paths_are_next(value):
    assert safe_next_url(value) is None


def test_same_site_paths_are_next():
    assert safe_next_url("/account/password?tab=1#x") == "/account/password?tab=1#x"
    assert safe_next_url("/register?q=王芳") == "/register?q=王芳"


def test_cr_lf_in_next_falls_back_to_the_home_page(client, create_user):
    create_user("resident@example.org")
    response = client.post(
        "/account/sign-in?next=/%0d%0aSet-Cookie:%20stolen=1",
        data={"email": "resident@example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert response.location == "/"
    assert "stolen" not in response.headers.get("Set-Cookie", "")
    client.post("/account/sign-out")
    for value in ODD_VALUES:
        response = client.post(
            f"/account/sign-in?next={value}",
            data={"email": "resident@example.org", "password": "correct horse battery staple"},
        )
        assert response.status_code == (400 if value == "%00" else 302), value
        client.post("/account/sign-out")
    response = client.post("/language", data={"locale": "zh_Hans", "next": "/\r\nX-Evil: 1"})
    assert response.status_code == 302 and response.location == "/"
    assert "X-Evil" not in response.headers
