from datetime import timedelta

from sqlalchemy import select

from tests.access import ANYONE, COMMITTEE_ONLY, SIGNED_IN

ACCESS = {
    "polls.index": ANYONE,
    "polls.poll": ANYONE,
    "polls.ballots": ANYONE,
    "polls.ballots_json": ANYONE,
    "polls.ballots_csv": ANYONE,
    # Any signed-in reader may open the ballot; the page says whether they may vote.
    "polls.vote": SIGNED_IN,
    "polls.cast": SIGNED_IN,
    "polls.new_poll": COMMITTEE_ONLY,
    "polls.edit_poll": COMMITTEE_ONLY,
    "polls.open_poll": COMMITTEE_ONLY,
    "polls.close_poll": COMMITTEE_ONLY,
    "polls.cancel_poll": COMMITTEE_ONLY,
    "polls.voters": COMMITTEE_ONLY,
    "polls.tick": COMMITTEE_ONLY,
    "polls.untick": COMMITTEE_ONLY,
    "polls.paper_ballots": COMMITTEE_ONLY,
    "polls.publish": COMMITTEE_ONLY,
    "api.polls_polls": ANYONE,
    "api.polls_poll": ANYONE,
    "api.polls_ballots": ANYONE,
}


def url_values(db):
    """The demo's open yes/no poll; its closed ranked poll for the ballot list; a new
    upcoming poll to edit."""
    from consult.accounts.services import find_user_by_email
    from consult.core.models import utcnow
    from consult.polls import services
    from consult.polls.models import Poll

    polls = db.session.scalars(select(Poll).order_by(Poll.id)).all()
    closed = next(p for p in polls if p.published_at is not None)
    yes_no = next(p for p in polls if p.method == "yes_no")
    committee = find_user_by_email("committee@example.org")
    upcoming = services.create_poll(
        committee,
        question={"zh": "测试", "en": "A test"},
        method="plurality",
        options=[{"zh": "甲", "en": "A"}, {"zh": "乙", "en": "B"}],
        opens_at=utcnow() + timedelta(days=1),
        closes_at=utcnow() + timedelta(days=2),
    )
    db.session.commit()
    values = {"poll_id": yes_no.id, "polls.edit_poll:poll_id": upcoming.id}
    for endpoint in (
        "polls.ballots",
        "polls.ballots_json",
        "polls.ballots_csv",
        "api.polls_ballots",
    ):
        values[f"{endpoint}:poll_id"] = closed.id
    return values
