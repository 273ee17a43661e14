"""Invitation letters and redeeming them: redeem, expired, reused, tampered."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from consult.core.models import utcnow
from consult.residents import invitations, services
from consult.residents.models import Household, Invitation, Resident, VerificationEvent
from consult.tokens import PASSWORD_RESET, dump_token
from tests.conftest import PASSWORD, sign_in

SIGN_UP = {
    "email": "chen.xiaoyu@example.org",
    "display_name": "Xiaoyu",
    "password": "lanterns by the river",
    "confirm": "lanterns by the river",
    "preferred_locale": "zh_Hans",
    "privacy_consent": "y",
}


def household(db, code):
    return db.session.scalars(select(Household).filter_by(code=code)).one()


def resident(db, name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


def letter_links(html):
    return re.findall(r"http://consult\.test/invitation/[\w.\-]+", html)


@pytest.fixture
def letter(client, db, imported, committee):
    """The committee prints a letter for household A-101; returns the invitation path."""
    response = client.post(f"/register/households/{household(db, 'A-101').id}/invitation", data={"days": "30"})  # fmt: skip
    assert response.status_code == 302
    html = client.get(response.location).get_data(as_text=True)
    links = letter_links(html)
    assert len(set(links)) == 1
    client.post("/account/sign-out")
    return links[0].removeprefix("http://consult.test")


def test_a_letter_is_bilingual_with_a_qr_code(client, db, imported, committee):
    committee.preferred_locale = "en"
    db.session.commit()
    response = client.post(f"/register/households/{household(db, 'A-101').id}/invitation", data={"days": "30"})  # fmt: skip
    html = client.get(response.location).get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in html
    assert "To the residents of household A-101" in html
    assert "A-101户" in html or "A-101 户" in html  # the Chinese half, whatever the UI language
    assert 'lang="zh-Hans"' in html and 'lang="en"' in html
    assert "Letters: 1, one per page when printed." in html  # chrome in the reader's language
    invitation = db.session.scalars(select(Invitation)).one()
    assert invitation.created_by_id == committee.id
    remaining = invitation.expires_at - utcnow()
    assert timedelta(days=29) < remaining <= timedelta(days=30)


def test_letters_for_a_filtered_list_ask_first_then_make_one_per_household(
    client, db, imported, committee
):
    grid = household(db, "A-101").building.grid_id
    response = client.post(f"/register/invitations?grid={grid}", data={"days": "7"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Letters to be made: 2, one for each household in the list, valid for 7 days." in html
    assert f'action="/register/invitations?grid={grid}"' in html
    assert db.session.scalars(select(Invitation)).all() == []  # nothing made yet
    response = client.post(
        f"/register/invitations?grid={grid}", data={"days": "7", "confirm": "yes"}
    )
    html = client.get(response.location).get_data(as_text=True)
    assert len(set(letter_links(html))) == 2
    assert {i.household.code for i in db.session.scalars(select(Invitation))} == {"A-101", "A-202"}
    # Asking again says which letters the new ones replace.
    html = client.post(f"/register/invitations?grid={grid}", data={"days": "7"}).get_data(
        as_text=True
    )
    assert "2 of these households have a letter that has not been used yet" in html


@pytest.mark.parametrize("days", ["0", "400", "soon", ""])
@pytest.mark.parametrize("page", ["household", "resident", "register"])
def test_a_bad_expiry_shows_at_the_field_and_keeps_what_was_typed(
    client, db, imported, committee, days, page
):
    home = household(db, "A-101")
    url = {
        "household": f"/register/households/{home.id}/invitation",
        "resident": f"/register/residents/{home.residents[0].id}/invitation",
        "register": "/register/invitations",
    }[page]
    response = client.post(url, data={"days": days})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    field = html.split('id="days"', 1)[0].rsplit("<div", 1)[1]
    assert "has-error" in field  # the problem is on the field, not in a banner
    tag = html.split('id="days"', 1)[1].split(">", 1)[0]
    if days:
        assert f'value="{days}"' in tag  # kept as typed, not reset to 60
    expected = {"0": "Enter a number from 1 to 365.", "400": "Enter a number from 1 to 365.",
                "soon": "Enter a whole number.", "": "This field is required."}[days]  # fmt: skip
    assert expected in html.split('id="days"', 1)[1]  # below the field
    assert "flash-error" not in html
    assert db.session.scalars(select(Invitation)).all() == []


def test_signed_out_visitor_is_offered_sign_up_and_sign_in(client, db, letter):
    html = client.get(letter).get_data(as_text=True)
    assert "Invitation code for household A-101" in html
    assert f"{letter}/sign-up" in html
    assert "/account/sign-in?next=" in html
    assert "王芳" not in html  # names only after signing in


def test_sign_up_from_the_letter_then_confirm_and_become_verified(client, db, letter):
    response = client.post(f"{letter}/sign-up", data=SIGN_UP)
    assert response.status_code == 302
    assert response.location.endswith(letter)
    html = client.get(letter).get_data(as_text=True)
    assert "王芳" in html and "陈小雨" in html
    child = resident(db, "陈小雨")
    response = client.post(letter, data={"resident": str(child.id)})
    assert response.status_code == 302
    mine = client.get(response.location).get_data(as_text=True)
    assert "陈小雨" in mine
    db.session.expire_all()
    assert child.user.email == SIGN_UP["email"]
    event = db.session.scalars(select(VerificationEvent)).one()
    assert (event.action, event.method) == ("verify", "invitation")
    assert event.actor_id == event.user_id == child.user_id
    invitation = db.session.scalars(select(Invitation)).one()
    assert invitation.used_by_id == child.user_id
    assert event.invitation_id == invitation.id


def test_sign_in_then_redeem(client, db, letter, create_user):
    user = create_user("wang.fang@example.org")
    response = client.post(
        f"/account/sign-in?next={letter}", data={"email": user.email, "password": PASSWORD}
    )
    assert response.location.endswith(letter)
    response = client.post(letter, data={"resident": str(resident(db, "王芳").id)})
    assert response.status_code == 302
    assert services.resident_of(user).full_name == "王芳"


def test_a_used_invitation_cannot_be_used_again(client, db, letter, create_user):
    first = create_user()
    sign_in(client, first)
    client.post(letter, data={"resident": str(resident(db, "王芳").id)})
    client.post("/account/sign-out")
    second = create_user()
    sign_in(client, second)
    response = client.get(letter)
    assert response.status_code == 400
    assert "already been used" in response.get_data(as_text=True)
    response = client.post(letter, data={"resident": str(resident(db, "陈小雨").id)})
    assert response.status_code == 400
    assert services.resident_of(second) is None


def test_an_expired_invitation_is_refused(client, db, letter, signed_in):
    invitation = db.session.scalars(select(Invitation)).one()
    invitation.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    signed_in("resident")
    response = client.get(letter)
    assert response.status_code == 400
    assert "has expired" in response.get_data(as_text=True)
    assert client.post(letter, data={"resident": "1"}).status_code == 400


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: "x" + token,
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_invitation_is_refused(client, db, letter, mangle):
    token = letter.rsplit("/", 1)[1]
    response = client.get(f"/invitation/{mangle(token)}")
    assert response.status_code == 400
    assert "not valid" in response.get_data(as_text=True)


def test_a_token_signed_for_another_purpose_is_refused(app, client, db, letter):
    invitation = db.session.scalars(select(Invitation)).one()
    with app.test_request_context():
        forged = dump_token(PASSWORD_RESET, {"i": invitation.id})
    assert client.get(f"/invitation/{forged}").status_code == 400


def test_choosing_nobody_or_someone_else_is_refused(client, db, letter, signed_in):
    signed_in("resident")
    response = client.post(letter, data={})
    assert response.status_code == 422
    assert "Choose your name from the list." in response.get_data(as_text=True)
    anna = resident(db, "Anna Smith")  # another household
    assert client.post(letter, data={"resident": str(anna.id)}).status_code == 422
    assert client.post(letter, data={"resident": "abc"}).status_code == 422
    assert db.session.scalars(select(Invitation)).one().used_at is None


def test_an_account_already_linked_cannot_redeem(client, db, letter, create_user):
    user = create_user()
    committee = create_user(role="committee")
    services.verify_resident(committee, resident(db, "Anna Smith"), user)
    db.session.commit()
    sign_in(client, user)
    html = client.get(letter).get_data(as_text=True)
    assert "already linked" in html
    response = client.post(letter, data={"resident": str(resident(db, "王芳").id)})
    assert response.status_code == 422
    assert db.session.scalars(select(Invitation)).one().used_at is None


def test_a_letter_for_one_resident(client, db, imported, committee, create_user):
    anna = resident(db, "Anna Smith")
    response = client.post(f"/register/residents/{anna.id}/invitation", data={"days": "10"})
    html = client.get(response.location).get_data(as_text=True)
    assert "To Anna Smith, household A-202" in html
    link = letter_links(html)[0].removeprefix("http://consult.test")
    client.post("/account/sign-out")
    user = create_user()
    sign_in(client, user)
    page = client.get(link).get_data(as_text=True)
    assert "This invitation code is for Anna Smith." in page
    assert client.post(link, data={}).status_code == 302
    assert services.resident_of(user).id == anna.id


def test_invitation_service_rejects_unknown_ids(app, db):
    with app.test_request_context():
        token = invitations.dump_token(invitations.INVITATION, {"i": 424242})
        with pytest.raises(invitations.InvitationProblem) as problem:
            invitations.invitation_for_token(token)
    assert problem.value.kind == "invalid"


def test_letters_for_a_list_that_matches_nobody_say_so_at_the_form(client, db, imported, committee):
    response = client.post("/register/invitations?q=nobody-at-all", data={"days": "7"})
    assert response.status_code == 422
    assert "No household matches this list; no letters were made." in response.get_data(
        as_text=True
    )
    assert db.session.scalars(select(Invitation)).all() == []
