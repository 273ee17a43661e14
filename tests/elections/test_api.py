"""The open-data API: elections with contests, stations, shifts and the timeline; never a
voter, an applicant or a proxy."""

import json

from consult.elections.services import proxies
from tests.elections.helpers import all_shifts, apply


def test_no_personal_data_in_the_api(client, listed_election, committee_user, register, db):
    election = listed_election()
    apply(election, all_shifts(election)[:1])
    proxies.file_proxy(committee_user, election, register["冯静"], register["冯军"], "spouse", election.election_day.replace(day=10), today=election.election_day.replace(day=10))  # fmt: skip
    db.session.commit()
    listing = client.get("/api/v1/elections").get_json()
    assert [item["id"] for item in listing["items"]] == [election.id]
    body = client.get(f"/api/v1/elections/{election.id}").get_json()
    assert body["title"] == {"zh": "居委会换届选举", "en": "Committee election"}
    assert [s["name"] for s in body["stations"]] == ["Station 1"]
    assert len(body["stations"][0]["shifts"]) == 2
    steps = {step["step"]: step for step in body["timeline"]}
    assert steps["voter_list"]["status"] == "done"
    text = json.dumps(body, ensure_ascii=False)
    for private in ("王芳", "冯军", "冯静", "Anna Petrova", "anna.petrova@example.org"):
        assert private not in text
    assert client.get("/api/v1/elections/999999").status_code == 404


def test_the_committee_can_export_what_it_entered(listed_election, committee_user, register, app):  # fmt: skip
    from consult.domains import each_part

    election = listed_election()
    proxies.file_proxy(committee_user, election, register["冯静"], register["冯军"], "spouse", election.election_day.replace(day=10), today=election.election_day.replace(day=10))  # fmt: skip
    apply(election, all_shifts(election)[:1])
    tables = {t.filename: t for name, part in each_part("exports") if name.name == "elections" for t in part()}  # fmt: skip
    assert tables["elections.csv"].rows()[0][1] == "2030-06-15"
    assert len(tables["election_shifts.csv"].rows()) == 2
    assert tables["election_proxies.csv"].rows()[0][1:3] == ("冯静", "冯军")
    helpers = tables["election_helpers.csv"].rows()
    assert helpers[0][3] == "Anna Petrova" and helpers[0][-1] == "requested"
    assert len(tables["election_voters.csv"].rows()) == 10
