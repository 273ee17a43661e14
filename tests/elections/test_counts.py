"""Election day: the count begins on election day; each station's count is checked at its
fields; a station with more ballots than signatures is flagged, a round with more ballots
than signatures across the stations is void; a correction keeps the history and is in the
audit trail."""

from datetime import time, timedelta

import pytest
from sqlalchemy import select

from consult.core.audit.models import AuditEntry
from consult.core.services import ServiceError
from consult.elections import clock
from consult.elections.services import counts, results, setup
from tests.conftest import sign_in
from tests.elections.conftest import DAY
from tests.elections.counting import contest, enter, figures, form_data, prepare


@pytest.fixture
def election(listed_election, committee_user, register, db, frozen):
    return prepare(listed_election, committee_user, register, db, frozen)


def _problems(error):
    return {problem.field: str(problem.message) for problem in error.value.problems}


def test_the_count_begins_on_election_day_and_freezes_the_preparation(make_election, committee_user, frozen, db):  # fmt: skip
    election = make_election()
    frozen(DAY - timedelta(days=1))
    with pytest.raises(ServiceError) as error:
        counts.begin_count(committee_user, election)
    messages = [str(m) for m in error.value.messages]
    assert "The count begins on election day, after the polls close." in messages
    assert "The voter list was never published: there is nobody to count for." in messages
    assert "The candidates were never published." in messages
    assert election.status.value == "preparing"


def test_beginning_the_count_closes_preparation(election, committee_user, db):
    assert election.status.value == "counting"
    with pytest.raises(ServiceError, match="no longer in preparation"):
        setup.update_rules(committee_user, election, {"min_age": 20})
    with pytest.raises(ServiceError, match="has begun already"):
        counts.begin_count(committee_user, election)
    entry = db.session.scalars(select(AuditEntry).filter_by(action="election.count_begun")).one()
    assert entry.object_id == election.id and '"voters":10' in entry.details


def test_every_figure_that_does_not_add_up_is_named_at_its_field(election, committee_user):
    member = contest(election, "member")
    station = election.stations[0]
    bad = figures(4, 4, [5, None, -1], invalid=1, write_ins=[("周敏", 1), ("", 2)])
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, member, station, 1, bad)
    problems = _problems(error)
    assert problems["votes_1"] == problems["votes_2"] == "Enter a whole number, 0 or more."
    assert problems["write_in_name_0"] == "周敏 is a candidate: enter those votes in the candidate's row."  # fmt: skip
    assert problems["write_in_name_1"] == "Write the name these votes were written in for."
    # With whole numbers the sums are checked, each at the field it concerns.
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, member, station, 1, figures(4, 3, [1, 0, 0], invalid=4))  # fmt: skip
    assert _problems(error) == {"invalid": "More invalid ballots than ballots cast."}
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, member, station, 1, figures(4, 4, [4, 1, 2], invalid=1, against=[0, 2, 0], abstain=[0, 1, 0], write_ins=[("Zhou Li", 4)]))  # fmt: skip
    assert _problems(error) == {
        "votes_0": "More votes than the 3 valid ballots that are not blank.",
        "votes_1": "For, against and abstain together are more than the 3 valid ballots.",
        "write_in_votes_0": "More votes than the 3 valid ballots that are not blank.",
        None: "11 votes in all: more than 3 ballots can hold with 2 seat(s) on each.",
    }
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, member, station, 1, figures(4, 4, [4, 4, 1]))
    assert _problems(error) == {None: "9 votes in all: more than 4 ballots can hold with 2 seat(s) on each."}  # fmt: skip
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, member, station, 1, figures(11, 11, [1, 1, 1]))
    assert _problems(error) == {"voters_signed": "More voters signed than the 10 on the voter list."}  # fmt: skip


def test_stations_together_cannot_have_more_signatures_than_voters(election, committee_user):
    director = contest(election, "director")
    first, second = election.stations
    counts.enter_count(committee_user, director, first, 1, figures(7, 7, [4, 3]))
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, director, second, 1, figures(4, 4, [2, 2]))
    assert _problems(error) == {"voters_signed": "With the other stations' counts, more voters signed than the 10 on the voter list."}  # fmt: skip


