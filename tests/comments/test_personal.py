"""Comments on "My data", and what deleting an account does to them: likes go (the counts
follow), comments and reports stay, the comments signed "a former resident"."""

from sqlalchemy import select

from consult.comments import likes, moderation, services
from consult.comments.models import Comment, CommentFlag, CommentLike
from tests.data_rights.helpers import MyData, browser, delete_account


def discussion(db, people, proposal, say):
    """Anna writes (and edits) a comment, likes one of 王芳's and reports another."""
    anna = say(people.anna, proposal, "Parking at night is hard for me too.", stance="for")
    services.edit_comment(people.anna, anna, "Parking at night is hard for everyone.", "en")
    wang = say(people.wang, proposal, "谢谢大家的支持。", "zh-Hans")
    rude = say(people.wang, proposal, "王芳的电话是 13900000001。", "zh-Hans", stance="against")
    likes.like_comment(people.anna, wang)
    moderation.flag_comment(people.anna, rude, "personal_data", note="A phone number.")
    db.session.commit()
    return anna, wang, rude


def test_my_data_lists_my_comments_likes_and_reports_and_nobody_elses(
    app, db, people, proposal, say
):
    anna, wang, rude = discussion(db, people, proposal, say)
    mine = MyData(app, people.anna)
    assert "Comments you wrote" in mine.page and "Comments you like" in mine.page
    (written,) = mine.rows("comments")
    assert (
        written["text"] == "Parking at night is hard for everyone." and written["stance"] == "for"
    )
    (earlier,) = mine.rows("comment_versions")
    assert earlier["text"] == "Parking at night is hard for me too."
    assert [row["comment"] for row in mine.rows("comment_likes")] == [wang.id]
    (report,) = mine.rows("comment_reports")
    assert report["comment"] == rude.id and report["note"] == "A phone number."
    assert "Parking at night is hard for everyone." in mine.files["comments.csv"]
    # Not what 王芳 wrote, not her name, not the phone number in her comment.
    for theirs in ("谢谢大家的支持", "13900000001", "王芳"):
        assert not mine.holds(theirs), theirs
    other = MyData(app, people.wang)
    assert {row["id"] for row in other.rows("comments")} == {wang.id, rude.id}
    assert other.rows("comment_likes") == [] and other.rows("comment_reports") == []
    assert not other.holds("Parking at night is hard")


def test_deleting_the_account_keeps_the_comments_and_drops_the_likes(
    app, db, people, proposal, say
):
    anna, wang, rude = discussion(db, people, proposal, say)
    reader = browser(app, people.kim)
    before = reader.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Anna Smith" in before  # the thread is drawn, and cached, with her name
    anna_id = people.anna.id
    response = delete_account(app, db, people.anna, people.committee)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    assert db.session.scalars(select(CommentLike).filter_by(user_id=anna_id)).first() is None
    assert db.session.get(Comment, wang.id).likes_count == 0
    assert db.session.get(Comment, anna.id).body == "Parking at night is hard for everyone."
    assert db.session.scalars(select(CommentFlag).filter_by(user_id=anna_id)).one()
    after = reader.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Parking at night is hard for everyone." in after
    assert "a former resident" in after and "Anna Smith" not in after
