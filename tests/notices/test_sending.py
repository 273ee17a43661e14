"""Subscriptions and the messages they bring, in each reader's language; urgent notices
reach everyone in scope by every channel whatever their settings."""

import pytest
from sqlalchemy import select

from consult.core.notifications.models import Notification, UrgentMessage
from consult.core.notifications.services import save_settings
from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.notices import services


def _kinds(user, kind="notices.published"):
    from consult.extensions import db

    return db.session.scalars(select(Notification).filter_by(user_id=user.id, kind=kind)).all()


def test_subscribers_get_notices_of_their_categories_and_places(db, people, category, write):
    other = services.create_category(people.committee, "Events", "活动", slug="events")
    grid_one, grid_two = people.grids["第一网格"], people.grids["Grid Two"]
    services.save_subscriptions(people.anna, [category.id], [f"grid:{grid_one.id}"])
    services.save_subscriptions(people.wang, [category.id], ["community"])
    services.save_subscriptions(people.kim, [other.id], ["community", f"grid:{grid_two.id}"])
    db.session.commit()

    building_one = people.buildings["1"]
    write(scope="building", building_id=building_one.id)  # in Anna's grid
    write()  # the whole community
    run_pending()
    assert len(_kinds(people.anna)) == 1  # follows grid one, not the community's notices
    assert len(_kinds(people.wang)) == 1  # follows the community's, not grid one's
    assert _kinds(people.kim) == []  # another category


def test_each_reads_the_message_in_their_language(db, people, category, write, outbox):
    for user in (people.anna, people.wang):
        services.save_subscriptions(user, [category.id], ["community"])
    db.session.commit()
    write()
    run_pending()
    subjects = {m["To"]: m["Subject"] for m in outbox()}
    assert subjects["anna.smith@example.org"] == "Notice: Water cut"
    assert "停水通知" in subjects["wang.fang@example.org"]
    assert "Water cut" not in subjects["wang.fang@example.org"]


def test_a_daily_digest_reader_gets_it_in_the_digest_not_now(db, people, category, write, outbox):
    services.save_subscriptions(people.anna, [category.id], ["community"])
    save_settings(people.anna, {"notices.published": ("daily", True, False)})
    db.session.commit()
    write()
    run_pending()
    assert [n.daily for n in _kinds(people.anna)] == [True]
    assert outbox() == []


def test_subscriptions_refuse_unknown_places_and_are_audited(db, people, category):
    with pytest.raises(ServiceError):
        services.save_subscriptions(people.anna, [category.id], ["grid:999999"])
    db.session.rollback()
    saved = services.save_subscriptions(people.anna, [category.id], ["community"])
    assert saved == {"categories": {category.id}, "scopes": {"community"}}


def test_urgent_notice_reaches_everyone_in_scope_whatever_their_settings(db, people, category, write, outbox):  # fmt: skip
    # Anna follows nothing and turned notices off; Kim lives in the other grid.
    save_settings(people.anna, {"notices.published": ("never", False, False)})
    db.session.commit()
    grid_one = people.grids["第一网格"]
    write(urgent=True, scope="grid", grid_id=grid_one.id)
    run_pending()
    message = db.session.scalars(select(UrgentMessage)).one()
    assert message.scope == "grid" and message.scope_id == grid_one.id
    to = {m["To"]: m for m in outbox()}
    assert "anna.smith@example.org" in to and "wang.fang@example.org" in to
    assert "kim@example.org" not in to
    assert "Water cut" in to["anna.smith@example.org"]["Subject"]
    assert "停水通知" in to["wang.fang@example.org"]["Subject"]
    inbox = db.session.scalars(
        select(Notification).filter_by(user_id=people.anna.id, urgent=True)
    ).all()
    assert len(inbox) == 1


def test_urgent_notice_is_not_sent_twice_to_a_subscriber(db, people, category, write):
    services.save_subscriptions(people.anna, [category.id], ["community"])
    db.session.commit()
    write(urgent=True)
    run_pending()
    assert _kinds(people.anna) == []  # the urgent message, not also the subscription's
    assert len(_kinds(people.anna, "urgent")) == 1
