"""The committee's contact details: set per content language, shown in the footer, on the
unverified resident's pages and wherever Consult says to ask the committee."""

import pytest
from sqlalchemy import select

from consult.community.models import ContactDetails
from consult.residents.models import Household
from tests.conftest import sign_in

FORM = {
    "address_zh": "春江路 88 号 居委会一楼",
    "hours_zh": "周一至周五 8:30–17:30",
    "phone_zh": "0571-8888 6600",
    "email_zh": "office@chunjiang.example.org",
    "address_en": "88 Chunjiang Road, ground floor",
    "hours_en": "",
    "phone_en": "",
    "email_en": "",
}


@pytest.fixture
def contact(client, db, committee):
    response = client.post("/community/contact", data=FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    client.post("/account/sign-out")


def test_the_committee_sets_them_per_content_language(client, db, committee):
    page = client.get("/community/contact").get_data(as_text=True)
    assert "<legend>Chinese</legend>" in page and "<legend>English</legend>" in page
    response = client.post("/community/contact", data=FORM)
    assert response.status_code == 302
    rows = {row.language: row for row in db.session.scalars(select(ContactDetails))}
    assert rows["zh"].phone == "0571-8888 6600"
    assert rows["en"].address == "88 Chunjiang Road, ground floor"
    assert rows["en"].phone is None
    page = client.get("/community/contact").get_data(as_text=True)
    assert 'value="0571-8888 6600"' in page  # the form shows what is saved


def test_a_bad_address_stays_at_its_field(client, db, committee):
    response = client.post("/community/contact", data={**FORM, "email_en": "office at example"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="office at example"' in html
    assert "valid e-mail address" in html.split('id="email_en"', 1)[1]
    assert db.session.scalars(select(ContactDetails)).all() == []


@pytest.mark.parametrize(
    ("locale", "address", "hours"),
    [
        ("en", "88 Chunjiang Road, ground floor", "周一至周五 8:30–17:30"),
        ("zh_Hans", "春江路 88 号 居委会一楼", "周一至周五 8:30–17:30"),
        ("zh_Hant", "春江路 88 號 居委會一樓", "週一至週五 8:30–17:30"),
    ],
)
def test_the_footer_shows_them_in_the_readers_language(client, db, contact, locale, address, hours):
    client.set_cookie("consult_lang", locale, domain="consult.test")
    html = client.get("/").get_data(as_text=True)
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert address in footer
    assert hours in footer  # English has none of its own: the Chinese is shown
    assert 'href="tel:0571-88886600"' in footer
    assert "mailto:office@chunjiang.example.org" in footer
    assert 'href="/privacy"' in footer and 'href="/accessibility"' in footer


def test_every_ask_the_committee_page_shows_them(client, db, contact, imported, signed_in):
    pages = {"/contact": 200, "/invitation": 200, "/invitation/not-a-token": 400}
    for path, status in pages.items():
        response = client.get(path)
        assert response.status_code == status
        main = response.get_data(as_text=True).split("<footer", 1)[0]
        assert "0571-8888 6600" in main, path
    response = client.post("/invitation", data={"code": "2345-6789"})
    assert "0571-8888 6600" in response.get_data(as_text=True).split("<footer", 1)[0]
    signed_in("resident")
    for path in ("/", "/register/me"):
        main = client.get(path).get_data(as_text=True).split("<footer", 1)[0]
        assert "0571-8888 6600" in main, path


def test_the_letter_gives_them_in_each_half(client, db, contact, imported, committee):
    sign_in(client, committee)
    home = db.session.scalars(select(Household).filter_by(code="A-101")).one()
    location = client.post(
        f"/register/households/{home.id}/invitation", data={"days": "9"}
    ).location
    html = client.get(location).get_data(as_text=True)
    chinese, english = html.split('<section class="letter-text"')[1:3]
    assert "春江路 88 号" in chinese and "0571-8888 6600" in chinese
    assert "88 Chunjiang Road" in english and "0571-8888 6600" in english


def test_pages_say_so_when_none_are_set(client, db):
    html = client.get("/contact").get_data(as_text=True)
    assert "has not published its contact details here yet" in html
    assert "Residents' committee office" not in html


def test_only_the_committee_changes_them(client, db, signed_in):
    signed_in("translator")
    assert client.post("/community/contact", data=FORM).status_code == 403
    assert db.session.scalars(select(ContactDetails)).all() == []
