"""Translations as rows of their own: outdated when the original moves on, verified by a
second person (never their own), requested by readers; conversions are never translations."""

import pytest
from sqlalchemy import select

from consult.core.audit import AuditEntry
from consult.core.notifications import render
from consult.core.notifications.models import Notification
from consult.core.services import ServiceError
from consult.multilingual import services
from consult.multilingual.machine import save_machine_translation
from consult.multilingual.reading import has_text_by_a_person, localize, missing_languages
from consult.proposals import services as proposals
from tests.conftest import sign_in
from tests.proposals.conftest import page_text, switch_to

ENGLISH = {"title": "Not enough parking", "summary": "No space.", "body": "Full after 7 pm."}


def _edit(people, proposal, body):
    proposals.update_proposal(
        people.wang, proposal, title=proposal.title, summary=proposal.summary, body=body,
        language=proposal.language, category_id=proposal.category_id,
    )  # fmt: skip


def test_editing_the_original_outdates_its_translations_which_stay_shown(client, db, people, write):
    proposal = write(people.wang)
    row = services.save_translation(people.translator, proposal, "en", ENGLISH)
    services.verify_translation(people.second, proposal, row)
    db.session.commit()
    assert row.revision == 1 and not row.is_outdated(proposal)
    _edit(people, proposal, "晚上六点以后就没有车位了。")
    proposal.category_id = None  # a change that is not the text: no new revision
    db.session.commit()
    assert proposal.revision == 2 and row.is_outdated(proposal)
    page = page_text(client.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "en"}))
    assert "Full after 7 pm." in page
    assert "Outdated translation: the original has changed since this translation was made." in page
    assert "verified by 张伟 Zhang Wei" in page  # it was verified, of the older text
    assert not has_text_by_a_person(proposal, "en")

    # Updating it makes it current, and it needs verifying again.
    row = services.save_translation(
        people.translator, proposal, "en", {**ENGLISH, "body": "Full after 6 pm."}
    )
    assert row.revision == 2 and not row.is_verified and has_text_by_a_person(proposal, "en")


def test_saving_the_same_text_again_changes_nothing_but_the_original_edit_does(db, people, write):
    proposal = write(people.wang)
    before = proposal.revision
    _edit(people, proposal, proposal.body)
    assert proposal.revision == before


def test_nobody_verifies_their_own_translation_or_a_machines(client, db, people, write):
    proposal = write(people.wang)
    row = services.save_translation(people.translator, proposal, "en", ENGLISH)
    db.session.commit()
    with pytest.raises(ServiceError, match="Someone else"):
        services.verify_translation(people.translator, proposal, row)
    with pytest.raises(ServiceError):
        services.verify_translation(people.anna, proposal, row)  # not a translator
    sign_in(client, people.translator)
    page = page_text(client.get(f"/desk/proposal/{proposal.id}/en"))
    assert "Verify this translation" not in page and "a second translator verifies it" in page
    client.post(f"/desk/proposal/{proposal.id}/en/verify")
    db.session.refresh(row)
    assert not row.is_verified

    switch_to(client, people.committee)  # committee members verify too
    page = page_text(client.get(f"/desk/proposal/{proposal.id}/en"))
    assert "审核通过此译文" in page
    client.post(f"/desk/proposal/{proposal.id}/en/verify")
    db.session.refresh(row)
    assert row.verified_by_id == people.committee.id
    assert db.session.scalars(
        select(AuditEntry).filter_by(action="translation.verified", object_id=row.id)
    ).one()
    with pytest.raises(ServiceError, match="already verified"):
        services.verify_translation(people.second, proposal, row)

    machine = save_machine_translation(
        proposal, "ko", {"title": "주차", "summary": "", "body": "."}, "mt.example", 1
    )
    with pytest.raises(ServiceError, match="machine"):
        services.verify_translation(people.second, proposal, machine)


def test_an_outdated_translation_cannot_be_verified(db, people, write):
    proposal = write(people.wang)
    row = services.save_translation(people.translator, proposal, "en", ENGLISH)
    _edit(people, proposal, "新的。")
    with pytest.raises(ServiceError, match="update the translation"):
        services.verify_translation(people.second, proposal, row)


def test_translations_are_checked(db, people, write):
    proposal = write(people.wang)
    with pytest.raises(ServiceError) as refused:
        services.save_translation(people.translator, proposal, "en", {"title": "Parking"})
    assert {p.field for p in refused.value.problems} == {"summary", "body"}
    with pytest.raises(ServiceError, match="original is written in"):
        services.save_translation(people.translator, proposal, "zh-Hant", ENGLISH)
    with pytest.raises(ServiceError):
        services.save_translation(people.wang, proposal, "en", ENGLISH)  # not a translator
    draft = write(people.wang, published=False)
    with pytest.raises(ServiceError):
        services.save_translation(people.translator, draft, "en", ENGLISH)


def test_a_conversion_is_marked_and_never_counts_as_a_translation(db, people, write):
    proposal = write(people.wang)
    shown = localize(proposal, "zh-Hant")
    assert shown.is_original and shown.converted_from == "zh-Hans"
    assert shown["title"] == "小區停車位不足怎麼辦"
    assert missing_languages(proposal) == ["en"]
    # A Simplified translation of an English original, read in Traditional: converted too.
    english = write(people.anna, title="Lights", summary="Dark.", body="Dark path.", language="en")
    services.save_translation(people.translator, english, "zh-Hans",
                              {"title": "路灯", "summary": "太暗。", "body": "小路太暗。"})  # fmt: skip
    shown = localize(english, "zh-Hant")
    assert shown.kind == "translation" and shown.converted_from == "zh-Hans"
    assert shown["title"] == "路燈" and shown.language == "zh-Hant"


def test_readers_requests_are_counted_answered_and_told(client, db, people, write):
    proposal = write(people.wang)
    for user in (people.anna, people.kim):
        services.request_translation(user, proposal, "en")
    services.request_translation(people.anna, proposal, "en")  # once per person
    db.session.commit()
    sign_in(client, people.translator)
    desk = page_text(client.get("/desk?language=en"))
    assert '<td data-label="Requests">2</td>' in desk
    client.post(
        f"/desk/proposal/{proposal.id}/en",
        data={"field_title": ENGLISH["title"], "field_summary": ENGLISH["summary"],
              "field_body": ENGLISH["body"]},
    )  # fmt: skip
    told = db.session.scalars(select(Notification).filter_by(kind="multilingual.translated")).all()
    assert {n.user_id for n in told} == {people.anna.id, people.kim.id}
    subject, _ = render("multilingual.translated", told[0].params, "en")
    assert subject == "“小区停车位不足怎么办” is now translated into English"
    with pytest.raises(ServiceError, match="already translated"):
        services.request_translation(people.anna, proposal, "en")
    # Once the original changes, an updated translation may be asked for again.
    _edit(people, proposal, "新的。")
    assert services.request_translation(people.anna, proposal, "en").answered_at is None


def test_text_changes_are_announced_for_the_search_index(db, people, write):
    changed = []
    services.on_text_changed(changed.append)
    try:
        proposal = write(people.wang)
        services.save_translation(people.translator, proposal, "en", ENGLISH)
        _edit(people, proposal, "改了。")
    finally:
        services.TEXT_CHANGED.remove(changed.append)
    assert changed == [proposal, proposal]
