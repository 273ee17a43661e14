"""Bad ballots are refused with a clear message in the reader's language, the form keeps
what was chosen, and nothing is stored: a ballot is all or nothing."""

import re

import pytest

from tests.polls.conftest import account, close_now, counts, open_poll, option_id


def _refused(town, client_as, poll, data, message, locale="en"):
    client = client_as(account(town, "Anna Smith"), locale=locale)
    for url, extra in (
        (f"/polls/{poll.id}/vote", {"step": "review"}),
        (f"/polls/{poll.id}/cast", {}),
    ):
        response = client.post(url, data={**data, **extra})
        assert response.status_code == 422, url
        html = response.get_data(as_text=True)
        assert message in html, html[html.find("<main") :][:3000]
    assert counts(town.db, poll) == (0, 0)
    return html


def test_an_unknown_option(town, client_as):
    poll = open_poll(town, method="plurality")
    _refused(
        town, client_as, poll, {"choice": "999999"}, "There is no option “999999” in this poll."
    )


def test_an_unknown_option_in_a_ranking(town, client_as):
    poll = open_poll(town, method="irv")
    data = {f"rank_{option_id(poll, 'Gym')}": "1", "rank_424242": "2"}
    html = _refused(town, client_as, poll, data, "There is no option “424242” in this poll.")
    assert re.search(rf'id="rank_{option_id(poll, "Gym")}"[^>]*>.*?selected value="1"', html, re.S)


def test_too_many_marks_keeps_the_marks(town, client_as):
    poll = open_poll(town, method="approval", max_marks=2)
    marks = [option_id(poll, name) for name in ("Garden", "Library", "Gym")]
    html = _refused(
        town, client_as, poll, {"marks": marks}, "You marked 3 options; mark at most 2."
    )
    assert html.count("checked") == 3


def test_too_many_marks_in_a_block_vote(town, client_as):
    poll = open_poll(town, method="block", seats=1)
    marks = [option_id(poll, "Garden"), option_id(poll, "Gym")]
    _refused(town, client_as, poll, {"marks": marks}, "You marked 2 options; mark at most 1.")


def test_a_duplicate_rank_in_chinese(town, client_as):
    poll = open_poll(town, method="schulze")
    data = {f"rank_{option_id(poll, 'Garden')}": "1", f"rank_{option_id(poll, 'Gym')}": "1"}
    html = _refused(town, client_as, poll, data, "第 1 名被给了不止一个选项", locale="zh_Hans")
    assert html.count("第 1 名被给了不止一个选项") == 2  # beside each of the two options
    assert html.count('selected value="1"') == 2


@pytest.mark.parametrize("value", ["6", "-1", "x", "99999999999"])
def test_a_score_out_of_range(town, client_as, value):
    poll = open_poll(town, method="score", score_max=5)
    data = {f"score_{option_id(poll, 'Garden')}": value, f"score_{option_id(poll, 'Gym')}": "3"}
    _refused(town, client_as, poll, data, "Choose a score from 0 to 5.")


def test_a_rank_out_of_range(town, client_as):
    poll = open_poll(town, method="borda")
    _refused(
        town, client_as, poll, {f"rank_{option_id(poll, 'Gym')}": "4"}, "Choose a rank from 1 to 3."
    )


def test_a_ballot_after_closing_in_traditional_chinese(town, client_as):
    poll = open_poll(town, method="plurality")
    client = client_as(account(town, "Anna Smith"), locale="zh_Hant")
    close_now(town, poll)
    response = client.post(f"/polls/{poll.id}/cast", data={"choice": option_id(poll, "Gym")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "此投票已於" in html and "您的選票沒有投出" in html
    assert counts(town.db, poll) == (0, 0)


def test_a_ballot_after_the_closing_time_even_if_no_job_ran(town, client_as):
    """Closed follows from the stored time at each request, not from the queue."""
    from datetime import timedelta

    from consult.core.models import utcnow

    poll = open_poll(town, method="plurality")
    client = client_as(account(town, "Anna Smith"))
    poll.closes_at = utcnow() - timedelta(seconds=1)
    town.db.session.commit()
    assert poll.closed_at is None  # no job has recorded the closing
    response = client.post(f"/polls/{poll.id}/cast", data={"choice": option_id(poll, "Gym")})
    assert response.status_code == 422
    assert "This poll closed on" in response.get_data(as_text=True)
    assert counts(town.db, poll) == (0, 0)
    page = client.get(f"/polls/{poll.id}").get_data(as_text=True)
    assert "This poll is closed." in page


def test_a_second_ballot_is_refused_and_the_first_kept(town, client_as):
    poll = open_poll(town, method="plurality")
    client = client_as(account(town, "Anna Smith"))
    assert (
        client.post(f"/polls/{poll.id}/cast", data={"choice": option_id(poll, "Gym")}).status_code
        == 200
    )
    again = client.post(f"/polls/{poll.id}/cast", data={"choice": option_id(poll, "Garden")})
    assert again.status_code == 422
    assert "You have already voted in this poll." in again.get_data(as_text=True)
    assert counts(town.db, poll) == (1, 1)
