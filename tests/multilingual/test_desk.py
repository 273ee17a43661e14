"""The translation desk: what waits, in which order, and the form beside the original."""

from consult.multilingual import services
from consult.multilingual.desk import queue_page, queue_size
from consult.proposals import answers
from consult.proposals import services as proposals
from tests.conftest import sign_in
from tests.proposals.conftest import page_text

FIELDS = {"title": "t", "summary": "s", "body": "b"}


def _queue(**filters):
    page = queue_page(1, 50, **filters)
    return [(item.content_type.name, item.content.id, item.language, item.requests,
             item.outdated) for item in page.items]  # fmt: skip


def test_the_queue_holds_what_lacks_a_persons_text_most_requested_first(db, people, write):
    quiet = write(people.anna, title="Quiet", language="en", body="x")
    parking = write(people.wang)
    done = write(people.anna, title="Done", language="en", body="y")
    services.save_translation(people.translator, done, "zh-Hans", FIELDS)
    outdated = write(people.anna, title="Old", language="en", body="z")
    services.save_translation(people.translator, outdated, "zh-Hans", FIELDS)
    proposals.update_proposal(people.anna, outdated, title="Old", body="changed",
                              language="en")  # fmt: skip
    write(people.wang, published=False, title="草稿")
    withdrawn = write(people.anna, title="Gone", language="en", body="w")
    proposals.withdraw_proposal(people.anna, withdrawn, "no")
    services.request_translation(people.anna, parking, "en")
    services.request_translation(people.kim, parking, "en")
    services.request_translation(people.wang, quiet, "zh-Hans")
    db.session.commit()
    assert _queue() == [
        ("proposal", parking.id, "en", 2, False),
        ("proposal", quiet.id, "zh", 1, False),
        ("proposal", outdated.id, "zh", 0, True),
    ]
    assert _queue(language="en") == [("proposal", parking.id, "en", 2, False)]
    assert queue_size() == 3


def test_a_committee_answer_waits_at_the_desk_before_it_is_published(db, people, write):
    proposal = write(people.wang)
    services.save_translation(people.translator, proposal, "en", FIELDS)
    proposals.start_review(people.committee, proposal)
    answer = answers.save_answer(people.committee, proposal, "adopted", "采纳。", "zh-Hans")
    db.session.commit()
    assert _queue(kind="proposal_answer") == [("proposal_answer", answer.id, "en", 0, False)]


def test_three_content_languages(app, db, people, write):
    previous = app.config["CONTENT_LANGUAGES"]
    app.config["CONTENT_LANGUAGES"] = ("zh-Hans", "en", "ko")
    try:
        proposal = write(people.wang)
        assert [row[2] for row in _queue()] == ["en", "ko"]
        services.save_translation(people.translator, proposal, "ko", FIELDS)
        assert [row[2] for row in _queue()] == ["en"]
    finally:
        app.config["CONTENT_LANGUAGES"] = previous


def test_the_desk_page_and_the_form_beside_the_original(client, db, people, write):
    proposal = write(people.wang)
    db.session.commit()
    sign_in(client, people.translator)
    desk = page_text(client.get("/desk"))
    assert proposal.title in desk and "Translate" in desk
    form = page_text(client.get(f"/desk/proposal/{proposal.id}/en"))
    assert "晚上七点以后几乎找不到车位" in form  # the original, beside the boxes
    assert 'lang="en"' in form and 'name="field_title"' in form
    response = client.post(f"/desk/proposal/{proposal.id}/en", data={"field_title": "Parking"})
    assert response.status_code == 422
    assert "Translate this field too." in page_text(response)
    assert 'value="Parking"' in page_text(response)  # what was typed is kept
    assert client.get(f"/desk/proposal/{proposal.id}/zh").status_code == 404  # its own
    assert client.get(f"/desk/proposal/{proposal.id}/xx").status_code == 404
    assert client.get(f"/desk/comment/{proposal.id}/en").status_code == 404
    assert client.get("/desk/proposal/99999/en").status_code == 404
    odd = client.get("/desk?page=abc&language=xx&kind=zz")  # ignored, never an error
    assert odd.status_code == 200 and proposal.title in page_text(odd)


def test_drafts_are_never_on_the_translators_form(client, db, people, write):
    draft = write(people.wang, published=False)
    sign_in(client, people.translator)
    assert client.get(f"/desk/proposal/{draft.id}/en").status_code == 403
