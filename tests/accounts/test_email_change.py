"""Changing the account's e-mail address: the password asks, a link to the new address
confirms, once."""

import re

from consult.accounts.models import User
from consult.core.audit import AuditEntry
from tests.conftest import PASSWORD, sign_in


def change_link(message):
    body = message.get_content()
    return re.search(r"http://consult\.test(/account/email/\S+)", body).group(1)


def test_a_new_address_is_confirmed_from_a_link_sent_to_it(client, db, signed_in, outbox):
    user = signed_in("resident", email="old@example.org")
    wrong = client.post("/account/email", data={"email": "new@example.org", "password": "nope"})
    assert wrong.status_code == 422
    assert "Your password is not correct." in wrong.get_data(as_text=True)
    assert outbox() == []
    response = client.post(
        "/account/email", data={"email": "New@Example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    (message,) = outbox()
    assert message["To"] == "new@example.org"
    link = change_link(message)
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "old@example.org"  # not before the link
    page = client.get(link).get_data(as_text=True)
    assert "new@example.org" in page and "Confirm" in page
    assert client.post(link).status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "new@example.org"
    entry = db.session.query(AuditEntry).filter_by(action="account.email_changed").one()
    assert "new@example.org" not in entry.details  # a digest beside the chain
    # The link works once; the new address signs in.
    assert client.get(link).status_code == 400
    client.post("/account/sign-out")
    assert sign_in(client, "new@example.org").status_code == 302


def test_an_address_in_use_or_the_same_one_is_refused(client, db, signed_in, create_user):
    create_user("taken@example.org")
    user = signed_in("resident", email="me@example.org")
    taken = client.post("/account/email", data={"email": "taken@example.org", "password": PASSWORD})
    assert taken.status_code == 422
    assert "Another account uses this e-mail address." in taken.get_data(as_text=True)
    same = client.post("/account/email", data={"email": user.email, "password": PASSWORD})
    assert same.status_code == 422


def test_a_tampered_link_says_so(client, db):
    response = client.get("/account/email/not-a-token")
    assert response.status_code == 400
    assert "This link has already been used" in response.get_data(as_text=True)
