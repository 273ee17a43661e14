"""Moved out (迁出): the committee marks a resident; they leave the register's list,
eligibility and audiences; after the retention the committee sets, a nightly job purges
their personal values, here and beside the audit chain, leaving a tombstone."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from consult.core.audit import AuditPersonalValue
from consult.core.audit.chain import verify
from consult.residents import audience, moving, services
from consult.residents.models import Resident, VerificationEvent
from consult.residents.rules import community_today


def resident(db, name):
    return db.session.scalars(select(Resident).filter_by(full_name=name)).one()


def names(db, stmt):
    return {r.full_name for r in db.session.scalars(stmt)}


@pytest.fixture
def anna_moved(db, imported, committee):
    anna = resident(db, "Anna Smith")
    moving.mark_moved_out(committee, anna, on=date(2024, 3, 1), reason="Moved to Chengdu")
    db.session.commit()
    return anna


def test_the_committee_marks_a_resident_as_moved_out_on_the_page(client, db, imported, committee):
    anna = resident(db, "Anna Smith")
    page = client.get(f"/register/residents/{anna.id}/move-out").get_data(as_text=True)
    assert f'value="{community_today().isoformat()}"' in page  # today, to begin with
    future = client.post(
        f"/register/residents/{anna.id}/move-out", data={"moved_out_on": "2999-01-01"}
    )
    assert future.status_code == 422
    assert "cannot be in the future" in future.get_data(as_text=True)
    response = client.post(
        f"/register/residents/{anna.id}/move-out",
        data={"moved_out_on": "2026-03-01", "reason": "Moved to Chengdu"},
    )
    assert response.status_code == 302
    html = client.get(response.location).get_data(as_text=True)
    assert "Moved out on" in html and "Moved to Chengdu" in html
    assert "will be removed on" in html and "Mar 1, 2029" in html  # three years by default
    db.session.expire_all()
    assert anna.moved_out_on == date(2026, 3, 1)


def test_moved_out_residents_leave_the_default_list_and_a_filter_shows_them(
    client, db, anna_moved, committee
):
    default = client.get("/register").get_data(as_text=True)
    assert "Anna Smith" not in default and "王芳" in default
    moved = client.get("/register?status=moved_out").get_data(as_text=True)
    assert "Anna Smith" in moved and "王芳" not in moved and "Moved out" in moved
    everyone = client.get("/register?status=all").get_data(as_text=True)
    assert "Anna Smith" in everyone and "王芳" in everyone
    odd = client.get("/register?status=nonsense").get_data(as_text=True)  # the default
    assert "Anna Smith" not in odd and "王芳" in odd


def test_moved_out_residents_are_never_eligible(db, imported, create_user, committee):
    user = create_user()
    anna = resident(db, "Anna Smith")
    services.verify_resident(committee, anna, user)  # verified, then moved out
    assert services.is_eligible(user, services.register_query())
    moving.mark_moved_out(committee, anna, on=date(2024, 3, 1))
    db.session.commit()
    for stmt in (
        services.register_query(),
        services.verified_residents(),
        services.adults_on(date(2026, 6, 1)),
        services.in_grid("第一网格"),
        services.one_per_household(),
        # A caller that starts from its own statement cannot bring them back.
        services.verified_residents(select(Resident)),
    ):
        assert "Anna Smith" not in names(db, stmt)
    assert not services.is_eligible(user, select(Resident))
    assert "王芳" in names(db, services.adults_on(date(2026, 6, 1)))


def test_moved_out_residents_get_no_urgent_messages(db, anna_moved):
    reached = {contact.name for contact in audience.contacts_in_scope("community")}
    assert "Anna Smith" not in reached and "王芳" in reached


def test_an_elections_voter_list_leaves_them_out(db, anna_moved):
    from consult.elections.services.voters import adults_on_day

    class Election:  # the voter list draws from the helpers with the election's day
        election_day = date(2026, 6, 1)

    for min_age in (18, 16):
        assert "Anna Smith" not in names(db, adults_on_day(Election, min_age))


def test_no_invitation_letter_for_a_moved_out_resident(client, db, anna_moved, committee):
    response = client.post(f"/register/residents/{anna_moved.id}/invitation", data={"days": "30"})
    assert response.status_code == 422
    assert "has moved out" in response.get_data(as_text=True)


def test_cancelling_brings_them_back(client, db, anna_moved, committee):
    response = client.post(f"/register/residents/{anna_moved.id}/move-out/cancel")
    assert response.status_code == 302
    db.session.expire_all()
    assert anna_moved.moved_out_on is None and anna_moved.moved_out_reason is None
    assert "Anna Smith" in client.get("/register").get_data(as_text=True)


def test_the_retention_is_a_setting_the_committee_edits(client, db, committee):
    page = client.get("/register/settings").get_data(as_text=True)
    assert 'value="36"' in page
    for bad in ("0", "241", "three"):
        response = client.post("/register/settings", data={"months": bad})
        assert response.status_code == 422, bad
    assert client.post("/register/settings", data={"months": "6"}).status_code == 302
    assert moving.retention_months() == 6
    assert 'value="6"' in client.get("/register/settings").get_data(as_text=True)


def test_the_purge_waits_for_the_retention_then_leaves_a_tombstone(
    app, db, anna_moved, committee, create_user
):
    user = create_user()
    db.session.refresh(anna_moved)
    services.update_resident(committee, anna_moved, phone="13900000002")
    anna_moved.user = user  # linked, as a verified resident would be
    db.session.add(
        VerificationEvent(
            resident=anna_moved, user=user, action="verify", method="committee",
            actor=committee, note="Passport P-98765",
        )
    )  # fmt: skip
    db.session.commit()
    anna_id = anna_moved.id
    # Moved out 2024-03-01, kept 36 months: still whole on 2027-02-28.
    assert moving.purge_moved_out(today=date(2027, 2, 28)) == 0
    assert resident(db, "Anna Smith").phone == "13900000002"
    assert moving.purge_moved_out(today=date(2027, 3, 1)) == 1
    db.session.expire_all()
    tomb = db.session.get(Resident, anna_id)
    assert tomb.purged_at is not None and tomb.moved_out_on == date(2024, 3, 1)
    assert (tomb.full_name, tomb.latin_name, tomb.birth_date, tomb.phone, tomb.email) == (
        "", None, None, None, None,
    )  # fmt: skip
    assert tomb.user_id is None and tomb.moved_out_reason is None
    assert tomb.household.code == "A-202"  # the household stays
    event = db.session.scalars(select(VerificationEvent).filter_by(resident_id=anna_id)).one()
    assert event.note is None
    values = db.session.scalars(
        select(AuditPersonalValue).filter_by(subject_type="resident", subject_id=anna_id)
    ).all()
    assert values and all(v.value is None for v in values)
    assert verify().ok
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert moving.purge_moved_out(today=date(2030, 1, 1)) == 0  # once only


def test_a_shorter_retention_purges_sooner(db, anna_moved, committee):
    moving.set_retention(committee, 6)
    assert moving.purge_moved_out(today=date(2024, 8, 31)) == 0
    assert moving.purge_moved_out(today=date(2024, 9, 1)) == 1


def test_the_nightly_job_runs_the_purge(app, db, anna_moved):
    from consult.core.queue import PERIODIC
    from consult.core.queue.runner import run_due_periodic

    assert "residents.purge_moved_out" in PERIODIC
    anna_moved.moved_out_on = date(2020, 1, 1)  # the retention ended long ago
    db.session.commit()
    # 03:30 in Hangzhou (19:30 UTC): the job's minute.
    ran = run_due_periodic(now=datetime(2030, 1, 1, 19, 30, tzinfo=UTC))
    assert "residents.purge_moved_out" in ran
    db.session.expire_all()
    assert db.session.get(Resident, anna_moved.id).purged_at is not None


def test_a_purged_entry_shows_as_a_tombstone_and_cannot_be_edited(
    client, db, anna_moved, committee
):
    moving.purge_moved_out(today=date(2030, 1, 1))
    db.session.commit()
    html = client.get(f"/register/residents/{anna_moved.id}").get_data(as_text=True)
    assert "Personal data removed" in html and "Anna" not in html
    assert client.get(f"/register/residents/{anna_moved.id}/edit").status_code == 403
    assert client.post(f"/register/residents/{anna_moved.id}/move-out/cancel").status_code == 403
    assert "Personal data removed" in client.get("/register?status=moved_out").get_data(as_text=True)  # fmt: skip


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2024, 3, 1), 36, date(2027, 3, 1)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # the month's last day
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_months_are_added_as_people_count_them(day, months, expected):
    assert moving.add_months(day, months) == expected
