"""The residents' meeting decision (居民会议, organic law 2018, Art. 9): valid when more than
half of those entitled take part, adopted by more than half of those who take part; the
result page says which condition decided it."""

import pytest

from consult.core.queue import run_pending
from consult.polls import paper
from consult.polls.models import PollResult
from tests.polls.conftest import account, cast, close_now, open_poll, option_id
from tests.polls.test_paper import tick

ADULTS = ["王芳", "陈磊", "Anna Smith", "김민준", "Марина Иванова", "Tom Smith"]  # 6 of 8


@pytest.mark.parametrize(
    "yes, no, abstain, outcome, decided",
    [
        (3, 0, 0, [], "Decided by the first condition"),  # 3 of 6 is not more than half
        (2, 1, 1, ["no"], "Decided by the second condition"),  # 4 took part, 2 yes: not > half
        (3, 0, 1, ["yes"], "Both conditions are met"),
    ],
)
def test_which_condition_decided(town, client, yes, no, abstain, outcome, decided):
    poll = open_poll(town, method="yes_no", meeting="adults")
    assert poll.base == "register" and poll.adults_only and poll.electorate_size == len(ADULTS)
    votes = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    voters = ["王芳", "陈磊", "Anna Smith", "Tom Smith"][: len(votes)]
    for name, choice in zip(voters, votes, strict=True):
        if account(town, name) is not None:
            cast(town, name, poll, choice=str(option_id(poll, choice)))
    poll = close_now(town, poll)
    result = town.db.session.get(PollResult, poll.id).result
    assert result["winners"] == outcome
    html = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert decided in html
    assert f"{len(votes)} of 6 took part (more than 3 needed)." in html


def test_one_representative_per_household_on_paper_and_online(town, client):
    poll = open_poll(town, method="yes_no", meeting="households")
    assert poll.per_household and poll.electorate_size == 5  # H1 … H5
    cast(town, "王芳", poll, choice=str(option_id(poll, "yes")))
    tick(town, "김민준", "Tom Smith", poll=poll)
    poll = close_now(town, poll)
    paper.enter_paper_batch(town.committee, poll, "yes\nno")
    town.db.session.commit()
    run_pending()
    result = town.db.session.get(PollResult, poll.id).result
    assert result["ballots"] == "3" and result["winners"] == ["yes"]  # 3 of 5; 2 yes of 3
    assert "Both conditions are met" in client.get(f"/polls/{poll.id}").get_data(as_text=True)
