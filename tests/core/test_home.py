"""Each role's home page shows what that role can do now, from the domains' navigation
entries and dashboard tiles, and promises nothing that has no page."""

import re

import pytest
from sqlalchemy import select

from consult.residents import importer, jobs, services
from consult.residents.models import Resident
from tests.conftest import sign_in
from tests.residents.conftest import make_csv

# Promises the home page must not make while their pages do not exist.
NOT_YET = ("Polls and elections", "vote in secret")


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.get_data(as_text=True).split("<footer", 1)[0]


def home_links(html):
    block = html.split('id="links-heading"', 1)[1]
    return re.findall(r'<li><a href="([^"]+)">', block)


def every_link_answers(client, html):
    links = home_links(html)
    assert links
    for url in links:
        assert client.get(url).status_code == 200, url
    return links


def test_a_visitor_sees_what_is_public_and_the_code_box(client, db):
    html = home(client)
    for promise in NOT_YET:
        assert promise not in html
    assert "Start here" in html and "Become a verified resident" in html
    assert 'action="/invitation"' in html and 'name="code"' in html
    links = every_link_answers(client, html)
    assert set(links) >= {"/account/sign-in", "/account/sign-up", "/contact", "/privacy",
                          "/accessibility", "/api/v1/", "/proposals"}  # fmt: skip


def test_an_unverified_resident_is_shown_how_to_become_verified(client, db, signed_in):
    from tests.community.test_contact import FORM

    committee = signed_in("committee")
    client.post("/community/contact", data=FORM)
    client.post("/account/sign-out")
    signed_in("resident")
    html = home(client)
    assert "Your next steps" in html and "Become a verified resident" in html
    assert 'name="code"' in html
    assert "0571-8888 6600" in html  # the committee office, on the home page itself
    links = every_link_answers(client, html)
    assert "/register/me" in links and "/account/" in links
    for promise in NOT_YET:
        assert promise not in html
    assert committee.role == "committee"


def test_a_verified_resident_is_told_so(client, db, create_user):
    assert importer.import_register(make_csv())[0].ok
    user, committee = create_user(), create_user(role="committee")
    wang = db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()
    services.verify_resident(committee, wang, user)
    db.session.commit()
    sign_in(client, user)
    html = home(client)
    assert "You are a verified resident" in html and "Household A-101" in html
    assert 'name="code"' not in html


def test_a_translator_is_shown_the_translation_desk(client, db, signed_in):
    signed_in("translator")
    html = home(client)
    assert "/desk" in every_link_answers(client, html)


def test_the_committee_sees_its_dashboard(client, db, signed_in):
    committee = signed_in("committee")
    html = home(client)
    assert "At a glance" in html
    assert "The register is empty" in html
    # Open work from the community domain through the same hook.
    assert "Contact details" in html and "Privacy notice" in html
    assert html.count("tile-urgent") == 3
    assert importer.import_register(make_csv())[0].ok
    job = jobs.start_import(committee, "march.csv", make_csv().decode(), 5)
    db.session.commit()
    jobs.run_job(job.id)
    home_id = db.session.scalars(select(Resident)).first().household_id
    client.post(f"/register/households/{home_id}/invitation", data={"days": "9"})
    html = home(client)
    figures = dict(
        re.findall(
            r'<span class="tile-title">([^<]+)</span>\s*<span class="tile-value">([^<]+)<', html
        )
    )
    assert figures["Verified residents"] == "0"
    assert figures["Residents not verified yet"] == "5"
    assert figures["Invitation letters made"] == "1"
    assert figures["Invitation letters redeemed"] == "0"
    assert "1 not used yet" in html
    assert "Import: march.csv" in html and f"/register/import/{job.id}" in html
    links = every_link_answers(client, html)
    assert "/register" in links and "/community/contact" in links


@pytest.mark.parametrize("role", [None, "resident", "translator", "committee"])
def test_the_home_page_in_chinese(client, db, signed_in, role):
    if role:
        signed_in(role, locale="zh_Hant")
    else:
        client.set_cookie("consult_lang", "zh_Hant", domain="consult.test")
    html = home(client)
    assert "您可以在這裡做什麼" in html
    assert "歡迎來到春江社區" in html
