"""Confirmations: residents in scope confirm; the committee sees numbers per grid and
building and reminds those who have not; no resident sees who else confirmed."""

import pytest
from sqlalchemy import select

from consult.core.notifications.models import Notification
from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.notices import services
from tests.conftest import sign_in
from tests.notices.conftest import page_text


@pytest.fixture
def water(write):
    return write(needs_confirmation=True)


def _counts(notice):
    return {
        (grid.name, building.name): numbers
        for grid, building, *numbers in services.confirmation_counts(notice)
    }


def test_counts_per_grid_and_building(db, people, water):
    services.confirm_notice(people.anna, water)
    services.confirm_notice(people.anna, water)  # once is enough
    services.confirm_notice(people.kim, water)
    db.session.commit()
    assert _counts(water) == {
        ("第一网格", "1"): [3, 2, 1],  # 王芳, 陈小雨, Anna; two accounts; Anna confirmed
        ("Grid Two", "2"): [1, 1, 1],
        ("Grid Two", "3"): [1, 0, 0],
    }
    assert services.confirmation_totals(services.confirmation_counts(water)) == (5, 3, 2)


def test_only_residents_in_scope_confirm(db, people, write):
    notice = write(needs_confirmation=True, scope="grid", grid_id=people.grids["第一网格"].id)
    with pytest.raises(ServiceError):
        services.confirm_notice(people.kim, notice)  # lives in Grid Two
    with pytest.raises(ServiceError):
        services.confirm_notice(people.bob, notice)  # not in the register
    services.confirm_notice(people.wang, notice)
    assert list(_counts(notice)) == [("第一网格", "1")]


def test_a_reminder_goes_to_those_in_scope_who_have_not_confirmed(db, people, water):
    services.confirm_notice(people.anna, water)
    assert services.send_reminder(people.committee, water) == 2  # wang and kim
    db.session.commit()
    run_pending()
    reminded = db.session.scalars(
        select(Notification.user_id).filter_by(kind="notices.reminder")
    ).all()
    assert sorted(reminded) == sorted([people.wang.id, people.kim.id])


def test_no_reminder_for_a_notice_that_asks_nothing(db, people, write):
    with pytest.raises(ServiceError):
        services.send_reminder(people.committee, write())


def test_residents_see_their_own_confirmation_only(client, db, people, water):
    services.confirm_notice(people.wang, water)
    db.session.commit()
    sign_in(client, people.anna)
    text = page_text(client.get(f"/notices/{water.id}"))
    assert "I have read this notice" in text
    assert "王芳" not in text and "Confirmed:" not in text
    assert client.get(f"/notices/{water.id}/confirmations").status_code == 403
    response = client.post(f"/notices/{water.id}/confirm")
    assert response.status_code == 302
    assert "You have confirmed" in page_text(client.get(f"/notices/{water.id}"))


def test_the_committee_sees_numbers_and_sends_a_reminder(client, db, people, water):
    services.confirm_notice(people.anna, water)
    db.session.commit()
    sign_in(client, people.committee)
    text = page_text(client.get(f"/notices/{water.id}/confirmations?lang=en"))
    assert "Anna" not in text and "王芳" not in text
    assert ">1<" in text and ">3<" in text
    response = client.post(f"/notices/{water.id}/remind", follow_redirects=True)
    assert response.status_code == 200


def test_my_data_shows_what_i_follow_and_confirmed_and_deletion_forgets_it(db, people, water, category):  # fmt: skip
    from consult.notices.personal import forget_user, personal_data

    services.save_subscriptions(people.anna, [category.id], ["community"])
    services.confirm_notice(people.anna, water)
    tables = {t.name: t for t in personal_data(people.anna)}
    assert sorted(tables["notice_subscriptions"].rows) == sorted(
        [("Category", "Water and power"), ("Whole community", "Whole community")]
    )
    assert [row[1] for row in tables["notice_confirmations"].rows] == ["停水通知"]
    assert all(t.rows == [] for t in personal_data(people.wang))  # nobody else's
    forget_user(people.anna, people.committee)
    assert all(t.rows == [] for t in personal_data(people.anna))
    assert services.confirmation_totals(services.confirmation_counts(water))[2] == 0
