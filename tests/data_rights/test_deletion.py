"""Deleting an account: the person asks, the committee confirms or refuses; what the
person wrote stays, attributed to "a former resident", and the audit chain still verifies."""

import json

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from consult.accounts.models import User, UserSession
from consult.core.audit import AuditPersonalValue
from consult.core.notifications.models import Notification
from consult.core.queue import Job
from consult.data_rights.models import AccountDeletionRequest, DeletionStatus
from consult.residents.models import VerificationEvent
from tests.conftest import PASSWORD, sign_in
from tests.data_rights.conftest import resident


@pytest.fixture
def second_client(app, client):
    return app.test_client()  # the same class as ``client``: a browser of its own


def ask(client, password=PASSWORD, reason="I am moving to Chengdu."):
    return client.post("/account/delete", data={"password": password, "reason": reason})


def pending(db, user):
    return db.session.scalars(
        select(AccountDeletionRequest).filter_by(user_id=user.id, status="pending")
    ).one()


def test_asking_needs_the_password_and_tells_the_committee(db, people, as_user):
    committee, wang, _anna = people
    client = as_user(wang)
    page = client.get("/account/delete").get_data(as_text=True)
    assert "您的名册记录" in page  # what Consult holds, in her language
    wrong = ask(client, password="not my password")
    assert wrong.status_code == 422
    assert "您的密码不正确。" in wrong.get_data(as_text=True)
    assert db.session.scalars(select(AccountDeletionRequest)).first() is None
    assert ask(client).status_code == 302
    assert "您于" in client.get("/account/delete").get_data(as_text=True)  # "you asked on …"
    assert ask(client).status_code == 422  # once is enough
    told = db.session.scalars(
        select(Notification).filter_by(user_id=committee.id, kind="data_rights.deletion_requested")
    ).one()
    assert told.path == f"/data-rights/requests/{pending(db, wang).id}"


def test_the_committees_home_shows_requests_waiting(db, people, as_user, second_client):
    committee, wang, _anna = people
    sign_in(second_client, committee)
    assert "Account deletion requests" not in second_client.get("/").get_data(as_text=True)
    ask(as_user(wang))
    home = second_client.get("/").get_data(as_text=True)
    assert "Account deletion requests" in home and "/data-rights" in home


def test_the_committee_deletes_the_account_and_keeps_the_register_entry(
    app, db, people, as_user, client, second_client, outbox
):
    committee, wang, _anna = people
    wang_id, wang_entry = wang.id, resident(db, "王芳")
    # A job she started (an e-mail change's message, sent) holds her new address.
    done_job = Job(
        kind="accounts.email_change_mail", status="done", created_by_id=wang_id,
        payload=json.dumps({"email": "fang.new@example.org", "user_id": wang_id}),
    )  # fmt: skip
    db.session.add(done_job)
    db.session.commit()
    ask(as_user(wang))
    request = pending(db, wang)
    assert sign_in(second_client, committee).status_code == 302
    queue = second_client.get("/data-rights").get_data(as_text=True)
    assert "wang.fang@example.org" in queue
    page = second_client.get(f"/data-rights/requests/{request.id}").get_data(as_text=True)
    assert "I am moving to Chengdu." in page and "Delete the account" in page
    response = second_client.post(f"/data-rights/requests/{request.id}/confirm")
    assert response.status_code == 302

    db.session.expire_all()
    user = db.session.get(User, wang_id)
    assert user.email == f"former-{wang_id}@deleted.invalid"
    assert user.stored_name == "" and not user.active and user.deleted_at is not None
    assert user.preferred_locale is None and user.totp_secret is None
    assert db.session.scalars(select(UserSession).filter_by(user_id=wang_id)).first() is None
    assert db.session.scalars(select(Notification).filter_by(user_id=wang_id)).first() is None
    assert db.session.get(Job, done_job.id).payload == "{}"
    # Her session has ended: her browser is sent to sign in, and the password opens nothing.
    assert "/account/sign-in" in client.get("/account/my-data").location
    assert sign_in(client, "wang.fang@example.org").status_code == 422
    # The register is the committee's: the entry stays, unlinked, its history says so.
    assert wang_entry.full_name == "王芳" and wang_entry.user_id is None
    events = db.session.scalars(
        select(VerificationEvent)
        .filter_by(resident_id=wang_entry.id)
        .order_by(VerificationEvent.id)
    ).all()
    assert [e.action for e in events] == ["verify", "revoke"]
    # The values kept beside the audit chain for the account are gone; the chain verifies.
    values = db.session.scalars(
        select(AuditPersonalValue).filter_by(subject_type="account", subject_id=wang_id)
    ).all()
    assert values and all(v.value is None and v.salt is None for v in values)
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    # She is told by e-mail, in her language; the address is then forgotten.
    (mail,) = [m for m in outbox() if m["To"] == "wang.fang@example.org"]
    assert mail["Subject"] == "您的账号已删除"
    assert "一位前居民" in mail.get_content()
    assert db.session.get(AccountDeletionRequest, request.id).notice_email is None
    assert db.session.get(AccountDeletionRequest, request.id).reason is None
    # The address is free for a new account.
    from consult.accounts.services import create_user

    assert create_user("wang.fang@example.org", "Fang again", PASSWORD).id != wang_id


