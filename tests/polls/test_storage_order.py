"""Storage does not keep the casting order: cast 200 ballots in a known order, close, and
show that neither table's row order, ids, PostgreSQL's xmin or pages recover it.

Each test has its own database (the rows must be committed, as in production). A rank
correlation (Spearman's rho) of 200 unrelated orders has a standard deviation of about
0.07; the bound of 0.35 is five of those. Before the closing, PostgreSQL's heap order and
xmin do follow the casting order (rho near 1): the test can tell.
"""

import pytest
from sqlalchemy import insert, select, text, update

from consult import create_app
from consult.accounts.models import User
from consult.core.models import utcnow
from consult.extensions import db
from consult.polls import jobs, services, voting
from consult.polls.models import Poll
from consult.residents import importer
from consult.residents.models import Resident
from tests.databases import KINDS, fresh_database
from tests.residents.conftest import make_csv

VOTERS = 200
BOUND = 0.35


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2
        i = j + 1
    return result


def spearman(xs, ys):
    """Spearman's rho; 0 when one side is constant (it then says nothing about the other)."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sx = sum((x - mx) ** 2 for x in rx) ** 0.5
    sy = sum((y - my) ** 2 for y in ry) ** 0.5
    if not sx or not sy:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(rx, ry, strict=True)) / (sx * sy)


@pytest.fixture(params=KINDS)
def own_app(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        app = create_app(
            "testing",
            overrides={"SQLALCHEMY_DATABASE_URI": url, "POLL_STORAGE_SCRUB": "full"},
        )
        with app.app_context():
            db.create_all()
            try:
                yield app
            finally:
                db.session.remove()
                db.drop_all()
                db.engine.dispose()


def _voters():
    rows = [{"household_code": f"H{n}", "building": "B", "grid": "G",
             "full_name": f"Voter {n}", "birth_date": "1990-01-01"} for n in range(VOTERS)]  # fmt: skip
    checked, counts = importer.import_register(make_csv(rows))
    assert counts is not None, checked.problems
    residents = db.session.scalars(select(Resident).order_by(Resident.id)).all()
    db.session.execute(
        insert(User),
        [{"email": f"v{r.id}@example.org", "stored_name": r.full_name, "role": "resident",
          "password_hash": "!", "created_at": utcnow(), "updated_at": utcnow()}
         for r in residents],
    )  # fmt: skip
    users = {u.display_name: u for u in db.session.scalars(select(User))}
    for resident in residents:
        db.session.execute(
            update(Resident)
            .where(Resident.id == resident.id)
            .values(user_id=users[resident.full_name].id)
        )
    committee = User(email="c@example.org", display_name="C", role="committee", password_hash="!")
    db.session.add(committee)
    db.session.commit()
    return committee, [users[r.full_name] for r in residents], [r.id for r in residents]


def _physical(table, dialect):
    """Rows in storage order: (key, id, xmin, page), with key the receipt or resident."""
    key = "receipt" if table == "poll_ballots" else "resident_id"
    if dialect == "postgresql":
        for setting in ("enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"):
            db.session.execute(text(f"SET {setting} = off"))  # the heap itself, in its order
        rows = db.session.execute(
            text(f"SELECT {key}, id, xmin::text::bigint, ctid::text FROM {table}")
        ).all()
        return [(k, i, x, int(ctid.strip("()").split(",")[0])) for k, i, x, ctid in rows]
    # NOT INDEXED: the table's own b-tree (by rowid), not the unique index on the resident
    rows = db.session.execute(text(f"SELECT {key}, rowid FROM {table} NOT INDEXED")).all()
    return [(k, rowid, None, None) for k, rowid in rows]


def _correlations(rows, cast_order):
    """rho of the casting position against storage position, id, xmin and page."""
    position = {key: n for n, key in enumerate(cast_order)}
    cast_positions = [position[row[0]] for row in rows]
    found = {"row order": spearman(cast_positions, list(range(len(rows)))),
             "id": spearman(cast_positions, [row[1] for row in rows])}  # fmt: skip
    if rows[0][2] is not None:
        found["xmin"] = spearman(cast_positions, [row[2] for row in rows])
        found["page"] = spearman(cast_positions, [row[3] for row in rows])
    return found


def test_closing_rewrites_both_tables_out_of_casting_order(own_app):
    dialect = db.engine.dialect.name
    committee, users, resident_ids = _voters()
    now = utcnow()
    from datetime import timedelta

    poll = services.create_poll(
        committee, question={"zh": "排序", "en": "Order"}, method="irv",
        options=[{"zh": c, "en": c} for c in "ABCD"],
        opens_at=now + timedelta(minutes=1), closes_at=now + timedelta(days=1),
    )  # fmt: skip
    services.open_poll(committee, poll)
    db.session.commit()
    ids = [str(o.id) for o in poll.options]
    receipts = []
    for n, user in enumerate(users):  # one transaction per ballot, as in production
        choices = {"ranks": {ids[n % 4]: "1", ids[(n + 1) % 4]: "2"}}
        receipts.append(voting.cast_ballot(user, poll, choices))
        db.session.commit()
    before = {t: _physical(t, dialect) for t in ("poll_ballots", "poll_voters")}
    cast_order = {"poll_ballots": receipts, "poll_voters": resident_ids}
    if dialect == "postgresql":  # the control: storage follows the casting order until closing
        control = _correlations(before["poll_ballots"], receipts)
        assert control["row order"] > 0.95 and control["xmin"] > 0.95, control

    db.session.get(Poll, poll.id).closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    poll_id = poll.id
    jobs.close(poll_id)
    db.session.remove()

    for table in ("poll_ballots", "poll_voters"):
        after = _physical(table, dialect)
        assert sorted(row[0] for row in after) == sorted(row[0] for row in before[table])
        found = _correlations(after, cast_order[table])
        assert all(abs(rho) < BOUND for rho in found.values()), (table, found)
        assert not {row[1] for row in after} & {row[1] for row in before[table]}  # new ids
    poll = db.session.get(Poll, poll_id)
    assert poll.published_at is not None and poll.shuffled_at is not None
