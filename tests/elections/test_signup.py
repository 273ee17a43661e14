"""Observers and volunteers sign up with no account, confirm by a signed link sent by
e-mail or text message, and lapse when they do not."""

import re
from datetime import date, timedelta

import pytest

from consult.core.queue import run_pending
from consult.core.services import ServiceError
from consult.elections import links
from consult.elections.models import ApplicationStatus
from consult.elections.services import candidates, signup
from tests.elections.conftest import add_candidates
from tests.elections.helpers import PERSON, all_shifts, apply


def _fields(error):
    return {p.field for p in error.value.problems}


def test_sign_up_sends_a_confirmation_link_in_the_applicants_language(make_election, db, outbox):  # fmt: skip
    election = make_election()
    application = apply(election, all_shifts(election)[:1], locale="zh_Hant")
    db.session.commit()
    run_pending()
    mail = outbox()[-1]
    assert mail["To"] == "anna.petrova@example.org"
    assert mail["Content-Language"] == "zh-Hant"
    link = re.search(r"https?://\S+/elections/helpers/confirm/\S+", mail.get_content()).group(0)
    token = link.rsplit("/", 1)[1]
    assert links.application_for_confirm(token).id == application.id
    assert links.application_for_confirm(token[:-2] + "xx") is None  # tampered
    assert links.application_for_manage(token) is None  # another purpose's salt


def test_the_link_is_confirmed_by_a_button_not_by_opening_it(client, make_election, db):
    election = make_election()
    application = apply(election, all_shifts(election)[:1])
    db.session.commit()
    path = f"/elections/helpers/confirm/{links.confirm_token(application)}"
    assert client.get(path).status_code == 200
    assert signup.status_of(application) is ApplicationStatus.UNCONFIRMED
    response = client.post(path)
    assert response.status_code == 302 and "/elections/helpers/" in response.headers["Location"]
    db.session.refresh(application)
    assert signup.status_of(application) is ApplicationStatus.CONFIRMED
    assert client.get("/elections/helpers/confirm/not-a-token").status_code == 404


def test_a_text_message_when_only_a_phone_is_given(make_election, db, app, monkeypatch):
    election = make_election()
    with pytest.raises(ServiceError) as error:  # no SMS gateway: nobody could reach them
        apply(election, all_shifts(election)[:1], email="", phone="+86 138 0000 0000")
    assert _fields(error) == {"email"}
    sent = []
    monkeypatch.setattr("consult.elections.jobs.send_sms", lambda phone, text, locale: sent.append((phone, text, locale)))  # fmt: skip
    app.config["SMS_GATEWAY_URL"] = "http://127.0.0.1:9/sms"
    try:
        apply(election, all_shifts(election)[:1], email="", phone="+86 138 0000 0000", locale="zh_Hans")  # fmt: skip
        db.session.commit()
        run_pending()
    finally:
        app.config["SMS_GATEWAY_URL"] = None
    phone, text, locale = sent[0]
    assert phone == "+8613800000000" and locale == "zh_Hans"
    assert "/elections/helpers/confirm/" in text


def test_unconfirmed_sign_ups_lapse(make_election, db, frozen):
    election = make_election()
    start = frozen(date(2030, 5, 1))
    application = apply(election, all_shifts(election)[:1])
    frozen(start + timedelta(hours=47))
    assert signup.status_of(application) is ApplicationStatus.UNCONFIRMED
    assert signup.lapse_unconfirmed() == 0
    frozen(start + timedelta(hours=49))
    assert signup.status_of(application) is ApplicationStatus.LAPSED  # by the time alone
    with pytest.raises(ServiceError):
        signup.confirm_application(application)
    assert signup.lapse_unconfirmed() == 1  # the periodic job records it
    assert application.status is ApplicationStatus.LAPSED
    assert application.assignments[0].status.value == "cancelled"


def test_what_the_form_requires(make_election, committee_user, db):
    election = make_election()
    shifts = all_shifts(election)
    with pytest.raises(ServiceError) as error:
        apply(election, [], email="", phone="", accept_conduct=False)
    assert _fields(error) == {"email", "shifts", "accept_conduct"}
    with pytest.raises(ServiceError):  # a volunteer need not accept the observers' code
        apply(election, [], role="volunteer", accept_conduct=False)
    application = apply(election, shifts[:1], role="volunteer", accept_conduct=False)
    assert application.conduct_version is None


def test_the_code_of_conducts_version_is_recorded(make_election, committee_user):
    from consult.elections.services.setup import save_code_of_conduct

    election = make_election()
    save_code_of_conduct(committee_user, election, {"zh": "新守则", "en": "New code."})
    application = apply(election, all_shifts(election)[:1])
    assert application.conduct_version == 2


def test_one_person_cannot_ask_for_two_overlapping_shifts(make_election):
    election = make_election(stations=2)
    morning_1, _afternoon_1, morning_2, _afternoon_2 = sorted(all_shifts(election), key=lambda s: (s.station_id, s.starts_at))  # fmt: skip
    with pytest.raises(ServiceError) as error:
        apply(election, [morning_1, morning_2])
    assert _fields(error) == {"shifts"}


def test_a_candidates_relative_cannot_observe_but_may_volunteer(listed_election, committee_user, register, db):  # fmt: skip
    election = listed_election()
    made = add_candidates(committee_user, election, register, {"director": [("王芳", 5), ("陈磊", 2)]})  # fmt: skip
    candidates.declare_relation(committee_user, made[0], "sibling", "candidate", name="Anna Petrova")  # fmt: skip
    with pytest.raises(ServiceError) as error:
        apply(election, all_shifts(election)[:1])
    assert _fields(error) == {"role"}
    assert apply(election, all_shifts(election)[:1], role="volunteer").id
    # Declared by the applicant: also refused as an observer.
    with pytest.raises(ServiceError):
        apply(election, all_shifts(election)[:1], full_name="Ivan", latin_name="Ivan", relation_candidate_id=made[1].id, relation_kind="child")  # fmt: skip


def test_sign_up_closes_on_election_day(make_election, frozen):
    election = make_election()
    frozen(election.election_day)
    with pytest.raises(ServiceError):
        apply(election, all_shifts(election)[:1])


def test_the_public_page_keeps_what_was_typed_on_a_problem(client, make_election):
    election = make_election()
    shift = all_shifts(election)[0]
    data = {**PERSON, "accept_conduct": "", "shifts": [str(shift.id)]}
    response = client.post(f"/elections/{election.id}/sign-up", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Observers must accept the code of conduct." in page
    assert (
        'value="Anna Petrova"' in page
        and f'value="{shift.id}" id="shift-{shift.id}" checked' in page
    )
