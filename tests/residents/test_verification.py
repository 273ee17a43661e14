"""The committee verifies a signed-up user by hand, and revokes; both are recorded."""

from sqlalchemy import select

from consult.residents.models import Resident, VerificationEvent


def resident(db, name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


def test_committee_verifies_by_email_and_it_is_recorded(
    client, db, imported, committee, create_user
):
    user = create_user("Anna.Smith@example.org")
    anna = resident(db, "Anna Smith")
    page = client.get(f"/register/residents/{anna.id}").get_data(as_text=True)
    assert 'value="anna.smith@example.org"' in page  # suggested: same e-mail as the entry
    response = client.post(
        f"/register/residents/{anna.id}/verify",
        data={"email": "anna.smith@example.org", "note": "Passport seen at the office"},
    )
    assert response.status_code == 302
    html = client.get(response.location).get_data(as_text=True)
    assert "Anna Smith is now a verified resident." in html
    assert "Passport seen at the office" in html
    assert "Verified by the committee" in html
    event = db.session.scalars(select(VerificationEvent)).one()
    assert (event.action, event.method, event.actor_id, event.user_id) == (
        "verify", "committee", committee.id, user.id,
    )  # fmt: skip
    assert event.at is not None
    db.session.expire_all()
    assert anna.user_id == user.id
    assert anna.verified_at is not None
    listing = client.get("/register?verified=yes").get_data(as_text=True)
    assert "Anna Smith" in listing and "王芳" not in listing


def test_verify_needs_an_existing_free_account(client, db, imported, committee, create_user):
    anna = resident(db, "Anna Smith")
    url = f"/register/residents/{anna.id}/verify"
    response = client.post(url, data={"email": "nobody@example.org"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "No account uses this e-mail address." in html
    assert 'value="nobody@example.org"' in html
    taken = create_user()
    client.post(
        f"/register/residents/{resident(db, '王芳').id}/verify", data={"email": taken.email}
    )
    response = client.post(url, data={"email": taken.email})
    assert response.status_code == 422
    assert "already linked to another register entry" in response.get_data(as_text=True)
    response = client.post(url, data={"email": "not an address"})
    assert response.status_code == 422
    db.session.expire_all()
    assert anna.user_id is None


def test_revoking_asks_first_and_needs_a_reason(client, db, imported, committee, create_user):
    user = create_user()
    wang = resident(db, "王芳")
    client.post(f"/register/residents/{wang.id}/verify", data={"email": user.email})
    page = client.get(f"/register/residents/{wang.id}").get_data(as_text=True)
    url = f"/register/residents/{wang.id}/revoke"
    assert f'href="{url}"' in page  # a link to a page that asks, not a one-click button
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert f"The account {user.email} will no longer be linked" in confirm.get_data(as_text=True)
    response = client.post(url, data={})
    assert response.status_code == 422
    assert "This field is required." in response.get_data(as_text=True)
    response = client.post(url, data={"note": "  "})
    assert response.status_code == 422
    assert "Give the reason for revoking the verification." in response.get_data(as_text=True)
    db.session.expire_all()
    assert wang.user_id == user.id


def test_revoke_is_recorded_as_a_revocation(client, db, imported, committee, create_user):
    user = create_user()
    wang = resident(db, "王芳")
    client.post(f"/register/residents/{wang.id}/verify", data={"email": user.email})
    response = client.post(f"/register/residents/{wang.id}/revoke", data={"note": "Moved away"})
    assert response.status_code == 302
    html = client.get(response.location).get_data(as_text=True)
    assert "王芳 is no longer a verified resident." in html
    rows = html.split('<tr class="history-')[1:]
    assert rows[0].startswith("revoke")  # newest first
    assert "Verification revoked by the committee" in rows[0] and "Moved away" in rows[0]
    assert "Verified by the committee" not in rows[0]
    assert "Verified by the committee" in rows[1]
    events = db.session.scalars(select(VerificationEvent).order_by(VerificationEvent.id)).all()
    assert [(e.action, e.user_id, e.actor_id, e.note) for e in events] == [
        ("verify", user.id, committee.id, None), ("revoke", user.id, committee.id, "Moved away"),
    ]  # fmt: skip
    db.session.expire_all()
    assert wang.user_id is None
    # Revoking twice does nothing and says why.
    response = client.post(f"/register/residents/{wang.id}/revoke", data={"note": "again"})
    assert response.status_code == 422
    assert "not linked to an account" in response.get_data(as_text=True)
    # The account can be linked again.
    assert (
        client.post(f"/register/residents/{wang.id}/verify", data={"email": user.email}).status_code
        == 302
    )


def test_the_service_refuses_a_revocation_without_a_reason(db, imported, create_user):
    import pytest

    from consult.core.services import ServiceError
    from consult.residents import services

    committee, user = create_user(role="committee"), create_user()
    wang = resident(db, "王芳")
    services.verify_resident(committee, wang, user)
    with pytest.raises(ServiceError) as error:
        services.revoke_verification(committee, wang, note="")
    assert error.value.problems[0].field == "note"


def test_a_resident_cannot_verify_themselves(client, db, imported, signed_in):
    user = signed_in("resident")
    wang = resident(db, "王芳")
    response = client.post(f"/register/residents/{wang.id}/verify", data={"email": user.email})
    assert response.status_code == 403
    db.session.expire_all()
    assert wang.user_id is None
