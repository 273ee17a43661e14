"""The committee's set-up pages and the public pages, through the forms."""

from datetime import date

from consult.elections.models import Election, Rules
from consult.elections.services import timeline
from tests.conftest import sign_in


def test_a_new_election_needs_a_title_in_every_content_language(client, committee_user, db):
    sign_in(client, committee_user)
    data = {"election_day": "2031-03-01", "title_zh": "换届选举", "title_en": "",
            "seats_director": "1", "seats_deputy": "0", "seats_member": "2"}  # fmt: skip
    response = client.post("/elections/new", data=data)
    assert response.status_code == 422
    assert 'value="换届选举"' in response.get_data(as_text=True)  # kept
    data["title_en"] = "Committee election"
    response = client.post("/elections/new", data=data)
    assert response.status_code == 302
    election = db.session.query(Election).one()
    assert {c.kind.value: c.seats for c in election.contests} == {"director": 1, "member": 2}
    assert election.rules == Rules()  # the defaults


def test_the_rule_set_page_changes_the_timeline(client, committee_user, make_election, db):
    election = make_election()
    sign_in(client, committee_user)
    form = {**{k: str(v) for k, v in Rules().as_dict().items() if not isinstance(v, (bool, list))}}  # fmt: skip
    form.update(competitive="y", voter_list_days="25", turnout="half")
    form["staff_blocked_relations"] = ["spouse", "parent", "child", "sibling"]
    form["proxy_relations"] = ["spouse", "child"]
    response = client.post(f"/elections/{election.id}/rules", data=form)
    assert response.status_code == 422
    assert "Write a fraction from 0 to 1" in response.get_data(as_text=True)
    form["turnout"] = "1/2"
    assert client.post(f"/elections/{election.id}/rules", data=form).status_code == 302
    db.session.refresh(election)
    assert election.rules.voter_list_days == 25 and election.rules.proxy_relations == ["spouse", "child"]  # fmt: skip
    assert not election.rules.list_foreign_residents
    assert timeline.deadlines(election)["voter_list"] == date(2030, 5, 21)


def test_the_sign_up_page_speaks_every_ui_language(client, make_election):
    election = make_election()
    for header, words in (("en", "Sign up as an observer or volunteer"), ("zh-CN", "报名担任观察员或选举志愿者"), ("zh-TW", "報名擔任觀察員或選舉志願者")):  # fmt: skip
        page = client.get(f"/elections/{election.id}/sign-up", headers={"Accept-Language": header})
        assert words in page.get_data(as_text=True)
        assert "Be neutral." in page.get_data(as_text=True) or "守则" in page.get_data(as_text=True)  # fmt: skip


def test_the_committees_home_page_shows_what_is_late(client, committee_user, make_election, frozen):  # fmt: skip
    make_election()
    frozen(date(2030, 5, 28))  # the voter list is two days late
    sign_in(client, committee_user)
    page = client.get("/").get_data(as_text=True)
    assert "Committee election" in page and "tile-urgent" in page
