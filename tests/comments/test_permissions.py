"""Who may comment: verified residents while a proposal is open; reading needs nothing; a
comment asks its target, so a new kind of target needs no change in the comments domain."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from consult.comments import services
from consult.comments.models import Comment
from consult.comments.registry import COMMENTABLES, Commentable, register_commentable
from consult.core.services import ServiceError
from consult.proposals import services as proposals
from tests.comments.conftest import page_text
from tests.conftest import sign_in

EN = {"Accept-Language": "en"}


def test_an_unverified_resident_reads_but_does_not_comment(client, db, people, proposal, say):
    say(people.wang, proposal, "欢迎大家讨论。", "zh-Hans")
    sign_in(client, people.kim)
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "欢迎大家讨论。" in page
    assert "Only verified residents can comment." in page and "invitation code" in page
    assert "/reply" not in page and "/like" not in page
    assert "/report" in page  # anyone signed in may report
    assert client.get(f"/comments/proposal/{proposal.id}/new").status_code == 403
    assert client.post(f"/comments/proposal/{proposal.id}/new", data={"body": "Hi", "language": "en", "step": "confirm"}).status_code == 403  # fmt: skip
    with pytest.raises(ServiceError):
        services.post_comment(people.kim, proposal, "Hi", "en")
    for user in (people.translator, people.committee):  # not verified residents either
        with pytest.raises(ServiceError):
            services.post_comment(user, proposal, "Hi", "en")
    assert db.session.scalar(select(Comment.id).where(Comment.author_id != people.wang.id)) is None


def test_comments_close_with_the_consultation_and_stay_readable(client, db, people, proposal, say):
    first = say(people.anna, proposal, "Before the end.")
    proposals.start_review(people.committee, proposal)
    db.session.commit()
    sign_in(client, people.anna)
    page = page_text(client.get(f"/proposals/{proposal.id}"))
    assert "Before the end." in page and "comments are closed" in page
    assert "/reply" not in page and f"/comments/{first.id}/edit" not in page
    assert client.get(f"/comments/{first.id}/reply").status_code == 403
    assert client.get(f"/comments/{first.id}/edit").status_code == 403
    with pytest.raises(ServiceError):
        services.post_comment(people.anna, proposal, "After the end.", "en")
    # Deleting one's own words stays possible.
    assert client.post(f"/comments/{first.id}/delete").status_code == 302


def test_a_consultation_past_its_end_date_takes_no_comment(db, people, write):
    from consult.proposals.dates import community_today

    proposal = write(people.wang)
    proposal.closes_on = community_today() - timedelta(days=1)
    db.session.commit()
    with pytest.raises(ServiceError):
        services.post_comment(people.anna, proposal, "Late", "en")


def test_drafts_have_no_discussion(client, db, people, write):
    draft = write(people.wang, published=False)
    sign_in(client, people.wang)
    assert 'id="comments"' not in page_text(client.get(f"/proposals/{draft.id}"))
    assert client.get(f"/comments/proposal/{draft.id}/new").status_code == 404
    client.post("/account/sign-out")
    assert client.get(f"/comments/proposal/{draft.id}/new").status_code == 404
    assert client.get(f"/api/v1/proposals/{draft.id}/comments").status_code == 404
    assert client.get("/comments/nothing/1/new").status_code == 404


def test_a_reply_belongs_to_the_discussion_of_what_it_answers(db, people, write, say):
    one, other = write(people.wang), write(people.wang, title="另一个")
    first = say(people.anna, one, "On the first")
    with pytest.raises(ServiceError):
        services.post_comment(people.wang, other, "跨讨论", "zh-Hans", parent=first)


def test_a_new_kind_of_target_registers_itself_and_needs_no_change_here(client, db, people, say):
    from consult.proposals.categories import create_category
    from consult.proposals.models import Category

    category = create_category(people.committee, "Parking", "停车")
    db.session.commit()
    register_commentable(
        Commentable(
            "category",
            model=Category,
            can_comment=lambda user, target: user.is_authenticated,
            path=lambda target: f"/proposals?category={target.id}",
            heading=lambda target, tag: target.name(tag),
        )
    )
    try:
        first = say(people.kim, category, "Who picks the categories?")
        say(people.translator, category, "The committee does.", parent=first)
        sign_in(client, people.kim)
        form = client.get(f"/comments/category/{category.id}/new")
        assert form.status_code == 200 and "Parking" in page_text(form)
        assert (
            client.get(f"/comments/{first.id}")
            .headers["Location"]
            .endswith(f"/proposals?category={category.id}#comment-{first.id}")
        )
        client.post("/account/sign-out")
        assert client.get(f"/comments/category/{category.id}/new").status_code == 302  # sign in
    finally:
        COMMENTABLES.pop("category")
