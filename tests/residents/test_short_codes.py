"""The short code printed beside the QR link, typed at /invitation; a new letter replaces
the old one; a lost letter is revoked."""

import re

import pytest
from sqlalchemy import select

from consult.residents import invitations, services, shortcodes
from consult.residents.models import Household, Invitation, Resident
from tests.conftest import sign_in

CODE = re.compile(r'<strong class="short-code">([A-Z0-9]{4}-[A-Z0-9]{4})</strong>')


def household(db, code):
    return db.session.scalars(select(Household).filter_by(code=code)).one()


def make_letter(client, db, code="A-101"):
    """The committee makes a letter; returns (short code, link path)."""
    url = f"/register/households/{household(db, code).id}/invitation"
    html = client.get(client.post(url, data={"days": "30"}).location).get_data(as_text=True)
    (short,) = CODE.findall(html)
    (link,) = set(re.findall(r"http://consult\.test(/invitation/[\w.\-]+)", html))
    return short, link


@pytest.fixture
def letter(client, db, imported, committee):
    short, link = make_letter(client, db)
    client.post("/account/sign-out")
    return short, link


def test_the_code_is_printed_on_the_letter_in_both_languages(client, db, imported, committee):
    url = f"/register/households/{household(db, 'A-101').id}/invitation"
    html = client.get(client.post(url, data={"days": "30"}).location).get_data(as_text=True)
    (short,) = CODE.findall(html)
    assert set(short.replace("-", "")) <= set(shortcodes.ALPHABET)
    assert not set(short) & set("01OIL")
    assert f"No camera? Open http://consult.test/invitation and type the invitation code {short}." in html  # fmt: skip
    assert f"http://consult.test/invitation 并输入邀请码 {short}" in html
    # The database keeps a keyed digest, never the code itself.
    invitation = db.session.scalars(select(Invitation)).one()
    stored = [str(v) for v in invitation.__dict__.values()]
    assert not any(short.replace("-", "") in value or short in value for value in stored)
    assert invitation.code_digest == shortcodes.digest(short)


@pytest.mark.parametrize("typed", [str.lower, lambda c: c.replace("-", " "), lambda c: c.translate(
    {ord(ch): ord(ch) + 0xFEE0 for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-"}
)])  # fmt: skip
def test_the_code_as_typed_opens_the_invitation_as_the_link_does(client, db, letter, typed):
    short, link = letter
    page = client.get("/invitation").get_data(as_text=True)
    assert 'name="code"' in page
    response = client.post("/invitation", data={"code": typed(short)})
    assert response.status_code == 302
    target = response.location.removeprefix("http://consult.test")
    html = client.get(target).get_data(as_text=True)
    assert "Invitation code for household A-101" in html
    assert f"{target}/sign-up" in html


def test_sign_up_from_the_code_and_become_verified(client, db, letter):
    short, _ = letter
    target = client.post("/invitation", data={"code": short}).location
    response = client.post(
        f"{target}/sign-up",
        data={"email": "xiaoyu@example.org", "display_name": "Xiaoyu", "privacy_consent": "y",
              "password": "lanterns by the river", "confirm": "lanterns by the river",
              "preferred_locale": "en"},
    )  # fmt: skip
    assert response.status_code == 302
    child = db.session.scalars(select(Resident).filter_by(full_name="陈小雨")).one()
    assert client.post(target, data={"resident": str(child.id)}).status_code == 302
    db.session.expire_all()
    assert child.user.email == "xiaoyu@example.org"
    # Single use, like the link.
    response = client.post("/invitation", data={"code": short})
    assert response.status_code == 422
    assert "already been used" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("K7QM-4TZ", "It has 8 letters and digits"),
        ("K7QM-4TZO", "It has 8 letters and digits"),  # O is not in the alphabet
        ("", "This field is required."),
        ("2345-6789", "No letter has this invitation code."),
    ],
)
def test_a_wrong_code_is_refused_at_the_field_and_kept(client, db, letter, typed, message):
    response = client.post("/invitation", data={"code": typed})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html.split('id="code"', 1)[1]
    if typed:
        assert f'value="{typed}"' in html


def test_a_new_letter_replaces_the_live_one(client, db, imported, committee):
    old_code, old_link = make_letter(client, db)
    new_code, new_link = make_letter(client, db)
    assert old_code != new_code
    page = client.get(f"/register/households/{household(db, 'A-101').id}").get_data(as_text=True)
    assert "replaced by a new letter" in page
    client.post("/account/sign-out")
    assert "has been revoked" in client.get(old_link).get_data(as_text=True)
    assert client.get(old_link).status_code == 400
    response = client.post("/invitation", data={"code": old_code})
    assert response.status_code == 422 and "has been revoked" in response.get_data(as_text=True)
    assert client.get(new_link).status_code == 200
    assert client.post("/invitation", data={"code": new_code}).status_code == 302
    rows = db.session.scalars(select(Invitation).order_by(Invitation.id)).all()
    assert [(r.revoked_because, r.revoked_by_id is not None) for r in rows] == [
        ("replaced", True), (None, False),
    ]  # fmt: skip


