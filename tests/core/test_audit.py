"""The audit trail: every change recorded, hash-chained, append-only, verifiable, purgeable."""

import json
import threading

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from consult import create_app
from consult.core import audit
from consult.core.audit import AuditEntry, AuditPersonalValue
from consult.extensions import db as _db
from tests.databases import KINDS, POSTGRES_URL, fresh_database


@pytest.fixture
def resident(db, create_user):
    from consult.residents import importer
    from consult.residents.models import Resident
    from tests.residents.conftest import make_csv

    importer.import_register(make_csv())
    db.session.commit()
    return db.session.scalars(select(Resident).filter_by(full_name="王芳")).one()


@pytest.fixture
def committee(create_user):
    return create_user(role="committee")


def entries(db, action=None):
    stmt = select(AuditEntry).order_by(AuditEntry.seq)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    return db.session.scalars(stmt).all()


def test_an_edit_is_recorded_with_who_what_and_the_old_and_new_values(db, resident, committee):
    from consult.residents import services

    services.update_resident(committee, resident, phone="13900000000", languages="zh")
    db.session.commit()
    [entry] = entries(db, "resident.updated")
    assert entry.actor_id == committee.id and entry.actor_kind == "user"
    assert (entry.object_type, entry.object_id) == ("resident", resident.id)
    details = json.loads(entry.details)
    assert set(details["changes"]) == {"phone", "languages"}
    # The chain holds digests of personal values; the values are kept beside it.
    assert "13900000000" not in entry.details and "13800000001" not in entry.details
    shown = audit.details_of(entry, _values(db, entry))
    assert [side["value"] for side in shown["changes"]["phone"]] == ["13800000001", "13900000000"]
    assert audit.verify().ok


def _values(db, entry):
    rows = db.session.scalars(select(AuditPersonalValue).filter_by(entry_id=entry.id))
    return {row.digest: row for row in rows}


def test_register_moves_verifications_imports_invitations_and_roles_are_recorded(
    db, resident, committee, create_user
):
    from consult.accounts import services as accounts
    from consult.residents import invitations, services

    user = create_user()
    services.verify_resident(committee, resident, user, note="passport seen")
    services.revoke_verification(committee, resident, note="moved away")
    invitations.create_invitations(committee, households=[resident.household])
    accounts.set_role(user, "translator", actor=committee)
    db.session.commit()
    actions = [entry.action for entry in entries(db)]
    for action in (
        "register.imported",
        "account.created",
        "resident.verified",
        "resident.verification_revoked",
        "invitations.created",
        "account.role_changed",
    ):
        assert action in actions, action
    [imported] = entries(db, "register.imported")
    assert json.loads(imported.details)["data"]["residents_created"] == 5
    assert audit.verify().ok


