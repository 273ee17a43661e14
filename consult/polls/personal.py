"""What polls hold about one person (the personal-data hooks, consult.core.domain): the polls
whose voter list has their register entry, and whether they voted, online or on paper.

Never how they voted, because Consult does not know: a ballot (``poll_ballots``) holds the
poll, the choices and a receipt code, and no voter, household, time or ordered id; the
record that someone voted (``poll_voters``) holds no ballot. The receipt code was shown to
the voter once, when they cast the ballot, and is kept only on the ballot, so it cannot be
listed here either (README, "Polls: secrecy").

Deleting an account removes nothing here: the voter lists and the records of who voted
belong to the register entry, which is the committee's and stays (unlinked from the
account); they are needed for turnout and to refuse a second ballot. Ballots hold nothing
about anyone.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from consult.core.domain import PersonalTable
from consult.extensions import db
from consult.polls.models import Channel, Poll, PollElectorate, PollVoter
from consult.polls.texts import text_for
from consult.residents.services import resident_of


def personal_data(user):
    resident = resident_of(user)
    if resident is None:
        return []
    listed = db.session.execute(
        select(Poll, PollVoter.channel)
        .join(PollElectorate, PollElectorate.poll_id == Poll.id)
        .outerjoin(
            PollVoter,
            (PollVoter.poll_id == Poll.id) & (PollVoter.resident_id == resident.id),
        )
        .where(PollElectorate.resident_id == resident.id)
        .order_by(Poll.opens_at, Poll.id)
    ).all()
    return [
        PersonalTable(
            "polls",
            _l("Polls you could vote in"),
            (
                ("id", _l("Number")),
                ("question", _l("Question")),
                ("opens_at", _l("Opens")),
                ("closes_at", _l("Closes")),
                ("phase", _l("State")),
                ("voted", _l("You voted")),
                ("channel", _l("Online or on paper")),
            ),
            [
                (
                    poll.id,
                    str(text_for(poll.question)),
                    poll.opens_at,
                    poll.closes_at,
                    poll.phase().label,
                    channel is not None,
                    Channel(channel).label if channel is not None else None,
                )
                for poll, channel in listed
            ],
            _l(
                "The polls whose voter list has your register entry, and whether you voted, online or on paper. Never what you voted: a ballot is stored without any voter, so Consult cannot tell which ballot is yours. Your receipt code was shown to you once, when you voted, and is not kept with your name: look for the code you noted in the published ballot list."
            ),  # fmt: skip
        )
    ]


def forget_user(user, actor):
    """Nothing to remove: see the module docstring. Declared so that the choice is visible."""
    return None
