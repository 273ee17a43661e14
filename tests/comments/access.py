"""Who may use each comment route (for tests/core/test_route_walker.py)."""

from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, LOGIN, SIGNED_IN, answers

# The walk's resident is Anna Smith, a verified resident; the demo translator and committee
# member are not verified residents, so they do not comment.
VERIFIED_ONLY = {None: LOGIN, "resident": 200, "translator": 403, "committee": 403}
AUTHOR_ONLY = VERIFIED_ONLY  # the comments these routes get are Anna's

ACCESS = {
    "comments.new_comment": VERIFIED_ONLY,
    "comments.reply": VERIFIED_ONLY,
    "comments.comment": answers(302),  # a permalink: to the comment in its discussion
    "comments.edit": AUTHOR_ONLY,
    "comments.delete": AUTHOR_ONLY,
    "comments.like": VERIFIED_ONLY,
    "comments.unlike": VERIFIED_ONLY,
    "comments.report": SIGNED_IN,
    "comments.history": ANYONE,
    "comments.appeal": AUTHOR_ONLY,
    "comments_moderation.queue": COMMITTEE_ONLY,
    "comments_moderation.comment": COMMITTEE_ONLY,
    "comments_moderation.hide": COMMITTEE_ONLY,
    "comments_moderation.dismiss": COMMITTEE_ONLY,
    "comments_moderation.decide": COMMITTEE_ONLY,
    "api.comments_proposal_comments": ANYONE,
}


def url_values(db):
    """The demo's parking discussion, and comments of Anna's written for the walk."""
    from consult.accounts.services import find_user_by_email
    from consult.comments import services
    from consult.comments.models import Comment
    from consult.proposals.models import Proposal

    anna = find_user_by_email("anna.smith@example.org")
    wang = find_user_by_email("wang.fang@example.org")
    parking = db.session.scalars(select(Proposal).filter_by(title="小区停车位不足怎么办")).one()
    by_wang = db.session.scalars(
        select(Comment).filter_by(target_id=parking.id, author_id=wang.id, deleted_at=None)
    ).first()
    edited = db.session.scalars(
        select(Comment).where(Comment.target_id == parking.id, Comment.edited_at.is_not(None))
    ).first()
    mine = [
        services.post_comment(anna, parking, f"Walk {n}: a comment of mine.", "en")
        for n in range(3)
    ]
    db.session.commit()
    return {
        "comments.new_comment:target_type": "proposal",
        "comments.new_comment:target_id": parking.id,
        "api.comments_proposal_comments:target_id": parking.id,
        "comment_id": by_wang.id,
        "comments.history:comment_id": edited.id,
        "comments.edit:comment_id": mine[0].id,
        "comments.delete:comment_id": mine[1].id,
        "comments.appeal:comment_id": mine[2].id,
    }
