"""Publishing rules: every content language, or a translator asked and the language marked
"translation coming"; scheduled publishing and archiving follow the stored times."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from consult.core.audit import AuditEntry
from consult.core.notifications.models import Notification
from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.notices import jobs, services
from consult.notices.models import ARCHIVED, DRAFT, PUBLISHED, SCHEDULED
from tests.notices.conftest import WATER_EN


def test_a_notice_without_english_cannot_be_published(db, people, write):
    notice = write(translated=False, publish=False)
    with pytest.raises(ServiceError) as error:
        services.publish_notice(people.committee, notice)
    assert "English" in str(error.value)
    assert services.status(notice) == DRAFT


def test_marking_a_language_coming_needs_a_translator_asked_first(db, people, write):
    notice = write(translated=False, publish=False)
    with pytest.raises(ServiceError) as error:
        services.publish_notice(people.committee, notice, mark_missing=True)
    assert "Ask a translator" in str(error.value)
    db.session.rollback()

    services.ask_translation(people.committee, notice, "en")
    assert dict(services.languages_status(notice)) == {"zh": "written", "en": "asked"}
    services.publish_notice(people.committee, notice, mark_missing=True)
    db.session.commit()
    assert services.status(notice) == PUBLISHED
    assert notice.coming_languages == ["en"]


def test_translated_into_every_content_language_it_publishes(db, people, write):
    notice = write()
    assert services.status(notice) == PUBLISHED and notice.coming_languages == []
    actions = db.session.scalars(
        select(AuditEntry.action).where(AuditEntry.object_id == notice.id)
    ).all()
    assert "notice.published" in actions


def test_a_machine_translation_does_not_count(db, people, write):
    from consult.multilingual.models import MACHINE, new_translation

    notice = write(translated=False, publish=False)
    db.session.add(new_translation("notice", notice.id, "en", texts=WATER_EN, method=MACHINE,
                                   revision=notice.revision))  # fmt: skip
    db.session.flush()
    with pytest.raises(ServiceError):
        services.publish_notice(people.committee, notice)


def test_only_the_committee_writes_and_publishes(db, people, category):
    with pytest.raises(ServiceError):
        services.create_notice(people.anna, title="x", body="y", language="en",
                               category_id=category.id)  # fmt: skip


def test_bad_values_are_each_named(db, people, category):
    with pytest.raises(ServiceError) as error:
        services.create_notice(people.committee, title=" ", body="", language="xx-!!",
                               category_id=None, scope="grid", grid_id=None)  # fmt: skip
    fields = {problem.field for problem in error.value.problems}
    assert {"title", "body", "language", "category_id", "grid_id"} <= fields


def test_scheduled_notice_goes_up_and_comes_down_by_the_clock(db, people, write, frozen):
    start = frozen()
    notice = write(publish_at=start + timedelta(hours=2))
    notice.expires_at = start + timedelta(days=3)
    db.session.commit()
    assert services.status(notice) == SCHEDULED
    run_pending()
    assert notice.announced_at is None  # the queue only sends what has gone up

    frozen(start + timedelta(hours=2))
    assert services.status(notice) == PUBLISHED
    frozen(start + timedelta(days=3))
    assert services.status(notice) == ARCHIVED


def test_the_periodic_job_sends_a_scheduled_notice_once(db, people, write, frozen):
    start = frozen()
    notice = write(publish_at=start + timedelta(hours=1))
    services.save_subscriptions(people.anna, [notice.category_id], ["community"])
    db.session.commit()
    jobs.announce_due()
    assert notice.announced_at is None
    frozen(hours=1)
    jobs.announce_due()
    jobs.announce_due()
    run_pending()
    sent = db.session.scalars(
        select(Notification).filter_by(user_id=people.anna.id, kind="notices.published")
    ).all()
    assert len(sent) == 1 and notice.announced_at is not None


def test_a_schedule_in_the_past_or_expiry_before_publication_is_refused(db, people, write, frozen):
    notice = write(publish=False)
    with pytest.raises(ServiceError) as error:
        services.publish_notice(people.committee, notice, frozen() - timedelta(hours=2))
    assert error.value.problems[0].field == "publish_at"
    db.session.rollback()
    notice.expires_at = frozen() + timedelta(hours=1)
    with pytest.raises(ServiceError):
        services.publish_notice(people.committee, notice, frozen() + timedelta(hours=2))


def test_editing_outdates_the_translation_and_archiving_takes_it_down(db, people, write):
    notice = write()
    values = {"title": "停水通知（更新）", "body": "改为12月4日停水。", "language": "zh-Hans",
              "category_id": notice.category_id}  # fmt: skip
    services.update_notice(people.committee, notice, **values)
    assert notice.revision == 2
    from consult.multilingual.reading import missing_languages

    assert missing_languages(notice) == ["en"]
    services.archive_notice(people.committee, notice)
    assert services.status(notice) == ARCHIVED


def test_editing_a_published_notice_asks_translators_again(db, people, write):
    from consult.notices.services import open_request

    notice = write()
    services.update_notice(people.committee, notice, title="停水通知（改期）", body="改为12月4日。",
                           language="zh-Hans", category_id=notice.category_id)  # fmt: skip
    assert notice.coming_languages == ["en"] and open_request(notice, "en") is not None


def test_the_committee_home_shows_notices_waiting(client, db, people, write):
    from tests.conftest import sign_in

    draft = write(translated=False, publish=False)
    sign_in(client, people.committee)
    html = client.get("/").get_data(as_text=True)  # the committee member reads Chinese
    assert "待翻译的通知" in html and "需确认阅读的通知" in html
    assert draft.id
