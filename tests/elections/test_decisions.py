"""The committee approves or wait-lists within each shift's capacity per role; the wait
list moves up; nobody holds overlapping shifts; badges verify; calendars carry the shift."""

import re

import pytest
from icalendar import Calendar

from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.elections import links
from consult.elections.services import decisions, signup
from tests.elections.helpers import all_shifts, apply


def _confirmed(election, shifts, **person):
    application = apply(election, shifts, **person)
    signup.confirm_application(application)
    return application


def _person(number):
    return {"full_name": f"Person {number}", "latin_name": f"Person {number}", "email": f"p{number}@example.org"}  # fmt: skip


@pytest.fixture
def election(make_election):
    return make_election(observers=2)


def test_approval_within_capacity_then_the_wait_list(election, committee_user):
    shift = all_shifts(election)[0]
    first, second, third = (_confirmed(election, [shift], **_person(n)).assignments[0] for n in range(3))  # fmt: skip
    decisions.approve_assignment(committee_user, first)
    decisions.approve_assignment(committee_user, second)
    with pytest.raises(ServiceError) as error:
        decisions.approve_assignment(committee_user, third)
    assert "full" in str(error.value.message)
    decisions.wait_list_assignment(committee_user, third)
    assert decisions.approved_count(shift, "observer") == 2
    # A volunteer's place is counted apart from the observers'.
    volunteer = _confirmed(election, [shift], role="volunteer", **_person(9)).assignments[0]
    decisions.approve_assignment(committee_user, volunteer)


def test_the_wait_list_moves_up_when_someone_cancels(election, committee_user, db, outbox):
    shift = all_shifts(election)[0]
    people = [_confirmed(election, [shift], **_person(n)) for n in range(4)]
    for application in people[:2]:
        decisions.approve_assignment(committee_user, application.assignments[0])
    for application in people[2:]:
        decisions.wait_list_assignment(committee_user, application.assignments[0])
    signup.cancel_assignment(people[0], people[0].assignments[0])
    assert people[2].assignments[0].status.value == "approved"  # first on the wait list
    assert people[3].assignments[0].status.value == "wait_listed"
    decisions.revoke_assignment(committee_user, people[1].assignments[0])
    assert people[3].assignments[0].status.value == "approved"
    db.session.commit()
    run_pending()
    moved = [m for m in outbox() if m["To"] == "p3@example.org"]
    assert "A place came free" in moved[-1]["Subject"]


def test_an_unconfirmed_sign_up_cannot_be_approved(election, committee_user):
    application = apply(election, all_shifts(election)[:1])
    with pytest.raises(ServiceError):
        decisions.approve_assignment(committee_user, application.assignments[0])


def test_one_person_cannot_hold_two_overlapping_shifts(make_election, committee_user):
    election = make_election(stations=2)
    shifts = sorted(all_shifts(election), key=lambda s: (s.station_id, s.starts_at))
    here = _confirmed(election, [shifts[0]], **_person(1))
    there = _confirmed(election, [shifts[2]], **_person(1))  # same e-mail, same morning
    decisions.approve_assignment(committee_user, here.assignments[0])
    with pytest.raises(ServiceError) as error:
        decisions.approve_assignment(committee_user, there.assignments[0])
    assert "overlapping" in str(error.value.message)
    afternoon = _confirmed(election, [shifts[3]], **_person(1))
    decisions.approve_assignment(committee_user, afternoon.assignments[0])


def test_the_badge_verifies_and_shows_only_what_it_should(client, election, committee_user, db):
    application = _confirmed(election, all_shifts(election)[:1], phone="+86 139 1111 2222")
    assignment = application.assignments[0]
    decisions.approve_assignment(committee_user, assignment)
    db.session.commit()
    path = f"/badge/{links.badge_token(assignment)}"
    page = client.get(path).get_data(as_text=True)
    assert "Valid badge" in page and "Anna Petrova" in page and "Station 1" in page
    for private in ("anna.petrova@example.org", "Анна", "139", "Russia"):
        assert private not in page
    decisions.revoke_assignment(committee_user, assignment)
    db.session.commit()
    page = client.get(path).get_data(as_text=True)
    assert "Revoked" in page and "Valid badge" not in page
    assert client.get("/badge/forged.token").status_code == 404


def test_the_badge_page_has_a_qr_code_of_the_verification_link(client, election, committee_user, db):  # fmt: skip
    application = _confirmed(election, all_shifts(election)[:1])
    assignment = application.assignments[0]
    decisions.approve_assignment(committee_user, assignment)
    db.session.commit()
    token = links.manage_token(application)
    page = client.get(f"/elections/helpers/{token}/badges/{assignment.id}").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in page
    token = re.search(r'class="letter-url">[^<]*/badge/([^<\s]+)<', page).group(1)
    assert links.assignment_for_badge(token).id == assignment.id


def test_the_ics_file_carries_the_shift(client, election, committee_user, db):
    application = _confirmed(election, all_shifts(election)[:1])
    assignment = application.assignments[0]
    token = links.manage_token(application)
    path = f"/elections/helpers/{token}/shifts/{assignment.id}.ics"
    assert client.get(path).status_code == 404  # not approved yet
    decisions.approve_assignment(committee_user, assignment)
    db.session.commit()
    response = client.get(path)
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    event = next(iter(calendar.walk("VEVENT")))
    shift = assignment.shift
    assert event.decoded("dtstart") == shift.starts_at
    assert event.decoded("dtend") == shift.ends_at
    assert str(event["summary"]) == "Observer at Station 1"
    assert str(event["location"]) == "Station 1, Hall"
    assert str(event["uid"]) == f"election-shift-{assignment.id}@consult"
    # The link to the person's own page (tokens carry a timestamp: compare what they open).
    token = re.search(r"/elections/helpers/(\S+)", str(event["description"])).group(1)
    assert links.application_for_manage(token).id == application.id
    assert calendar.walk("VALARM")


def test_the_person_cancels_from_their_page(client, election, committee_user, db):
    application = _confirmed(election, all_shifts(election)[:1])
    decisions.approve_assignment(committee_user, application.assignments[0])
    db.session.commit()
    token = links.manage_token(application)
    assert "Print my badge" in client.get(f"/elections/helpers/{token}").get_data(as_text=True)
    response = client.post(f"/elections/helpers/{token}/shifts/{application.assignments[0].id}/cancel")  # fmt: skip
    assert response.status_code == 302
    db.session.refresh(application)
    db.session.refresh(application.assignments[0])
    assert application.assignments[0].status.value == "cancelled"
    assert application.status.value == "withdrawn"


def test_the_roster_per_station_as_csv(client, election, committee_user, db):
    from tests.conftest import sign_in

    application = _confirmed(election, all_shifts(election)[:1], latin_name="=HYPERLINK(1)")
    decisions.approve_assignment(committee_user, application.assignments[0])
    db.session.commit()
    sign_in(client, committee_user)
    response = client.get(f"/elections/{election.id}/roster.csv")
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff") and "\r\n" in text
    assert "'=HYPERLINK(1)" in text and "Station 1" in text
    page = client.get(f"/elections/{election.id}/roster").get_data(as_text=True)
    assert "=HYPERLINK(1)" in page and 'class="print-sheet"' in page
