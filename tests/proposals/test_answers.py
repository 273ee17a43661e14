"""The committee's official answer: only the committee writes it, and it is published only
when every content language has a text written by a person."""

import pytest
from sqlalchemy import select

from consult.core.notifications import render
from consult.core.notifications.models import Notification
from consult.core.services import ServiceError
from consult.multilingual import services as translations
from consult.multilingual.machine import save_machine_translation
from consult.multilingual.models import MACHINE
from consult.proposals import answers, services
from consult.proposals.models import ProposalState
from tests.conftest import sign_in
from tests.proposals.conftest import page_text, switch_to


@pytest.fixture
def reviewed(db, people, write):
    proposal = write(people.wang)
    services.start_review(people.committee, proposal)
    db.session.commit()
    return proposal


def test_only_the_committee_answers(client, db, people, reviewed):
    for user in (people.wang, people.anna, people.translator):
        with pytest.raises(ServiceError):
            answers.save_answer(user, reviewed, "adopted", "采纳。", "zh-Hans")
        switch_to(client, user)
        assert client.get(f"/proposals/{reviewed.id}/answer").status_code == 403
        assert client.post(f"/proposals/{reviewed.id}/answer/publish").status_code == 403
    switch_to(client, people.committee)
    response = client.post(
        f"/proposals/{reviewed.id}/answer",
        data={"outcome": "adopted", "body": "居委会采纳。", "language": "zh-Hans",
              "prevailing_language": "zh"},
    )  # fmt: skip
    assert response.status_code == 302
    assert reviewed.answer is not None or db.session.refresh(reviewed) is None
    db.session.refresh(reviewed)
    assert reviewed.answer.body == "居委会采纳。"


def test_the_answer_waits_for_a_persons_text_in_every_content_language(
    client, db, people, reviewed
):
    answer = answers.save_answer(people.committee, reviewed, "adopted", "居委会采纳。", "zh-Hans")
    db.session.commit()
    sign_in(client, people.committee)
    response = client.post(
        f"/proposals/{reviewed.id}/answer/publish", headers={"Accept-Language": "en"}
    )
    assert response.status_code == 302
    page = page_text(client.get(response.headers["Location"]))
    assert "需要有人工撰写的文本" in page and "英语" in page  # the committee reads Chinese
    db.session.refresh(reviewed)
    assert reviewed.state == ProposalState.REVIEW and not answer.is_published

    # A machine's translation does not count.
    save_machine_translation(answer, "en", {"body": "Adopted."}, "mt", 1)
    db.session.commit()
    with pytest.raises(ServiceError, match="Missing"):
        answers.publish_answer(people.committee, reviewed)

    # A person's translation does; the answer goes out and followers hear of it.
    row = translations.save_translation(people.translator, answer, "en", {"body": "Adopted."})
    assert row.method != MACHINE
    answers.publish_answer(people.committee, reviewed)
    db.session.commit()
    assert reviewed.state == ProposalState.ANSWERED and answer.is_published
    told = db.session.scalars(select(Notification).filter_by(kind="proposals.answered")).one()
    assert told.user_id == people.wang.id
    subject, _ = render("proposals.answered", told.params, "zh_Hans")
    assert subject == "居委会已答复“小区停车位不足怎么办”：采纳"
    subject, _ = render("proposals.answered", told.params, "en")
    assert subject.endswith(": Adopted")


def test_an_outdated_translation_of_the_answer_does_not_count(db, people, reviewed):
    answer = answers.save_answer(
        people.committee, reviewed, "adopted_in_part", "部分采纳。", "zh-Hans"
    )
    translations.save_translation(people.translator, answer, "en", {"body": "In part."})
    answers.save_answer(
        people.committee, reviewed, "adopted_in_part", "部分采纳，明年实施。", "zh-Hans"
    )
    assert answer.revision == 2
    with pytest.raises(ServiceError, match="English"):
        answers.publish_answer(people.committee, reviewed)


def test_a_traditional_original_is_chinese_but_its_conversion_is_never_english(
    db, people, reviewed
):
    """Simplified and Traditional are one language: the Traditional original covers Chinese;
    English still needs a person's text."""
    answer = answers.save_answer(people.committee, reviewed, "adopted", "居委會採納。", "zh-Hant")
    with pytest.raises(ServiceError) as refused:
        answers.publish_answer(people.committee, reviewed)
    assert "English" in str(refused.value) and "Chinese" not in str(refused.value)
    translations.save_translation(people.translator, answer, "en", {"body": "Adopted."})
    answers.publish_answer(people.committee, reviewed)


def test_three_content_languages_need_three_texts(app, db, people, reviewed):
    previous = app.config["CONTENT_LANGUAGES"]
    app.config["CONTENT_LANGUAGES"] = ("zh-Hans", "en", "ko")
    try:
        answer = answers.save_answer(people.committee, reviewed, "adopted", "采纳。", "zh-Hans")
        translations.save_translation(people.translator, answer, "en", {"body": "Adopted."})
        with pytest.raises(ServiceError, match="Korean"):
            answers.publish_answer(people.committee, reviewed)
        translations.save_translation(people.translator, answer, "ko", {"body": "채택"})
        answers.publish_answer(people.committee, reviewed)
    finally:
        app.config["CONTENT_LANGUAGES"] = previous


def test_the_answer_says_which_language_prevails(client, db, people, reviewed):
    answer = answers.save_answer(
        people.committee, reviewed, "not_adopted", "不予采纳。", "zh-Hans", prevailing_language="en"
    )
    translations.save_translation(people.translator, answer, "en", {"body": "Not adopted."})
    answers.publish_answer(people.committee, reviewed)
    db.session.commit()
    html = page_text(client.get(f"/proposals/{reviewed.id}", headers={"Accept-Language": "en"}))
    assert "Not adopted." in html
    assert "the English text prevails" in html
    html = page_text(client.get(f"/proposals/{reviewed.id}", headers={"Accept-Language": "zh-CN"}))
    assert "不予采纳。" in html and "以英语文本为准" in html


def test_a_published_answer_cannot_be_rewritten(db, people, reviewed):
    answer = answers.save_answer(people.committee, reviewed, "adopted", "采纳。", "zh-Hans")
    translations.save_translation(people.translator, answer, "en", {"body": "Adopted."})
    answers.publish_answer(people.committee, reviewed)
    with pytest.raises(ServiceError):
        answers.save_answer(people.committee, reviewed, "not_adopted", "不。", "zh-Hans")


def test_the_committee_ends_an_open_consultation_before_answering(db, people, write):
    proposal = write(people.wang)
    answer = answers.save_answer(people.committee, proposal, "adopted", "采纳。", "zh-Hans")
    translations.save_translation(people.translator, answer, "en", {"body": "Adopted."})
    with pytest.raises(ServiceError, match="still open"):
        answers.publish_answer(people.committee, proposal)
    services.start_review(people.committee, proposal)
    answers.publish_answer(people.committee, proposal)
