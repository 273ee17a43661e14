"""Helpers for poll tests: a small register with accounts, polls made and opened, voting."""

import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from consult.accounts.models import User
from consult.core.models import utcnow
from consult.core.queue import run_pending
from consult.polls import jobs, services, voting
from consult.polls.models import Poll, PollBallot, PollVoter
from consult.residents import importer
from consult.residents import services as register
from consult.residents.models import Resident
from tests.conftest import PASSWORD, FreshContextClient, sign_in
from tests.residents.conftest import make_csv

# Two grids, three buildings, five households; ages around the 18th birthday.
PEOPLE = [
    # household, building, grid, full name, birth date, nationality, verified
    ("H1", "B1", "Grid One", "王芳", "1980-04-12", "CN", True),
    ("H1", "B1", "Grid One", "陈磊", "1978-09-30", "CN", True),
    ("H1", "B1", "Grid One", "陈小雨", "2012-03-09", "CN", True),
    ("H2", "B1", "Grid One", "Anna Smith", "1990-02-28", "GB", True),
    ("H3", "B2", "Grid One", "김민준", "1979-09-21", "KR", False),
    ("H4", "B3", "Grid Two", "Марина Иванова", "1995-06-03", "RU", True),
    ("H5", "B3", "Grid Two", "Tom Smith", "1988-07-30", "GB", True),
    ("H5", "B3", "Grid Two", "Lea Berg", "", "NO", True),
]


def fast_user(db, name, role="resident", locale="en"):
    """An account with a cheap password hash (scrypt would make these tests slow)."""
    slug = re.sub(r"\W+", "", name.lower().encode("ascii", "ignore").decode()) or "user"
    count = db.session.scalar(select(func.count(User.id)))
    user = User(
        email=f"{slug}{count}@example.org",
        display_name=name,
        role=role,
        preferred_locale=locale,
        password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1"),
    )
    db.session.add(user)
    db.session.flush()
    return user


@pytest.fixture
def town(db):
    """The register of PEOPLE with an account for each verified resident and a committee."""
    rows = [
        {"household_code": h, "building": b, "unit": "1", "room": h[1:], "grid": g,
         "full_name": name, "birth_date": born, "nationality": nat}
        for h, b, g, name, born, nat, _ in PEOPLE
    ]  # fmt: skip
    checked, counts = importer.import_register(make_csv(rows))
    assert counts is not None, checked.problems
    committee = fast_user(db, "Committee", role="committee")
    people = {}
    for _h, _b, _g, name, _born, _nat, verified in PEOPLE:
        resident = db.session.scalars(select(Resident).filter_by(full_name=name)).one()
        if verified:
            user = fast_user(db, name)
            register.verify_resident(committee, resident, user)
        people[name] = resident
    db.session.commit()
    return SimpleNamespace(committee=committee, people=people, db=db)


def account(town, name):
    return town.people[name].user


def make_poll(town, **values):
    """A poll (plurality over three options unless told) that opens in a minute."""
    now = utcnow()
    values.setdefault("question", {"zh": "选哪个？", "en": "Which one?"})
    values.setdefault("method", "plurality")
    if values["method"] != "yes_no":
        values.setdefault(
            "options",
            [
                {"zh": "花园", "en": "Garden"},
                {"zh": "图书馆", "en": "Library"},
                {"zh": "健身房", "en": "Gym"},
            ],
        )
    values.setdefault("opens_at", now + timedelta(minutes=1))
    values.setdefault("closes_at", now + timedelta(days=7))
    poll = services.create_poll(town.committee, **values)
    town.db.session.commit()
    return poll


def open_poll(town, **values):
    poll = make_poll(town, **values)
    services.open_poll(town.committee, poll)
    town.db.session.commit()
    run_pending()
    return poll


def option_id(poll, english):
    return next(o.id for o in poll.options if o.text.get("en") == english or o.name == english)


def cast(town, name, poll, **choices):
    """Cast through the service (as a view would): returns the receipt code."""
    receipt = voting.cast_ballot(account(town, name), poll, choices)
    town.db.session.commit()
    return receipt


def close_now(town, poll):
    """Move the closing time into the past and run the queue's closing job."""
    poll.closes_at = utcnow() - timedelta(seconds=1)
    town.db.session.commit()
    jobs.close(poll.id)
    run_pending()
    town.db.session.expire_all()
    return town.db.session.get(Poll, poll.id)


def counts(db, poll):
    ballots = db.session.scalar(select(func.count()).where(PollBallot.poll_id == poll.id))
    voters = db.session.scalar(select(func.count()).where(PollVoter.poll_id == poll.id))
    return ballots, voters


@pytest.fixture
def client_as(app, db):
    """``client_as(user)``: a test client signed in as ``user``."""

    def make(user, locale=None):
        app.test_client_class = FreshContextClient
        client = app.test_client()
        if locale:
            user.preferred_locale = locale
            db.session.commit()
        response = sign_in(client, user)
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return make


TODAY = date.today()