def test_a_resident_letter_replaces_only_that_residents_letter(client, db, imported, committee):
    wang = db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()
    household_code, _ = make_letter(client, db)
    client.post(f"/register/residents/{wang.id}/invitation", data={"days": "9"})
    client.post(f"/register/residents/{wang.id}/invitation", data={"days": "9"})
    live = [i for i in db.session.scalars(select(Invitation)) if i.is_live()]
    assert sorted((i.household_id is not None, i.resident_id is not None) for i in live) == [
        (False, True), (True, False),
    ]  # fmt: skip


def test_a_lost_letter_is_revoked_after_asking(client, db, imported, committee):
    short, link = make_letter(client, db)
    invitation = db.session.scalars(select(Invitation)).one()
    url = f"/register/invitation-codes/{invitation.id}/revoke"
    page = client.get(f"/register/households/{invitation.household_id}").get_data(as_text=True)
    assert url in page
    confirm = client.get(url).get_data(as_text=True)
    assert "its QR code and its short code stop working" in confirm
    assert invitation.revoked_at is None  # asking changed nothing
    response = client.post(url)
    assert response.status_code == 302
    db.session.expire_all()
    assert invitation.revoked_because == "revoked"
    assert "revoked by the committee" in client.get(response.location).get_data(as_text=True)
    # Twice: nothing to revoke, said plainly.
    assert "there is nothing to revoke" in client.get(url).get_data(as_text=True)
    assert client.post(url).status_code == 422
    client.post("/account/sign-out")
    assert client.get(link).status_code == 400
    assert client.post("/invitation", data={"code": short}).status_code == 422
    # The letters page leaves it out.
    assert invitations.short_code(invitation) == short


def test_a_used_letter_cannot_be_revoked(client, db, imported, committee, create_user):
    short, link = make_letter(client, db)
    invitation = db.session.scalars(select(Invitation)).one()
    user = create_user()
    wang = db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()
    invitations.redeem_invitation(invitation, user, wang.id)
    db.session.commit()
    response = client.post(f"/register/invitation-codes/{invitation.id}/revoke")
    assert response.status_code == 422
    assert "revoke the verification instead" in response.get_data(as_text=True)
    assert services.resident_of(user).id == wang.id


def test_only_the_committee_revokes(client, db, imported, committee, create_user):
    make_letter(client, db)
    invitation = db.session.scalars(select(Invitation)).one()
    client.post("/account/sign-out")
    sign_in(client, create_user())
    assert client.post(f"/register/invitation-codes/{invitation.id}/revoke").status_code == 403
    db.session.expire_all()
    assert invitation.revoked_at is None


@pytest.fixture
def tight_code_limit(app):
    from consult.extensions import limiter

    limiter.reset()
    app.config.update(INVITATION_CODE_RATE_LIMIT="2 per minute", SIGN_UP_RATE_LIMIT="1 per minute")
    yield
    app.config.update(INVITATION_CODE_RATE_LIMIT="1000 per minute", SIGN_UP_RATE_LIMIT="1000 per minute")  # fmt: skip
    limiter.reset()


def test_guessing_codes_is_rate_limited_and_the_form_is_kept(client, db, tight_code_limit):
    for _ in range(2):
        assert client.post("/invitation", data={"code": "2345-6789"}).status_code == 422
    response = client.post("/invitation", data={"code": "2345-678A"})
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Too many codes were tried from your network." in html
    assert re.search(r"Please wait (\d+ seconds|1 minute) and try again", html)
    assert 'value="2345-678A"' in html
    assert "Retry-After" in response.headers


def test_the_letters_sign_up_page_keeps_its_form_when_limited(
    client, db, letter, create_user, tight_code_limit
):
    _, link = letter
    data = {"email": "first@example.org", "display_name": "First", "privacy_consent": "y",
            "password": "lanterns by the river", "confirm": "lanterns by the river",
            "preferred_locale": "en"}  # fmt: skip
    assert client.post(f"{link}/sign-up", data=data).status_code == 302
    client.post("/account/sign-out")
    response = client.post(f"{link}/sign-up", data={**data, "email": "second@example.org"})
    html = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Too many accounts have been made from your network." in html
    assert "Invitation code for household A-101" in html  # still the letter's page
    assert 'value="second@example.org"' in html
