"""Polls on "My data": which polls a person could vote in and whether they voted, never
what they chose nor their receipt code; deleting the account leaves the count alone."""

from sqlalchemy import select

from consult.polls.models import PollVoter
from tests.data_rights.helpers import MyData, delete_account
from tests.polls.conftest import account, cast, close_now, counts, open_poll, option_id


def test_my_data_says_whether_i_voted_and_never_how(app, db, town):
    poll = open_poll(town, question={"zh": "选哪个？", "en": "Which room first?"})
    receipt = cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    cast(town, "Tom Smith", poll, choice=str(option_id(poll, "Library")))
    later = open_poll(town, question={"zh": "第二个？", "en": "And next?"})
    mine = MyData(app, account(town, "Anna Smith"))
    assert "Polls you could vote in" in mine.page
    rows = {row["id"]: row for row in mine.rows("polls")}
    assert rows[poll.id]["voted"] is True and rows[poll.id]["channel"] == "online"
    assert rows[later.id]["voted"] is False and rows[later.id]["channel"] is None
    assert rows[poll.id]["question"] == "Which room first?"
    assert "Consult cannot tell which ballot is yours" in mine.page
    # Neither her choice nor her receipt code, nor Tom's, is anywhere in it.
    for secret in (receipt, receipt.replace("-", ""), "Gym", "健身房", "Library", "图书馆", "Tom Smith"):  # fmt: skip
        assert not mine.holds(secret), secret
    closed = close_now(town, poll)
    after = MyData(app, account(town, "Anna Smith"))
    assert not after.holds(receipt) and not after.holds("健身房")
    assert {row["id"]: row for row in after.rows("polls")}[closed.id]["voted"] is True


def test_a_person_without_a_register_entry_has_no_polls(app, db, town):
    open_poll(town)
    assert "polls" not in MyData(app, town.committee).tables


def test_deleting_the_account_keeps_the_voter_record_and_the_ballot(app, db, town):
    poll = open_poll(town)
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    anna = account(town, "Anna Smith")
    assert delete_account(app, db, anna, town.committee).status_code == 302
    assert counts(db, poll) == (1, 1)
    voter = db.session.scalars(select(PollVoter).filter_by(poll_id=poll.id)).one()
    assert voter.resident_id == town.people["Anna Smith"].id  # the register's, not the account's


def test_the_committees_export_never_links_a_ballot_to_a_voter(app, db, town):
    from consult.polls import export

    poll = open_poll(town)
    names = ("Tom Smith", "Anna Smith", "王芳")  # cast in this order
    receipts = [cast(town, name, poll, choice=str(option_id(poll, "Gym"))) for name in names]
    tables = {t.filename: t for t in export.export_tables()}
    voters = tables["poll_voters.csv"]
    assert voters.columns == ("poll_id", "resident_id", "channel", "ticked_by_id")
    rows = list(voters.rows())
    assert [row[1] for row in rows] == sorted(town.people[name].id for name in names)
    text = export.write_csv(voters.columns, rows)
    assert not any(receipt in text for receipt in receipts) and "健身房" not in text
    assert "voter" not in " ".join(tables["poll_ballots.csv"].columns)
    assert "resident" not in " ".join(tables["poll_ballots.csv"].columns)
    electorate = list(tables["poll_electorate.csv"].rows())
    assert len(electorate) == poll.electorate_size
