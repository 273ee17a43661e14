"""Two requests cast at the same moment for one voter, or for one household: exactly one
ballot is stored. Real concurrent requests (threads through the whole app) on PostgreSQL,
each request held at the insert until the other arrives there too."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from consult import create_app
from consult.core.models import utcnow
from consult.extensions import db
from consult.polls import services
from consult.polls.models import PollBallot, PollVoter
from consult.residents import importer
from consult.residents import services as register
from consult.residents.models import Resident
from tests.conftest import FreshContextClient, sign_in
from tests.databases import POSTGRES_URL, fresh_database
from tests.polls.conftest import fast_user
from tests.residents.conftest import make_csv

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs CONSULT_TEST_DATABASE_URL")


@pytest.fixture
def pg_app(tmp_path):
    with fresh_database("postgresql", tmp_path) as url:
        app = create_app("testing", overrides={"SQLALCHEMY_DATABASE_URI": url})
        app.test_client_class = FreshContextClient
        with app.app_context():
            db.create_all()
            try:
                yield app
            finally:
                db.session.remove()
                db.drop_all()
                db.engine.dispose()


@pytest.fixture
def household(pg_app):
    rows = [{"household_code": "H1", "building": "B", "grid": "G", "full_name": name,
             "birth_date": "1980-01-01"} for name in ("Li Wei", "Zhang Min")]  # fmt: skip
    importer.import_register(make_csv(rows))
    committee = fast_user(db, "Committee", role="committee")
    members = []
    for resident in db.session.scalars(select(Resident).order_by(Resident.id)):
        user = fast_user(db, resident.full_name)
        register.verify_resident(committee, resident, user)
        members.append(user)
    db.session.commit()
    return committee, members


def _poll(committee, **values):
    now = utcnow()
    poll = services.create_poll(
        committee, question={"zh": "同时", "en": "At once"}, method="plurality",
        options=[{"zh": "甲", "en": "A"}, {"zh": "乙", "en": "B"}],
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=1), **values,
    )  # fmt: skip
    services.open_poll(committee, poll)
    db.session.commit()
    return poll.id, [str(o.id) for o in poll.options]


class MeetAtTheInsert:
    """Holds each request just before it records the voter, until both are there."""

    def __init__(self):
        self.barrier = threading.Barrier(2, timeout=10)

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO POLL_VOTERS"):
            self.barrier.wait()


def _race(app, clients, poll_id, options):
    answers = [None, None]

    def cast(n):
        answers[n] = clients[n].post(f"/polls/{poll_id}/cast", data={"choice": options[n]})

    meet = MeetAtTheInsert()
    event.listen(db.engine, "before_cursor_execute", meet)
    try:
        threads = [threading.Thread(target=cast, args=(n,)) for n in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        event.remove(db.engine, "before_cursor_execute", meet)
    assert not meet.barrier.broken, "the two requests did not meet at the insert"
    return sorted(a.status_code for a in answers), answers


def _stored(poll_id):
    db.session.remove()
    ballots = db.session.scalar(select(func.count()).where(PollBallot.poll_id == poll_id))
    voters = db.session.scalar(select(func.count()).where(PollVoter.poll_id == poll_id))
    return ballots, voters


def _client(app, user):
    client = app.test_client()
    assert sign_in(client, user).status_code == 302
    return client


@pytest.mark.parametrize("attempt", range(3))
def test_one_voter_in_two_browsers_casts_one_ballot(pg_app, household, attempt):
    committee, (li, _zhang) = household
    poll_id, options = _poll(committee)
    clients = [_client(pg_app, li), _client(pg_app, li)]
    statuses, answers = _race(pg_app, clients, poll_id, options)
    assert statuses == [200, 422]
    refused = next(a for a in answers if a.status_code == 422).get_data(as_text=True)
    assert "You have already voted in this poll." in refused
    assert _stored(poll_id) == (1, 1)


@pytest.mark.parametrize("attempt", range(3))
def test_two_members_of_one_household_cast_one_ballot(pg_app, household, attempt):
    committee, members = household
    poll_id, options = _poll(committee, per_household=True)
    clients = [_client(pg_app, member) for member in members]
    statuses, answers = _race(pg_app, clients, poll_id, options)
    assert statuses == [200, 422]
    refused = next(a for a in answers if a.status_code == 422).get_data(as_text=True)
    assert "Someone in your household has already voted" in refused
    assert _stored(poll_id) == (1, 1)