def test_a_station_with_more_ballots_than_signatures_is_flagged(election, committee_user):
    director = enter(committee_user, election, "director", 1, figures(4, 5, [3, 2]), figures(4, 3, [2, 1]))  # fmt: skip
    outcome = results.contest_result(director)
    flagged = outcome.entries[1][election.stations[0].id]
    assert flagged.over_signed and not outcome.entries[1][election.stations[1].id].over_signed
    # 8 ballots, 8 signatures in all: the round counts; the station stays flagged.
    assert outcome.status == "complete" and outcome.elected == ["王芳"]
    assert outcome.result.warnings == ["station Station 1: 5 ballots were cast but only 4 voters signed for one"]  # fmt: skip


def test_more_ballots_than_signatures_across_the_stations_voids_the_round(election, committee_user, client):  # fmt: skip
    director = enter(committee_user, election, "director", 1, figures(4, 5, [4, 1]), figures(3, 3, [2, 1]))  # fmt: skip
    outcome = results.contest_result(director)
    assert (outcome.status, outcome.result.summary["reason"], outcome.elected) == ("not_valid", "over_signed", [])  # fmt: skip
    page = client.get(f"/elections/{election.id}/results").get_data(as_text=True)
    assert "This vote is void: more ballots were cast than voters signed for one. No one is elected by it." in page  # fmt: skip
    assert "This round is void: more ballots were cast across the stations than voters signed for one." in page  # fmt: skip
    assert "more than signed" in page  # the station's row is flagged


def test_a_correction_keeps_the_history_and_is_in_the_audit_trail(election, committee_user, db, frozen):  # fmt: skip
    director = contest(election, "director")
    station = election.stations[0]
    counts.enter_count(committee_user, director, station, 1, figures(4, 4, [3, 1]))
    with pytest.raises(ServiceError) as error:
        counts.enter_count(committee_user, director, station, 1, figures(4, 4, [2, 2]))
    assert _problems(error) == {"reason": "Say why the count is corrected; the reason stays on the record."}  # fmt: skip
    with pytest.raises(ServiceError, match="Nothing was changed"):
        counts.enter_count(committee_user, director, station, 1, figures(4, 4, [3, 1]), reason="Recount")  # fmt: skip
    frozen(clock.at_local(DAY, time(19, 30)))
    counts.enter_count(committee_user, director, station, 1, figures(4, 4, [2, 2]), reason="The reader misread a ballot.")  # fmt: skip
    db.session.commit()
    history = results.history(director, station, 1)
    assert [(e.version, e.votes, e.reason) for e in history] == [
        (1, {"王芳": 3, "陈磊": 1}, None),
        (2, {"王芳": 2, "陈磊": 2}, "The reader misread a ballot."),
    ]
    assert history[0].entered_at < history[1].entered_at
    assert results.current_entries(director, 1)[station.id].version == 2
    entry = db.session.scalars(select(AuditEntry).filter_by(action="election.count_corrected")).one()  # fmt: skip
    assert '"votes":[{"王芳":3,"陈磊":1},{"王芳":2,"陈磊":2}]' in entry.details
    assert "The reader misread a ballot." in entry.details
    assert entry.actor_id == committee_user.id


def test_the_count_page_puts_each_problem_at_its_field_and_keeps_what_was_typed(election, committee_user, client):  # fmt: skip
    sign_in(client, committee_user)
    director = contest(election, "director")
    station = election.stations[0]
    url = f"/elections/stations/{station.id}/count/{director.id}/1"
    page = client.get(url).get_data(as_text=True)
    assert "王芳" in page and "陈磊" in page and "Write-in 1: name" in page
    sent = form_data(figures(4, 4, [3, 5], invalid=1, write_ins=[("Zhou Li", 1)]))
    response = client.post(url, data=sent)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="votes_1-error"' in page and "More votes than the 3 valid ballots that are not blank." in page  # fmt: skip
    assert 'value="Zhou Li"' in page
    response = client.post(url, data=form_data(figures(4, 4, [3, 1])))
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Entry 1 is the count now." in page and "Reason for the correction" in page
    response = client.post(url, data=form_data(figures(4, 4, [2, 2])))
    assert response.status_code == 422
    assert "Say why the count is corrected" in response.get_data(as_text=True)


def test_residents_cannot_enter_a_count(election, client, signed_in):
    signed_in("resident")
    director = contest(election, "director")
    url = f"/elections/stations/{election.stations[0].id}/count/{director.id}/1"
    assert client.post(url, data=form_data(figures(4, 4, [3, 1]))).status_code == 403
    assert results.current_entries(director, 1) == {}
    with pytest.raises(ServiceError, match="Only the residents' committee"):
        counts.enter_count(None, director, election.stations[0], 1, figures(4, 4, [3, 1]))
