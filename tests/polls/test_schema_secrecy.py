"""The schema itself holds no link from a ballot to a voter."""

from sqlalchemy import inspect

from tests.polls.conftest import cast, open_poll, option_id


def test_a_ballot_row_holds_the_poll_the_choices_and_a_receipt_only(db):
    ballots = db.metadata.tables["poll_ballots"]
    assert set(ballots.columns.keys()) == {"id", "poll_id", "receipt", "choices"}
    assert {fk.column.table.name for fk in ballots.foreign_keys} == {"polls"}
    assert ballots.c.id.autoincrement is False  # a random key, not a counter


def test_the_record_of_voting_holds_no_ballot_and_no_time(db):
    voters = db.metadata.tables["poll_voters"]
    assert set(voters.columns.keys()) == {
        "id", "poll_id", "resident_id", "household_slot", "channel", "ticked_by_id",
    }  # fmt: skip
    assert "poll_ballots" not in {fk.column.table.name for fk in voters.foreign_keys}
    for table in (voters, db.metadata.tables["poll_ballots"]):
        assert not [
            c
            for c in table.columns
            if "DATE" in str(c.type).upper() or "TIME" in str(c.type).upper()
        ]


def test_no_other_table_points_at_ballots(db):
    for table in db.metadata.tables.values():
        assert "poll_ballots" not in {fk.column.table.name for fk in table.foreign_keys}


def test_the_database_agrees(town, db):
    """What the live database has, not only what the models say."""
    inspector = inspect(db.session.connection())
    assert {c["name"] for c in inspector.get_columns("poll_ballots")} == {
        "id", "poll_id", "receipt", "choices",
    }  # fmt: skip
    assert [fk["referred_table"] for fk in inspector.get_foreign_keys("poll_ballots")] == ["polls"]


def test_ids_do_not_follow_casting_order(town, db):
    from sqlalchemy import select

    from consult.polls.models import PollBallot, PollVoter

    poll = open_poll(town)
    receipts = [
        cast(town, name, poll, choice=str(option_id(poll, "Gym")))
        for name in ("王芳", "陈磊", "Anna Smith", "Tom Smith", "Марина Иванова", "Lea Berg")
    ]
    ids = dict(db.session.execute(select(PollBallot.receipt, PollBallot.id)).all())
    in_order = [ids[r] for r in receipts]
    assert min(in_order) > 2**20  # drawn from 63 bits, not counted from 1
    assert min(db.session.scalars(select(PollVoter.id))) > 2**20
