"""The privacy notice: written by the committee in each content language, versioned, shown
at sign-up with a consent box whose answer and version are recorded."""

import re

import pytest
from sqlalchemy import select

from consult.accounts.models import User
from consult.community import services
from consult.community.models import PrivacyConsent, PrivacyNotice

NOTICE = {"text_zh": "## 居民名册\n只有居委会成员能看到。", "text_en": "## The register\nOnly committee members see it."}  # fmt: skip
SIGN_UP = {
    "email": "neighbour@example.org",
    "display_name": "Neighbour",
    "password": "lanterns by the river",
    "confirm": "lanterns by the river",
    "preferred_locale": "en",
}


@pytest.fixture
def published(client, db, committee):
    response = client.post("/community/privacy", data=NOTICE)
    assert response.status_code == 302
    client.post("/account/sign-out")
    return db.session.scalars(select(PrivacyNotice)).one()


def test_before_any_version_the_default_text_is_shown_and_offered(client, db, committee):
    html = client.get("/privacy").get_data(as_text=True)
    assert "this is Consult's default text" in html
    assert "The resident register" in html and "Personal Information Protection Law" in html
    form = client.get("/community/privacy").get_data(as_text=True)
    assert "居民名册" in form and "The resident register" in form  # prefilled, to adapt


def test_publishing_makes_versions_and_keeps_old_ones(client, db, committee, published):
    from tests.conftest import sign_in

    sign_in(client, committee)
    data = {"text_zh": "第二版。", "text_en": "Second version."}
    response = client.post("/community/privacy", data=data)
    assert response.status_code == 302
    current = client.get("/privacy").get_data(as_text=True)
    assert "Version 2, published on" in current and "Second version." in current
    old = client.get("/privacy/versions/1").get_data(as_text=True)
    assert "Only committee members see it." in old and "This is an earlier version." in old
    listing = client.get("/privacy/versions").get_data(as_text=True)
    assert "Version 1" in listing and "Version 2" in listing
    assert client.get("/privacy/versions/3").status_code == 404
    assert [n.number for n in db.session.scalars(select(PrivacyNotice))] == [1, 2]


def test_a_version_needs_every_content_language(client, db, committee):
    response = client.post("/community/privacy", data={"text_zh": "只有中文。", "text_en": " "})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write the notice in this language too." in html.split('id="text_en"', 1)[1]
    assert "只有中文。" in html
    assert db.session.scalars(select(PrivacyNotice)).all() == []


@pytest.mark.parametrize(
    ("locale", "text", "converted"),
    [("en", "Only committee members see it.", False), ("zh_Hans", "只有居委会成员能看到。", False),
     ("zh_Hant", "只有居委會成員能看到。", True)],
)  # fmt: skip
def test_each_reader_reads_their_language(client, db, published, locale, text, converted):
    client.set_cookie("consult_lang", locale, domain="consult.test")
    html = client.get("/privacy").get_data(as_text=True)
    assert text in html
    assert ("由簡體中文自動轉換。" in html) is converted
    assert "<h2>" in html  # Markdown rendered


def test_sign_up_shows_the_notice_and_records_the_answer_and_version(client, db, published):
    page = client.get("/account/sign-up").get_data(as_text=True)
    assert "Only committee members see it." in page
    assert re.search(
        r'name="privacy_version"[^>]*value="1"|value="1"[^>]*name="privacy_version"', page
    )
    response = client.post("/account/sign-up", data={**SIGN_UP, "privacy_version": "1"})
    assert response.status_code == 422
    assert "To create an account, agree to the privacy notice." in response.get_data(as_text=True)
    assert db.session.scalars(select(User).filter_by(email=SIGN_UP["email"])).first() is None
    response = client.post(
        "/account/sign-up", data={**SIGN_UP, "privacy_version": "1", "privacy_consent": "y"}
    )
    assert response.status_code == 302
    user = db.session.scalars(select(User).filter_by(email=SIGN_UP["email"])).one()
    consent = db.session.scalars(select(PrivacyConsent).filter_by(user_id=user.id)).one()
    assert (consent.agreed, consent.notice.number) == (True, 1)
    assert consent.at is not None


def test_a_notice_published_while_signing_up_must_be_read_first(client, db, published, committee):
    services.publish_privacy_notice(committee, {"zh": "新版。", "en": "New version."})
    db.session.commit()
    response = client.post(
        "/account/sign-up", data={**SIGN_UP, "privacy_version": "1", "privacy_consent": "y"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The privacy notice has changed since this page was opened." in html
    assert "New version." in html
    assert db.session.scalars(select(User).filter_by(email=SIGN_UP["email"])).first() is None
    assert "checked" not in html.split('id="privacy_consent"', 1)[0].rsplit("<input", 1)[1]
    response = client.post(
        "/account/sign-up", data={**SIGN_UP, "privacy_version": "2", "privacy_consent": "y"}
    )
    assert response.status_code == 302


def test_sign_up_before_any_notice_records_the_default_text(client, db):
    response = client.post(
        "/account/sign-up", data={**SIGN_UP, "privacy_version": "0", "privacy_consent": "y"}
    )
    assert response.status_code == 302
    consent = db.session.scalars(select(PrivacyConsent)).one()
    assert consent.notice_id is None and consent.agreed


def test_only_the_committee_publishes(client, db, signed_in):
    signed_in("resident")
    assert client.post("/community/privacy", data=NOTICE).status_code == 403
    assert db.session.scalars(select(PrivacyNotice)).all() == []


def test_the_accessibility_statement(client, db):
    html = client.get("/accessibility").get_data(as_text=True)
    assert "WCAG" in html and "GB/T 37668-2019" in html
    assert 'href="/accessibility"' in html.split("<footer", 1)[1]