def test_what_a_deleted_account_did_stays_attributed_to_a_former_resident(
    db, people, as_user, create_user, second_client
):
    chair, _wang, _anna = people
    other = create_user("deputy@example.org", role="committee", name="Deputy Li")
    ask(as_user(chair))
    assert sign_in(second_client, other).status_code == 302
    request = pending(db, chair)
    assert second_client.post(f"/data-rights/requests/{request.id}/confirm").status_code == 302
    anna_page = f"/register/residents/{resident(db, 'Anna Smith').id}"
    for locale, words in (("en", "a former resident"), ("zh_Hans", "一位前居民"), ("zh_Hant", "一位前居民")):  # fmt: skip
        second_client.post("/language", data={"locale": locale, "next": "/"})
        html = second_client.get(anna_page).get_data(as_text=True)
        assert words in html, locale  # the verification history's "By" column
        assert "Zhou Min" not in html and "chair@example.org" not in html
    trail = second_client.get("/audit").get_data(as_text=True)
    assert "Zhou Min" not in trail
    db.session.expire_all()
    deleted = db.session.get(User, chair.id)
    with force_locale("zh_Hant"):
        assert str(deleted.display_name) == "一位前居民"
    assert deleted.role == "resident"  # no committee powers left with the tombstone


def test_the_committee_refuses_and_says_why(db, people, as_user, second_client):
    committee, wang, _anna = people
    client = as_user(wang)
    ask(client)
    request = pending(db, wang)
    sign_in(second_client, committee)
    url = f"/data-rights/requests/{request.id}/refuse"
    assert second_client.post(url, data={"note": " "}).status_code == 422
    assert second_client.post(url, data={"note": "The election you stand in is under way."}).status_code == 302  # fmt: skip
    db.session.expire_all()
    assert request.status == DeletionStatus.REFUSED and request.decided_by_id == committee.id
    user = db.session.get(User, wang.id)
    assert user.active and user.email == "wang.fang@example.org"
    told = db.session.scalars(
        select(Notification).filter_by(user_id=wang.id, kind="data_rights.deletion_refused")
    ).one()
    assert "under way" in told.params
    assert "The election you stand in is under way." in client.get("/account/delete").get_data(as_text=True)  # fmt: skip
    # A decided request cannot be decided again.
    confirm = second_client.post(f"/data-rights/requests/{request.id}/confirm")
    assert confirm.status_code == 422
    assert "already been decided" in confirm.get_data(as_text=True)


def test_the_person_withdraws_and_keeps_the_account(db, people, as_user):
    _committee, wang, _anna = people
    client = as_user(wang)
    ask(client)
    request = pending(db, wang)
    assert client.post("/account/delete/withdraw").status_code == 302
    db.session.expire_all()
    assert request.status == DeletionStatus.WITHDRAWN
    assert db.session.get(User, wang.id).active
    again = client.post("/account/delete/withdraw")  # nothing left to withdraw
    assert again.status_code == 302
    assert "没有可撤回" in client.get(again.location).get_data(as_text=True)


def test_a_committee_member_cannot_decide_their_own_request(db, people, as_user):
    committee, _wang, _anna = people
    client = as_user(committee)
    ask(client)
    request = pending(db, committee)
    response = client.post(f"/data-rights/requests/{request.id}/confirm")
    assert response.status_code == 422
    assert "Another committee member must decide your own request." in response.get_data(as_text=True)  # fmt: skip
    db.session.expire_all()
    assert db.session.get(User, committee.id).active


def test_residents_and_translators_cannot_decide(db, people, as_user):
    _committee, wang, anna = people
    ask(as_user(anna))
    request = pending(db, anna)
    client = as_user(wang)
    assert client.get(f"/data-rights/requests/{request.id}").status_code == 403
    assert client.post(f"/data-rights/requests/{request.id}/confirm").status_code == 403
    db.session.expire_all()
    assert request.status == DeletionStatus.PENDING


def test_a_domain_without_the_hooks_still_works(app, db, people, as_user, second_client):
    """The community declares no forget_user hook: deleting an account goes through all
    the same."""
    from consult.domains import current_domains

    committee, _wang, anna = people
    with app.app_context():
        community = next(d for d in current_domains() if d.name == "community")
    assert community.forget_user is None
    ask(as_user(anna))
    sign_in(second_client, committee)
    request = pending(db, anna)
    assert second_client.post(f"/data-rights/requests/{request.id}/confirm").status_code == 302
    assert "Nothing." not in second_client.get("/data-rights").get_data(as_text=True)


def test_a_deleted_account_gets_no_more_messages(db, people, as_user, second_client):
    from consult.core.notifications import notify
    from consult.residents import VERIFIED

    committee, wang, _anna = people
    ask(as_user(wang))
    sign_in(second_client, committee)
    second_client.post(f"/data-rights/requests/{pending(db, wang).id}/confirm")
    db.session.expire_all()
    tomb = db.session.get(User, wang.id)
    assert notify(VERIFIED, [tomb], path="/register/me") == []
