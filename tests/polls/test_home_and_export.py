"""The home page tiles and the committee's export tables."""

from consult.polls import export
from tests.polls.conftest import account, cast, close_now, open_poll, option_id


def test_a_resident_sees_the_polls_waiting_for_their_vote(town, client_as):
    poll = open_poll(town, per_household=True)
    wang = client_as(account(town, "王芳"))
    assert "Polls waiting for your vote" in wang.get("/").get_data(as_text=True)
    cast(town, "陈磊", poll, choice=str(option_id(poll, "Gym")))  # her household has voted
    assert "Polls waiting for your vote" not in wang.get("/").get_data(as_text=True)


def test_the_committee_sees_open_and_unpublished_polls(town, client_as):
    open_poll(town)
    html = client_as(town.committee).get("/").get_data(as_text=True)
    assert "Open polls" in html


def test_export_tables_and_csv_cells_that_could_run_as_formulas(town):
    poll = open_poll(town, question={"zh": "=1+1", "en": "@sum"})
    cast(town, "Anna Smith", poll, choice=str(option_id(poll, "Gym")))
    close_now(town, poll)
    tables = {t.filename: t for t in export.export_tables()}
    polls = list(tables["polls.csv"].rows())
    assert polls[0][0] == poll.id and polls[0][-3] == 1 and polls[0][-2] == "健身房"
    ballots = list(tables["poll_ballots.csv"].rows())
    assert ballots[0][2] == '{"marks": ["健身房"]}'
    text = export.write_csv(tables["polls.csv"].columns, polls)
    assert text.startswith("\ufeffid,question,") and "'=1+1 / @sum" in text