def _tamper(db, statements):
    """Change the trail behind the triggers' back, as someone with the database file could."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "sqlite":
        db.session.execute(text("DROP TRIGGER audit_entries_no_update"))
        db.session.execute(text("DROP TRIGGER audit_entries_no_delete"))
    else:
        db.session.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
    for statement, params in statements:
        db.session.execute(text(statement), params)


@pytest.fixture
def chain(db, resident, committee):
    from consult.residents import services

    for phone in ("1", "2", "3"):
        services.update_resident(committee, resident, phone=phone)
    db.session.commit()
    return entries(db)


def test_verify_finds_an_edited_entry(db, chain):
    target = chain[2]
    _tamper(
        db,
        [("UPDATE audit_entries SET action = 'resident.viewed' WHERE id = :id", {"id": target.id})],
    )
    verdict = audit.verify()
    assert not verdict.ok and verdict.seq == target.seq
    assert "was changed" in verdict.problem


def test_verify_finds_an_entry_whose_hash_was_forged_too(db, chain):
    from consult.core.audit.chain import hash_of

    target = chain[2]
    target.action = "resident.viewed"
    forged = hash_of(target, target.prev_hash)
    db.session.expunge(target)
    _tamper(db, [("UPDATE audit_entries SET action = 'resident.viewed', hash = :h WHERE id = :id",
                  {"h": forged, "id": target.id})])  # fmt: skip
    verdict = audit.verify()
    assert not verdict.ok and verdict.seq == target.seq + 1
    assert "does not follow" in verdict.problem


def test_verify_finds_a_deleted_entry(db, chain):
    _tamper(
        db,
        [
            ("DELETE FROM audit_personal_values WHERE entry_id = :id", {"id": chain[1].id}),
            ("DELETE FROM audit_entries WHERE id = :id", {"id": chain[1].id}),
        ],
    )
    verdict = audit.verify()
    assert not verdict.ok and verdict.seq == chain[1].seq and "missing" in verdict.problem


def test_verify_finds_entries_removed_from_the_end(db, chain):
    last = chain[-1]
    _tamper(db, [("DELETE FROM audit_personal_values WHERE entry_id = :id", {"id": last.id}),
                 ("DELETE FROM audit_entries WHERE id = :id", {"id": last.id})])  # fmt: skip
    verdict = audit.verify()
    assert not verdict.ok and "removed from the end" in verdict.problem


def test_verify_finds_a_changed_personal_value(db, chain):
    value = db.session.scalars(select(AuditPersonalValue).filter_by(entry_id=chain[-1].id)).first()
    value.value = "someone else"
    db.session.flush()
    assert "personal value" in audit.verify().problem


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_entries SET action = 'x'", "DELETE FROM audit_entries"]
)
def test_the_database_refuses_to_change_or_remove_an_entry(db, chain, statement):
    with pytest.raises(sqlalchemy.exc.DatabaseError) as refused, db.session.begin_nested():
        db.session.execute(text(statement))
    assert "append-only" in str(refused.value)
    assert audit.verify().ok


def test_purging_a_residents_personal_values_keeps_the_chain_verifying(db, chain, resident):
    assert audit.purge_subject("resident", resident.id) >= 6
    db.session.commit()
    remaining = db.session.scalars(
        select(AuditPersonalValue).filter_by(subject_type="resident", subject_id=resident.id)
    ).all()
    assert remaining and all(v.value is None and v.salt is None for v in remaining)
    assert audit.verify().ok


def test_the_committee_browses_and_filters_the_trail(client, db, chain, resident, signed_in):
    signed_in("committee")
    page = client.get(f"/audit?object_type=resident&object_id={resident.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count(">Register entry edited</td>") == 3
    assert "13800000001" in html  # the first edit's old phone number
    filtered = client.get("/audit?action=resident.updated").get_data(as_text=True)
    assert ">Register imported</td>" not in filtered
    assert ">Register entry edited</td>" in filtered
    audit.purge_subject("resident", resident.id)
    db.session.commit()
    assert "removed when its retention ended" in client.get(
        "/audit?action=resident.updated"
    ).get_data(as_text=True)


def test_the_command_line_verifies_and_exits_1_on_a_broken_chain(app, db, chain):
    runner = app.test_cli_runner()
    ok = runner.invoke(args=["audit", "verify"])
    assert ok.exit_code == 0 and "verifies" in ok.output
    _tamper(db, [("UPDATE audit_entries SET details = '{}' WHERE id = :id", {"id": chain[1].id})])
    broken = runner.invoke(args=["audit", "verify"])
    assert broken.exit_code == 1 and f"entry {chain[1].seq} was changed" in broken.output


@pytest.mark.skipif("postgresql" not in KINDS, reason="needs CONSULT_TEST_DATABASE_URL")
def test_concurrent_writers_on_postgresql_leave_one_unbroken_chain(tmp_path):
    with fresh_database("postgresql", tmp_path) as url:
        app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            _db.create_all()
        errors = []

        def write(n):
            try:
                with app.app_context():
                    for i in range(10):
                        audit.record("test.written", object_type="test", object_id=n * 100 + i)
                        _db.session.commit()
            except Exception as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with app.app_context():
            verdict = audit.verify()
            _db.session.remove()
            _db.engine.dispose()
    assert errors == [] and verdict.ok and verdict.entries == 80
    assert POSTGRES_URL
