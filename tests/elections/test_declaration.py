"""The declaration: a committee action in the audit trail that freezes the results; the
notice prints in every content language with the rule that decided each contest; the
open-data API gains the counts, the rounds and the declaration; the demo has a past
election counted and declared."""

import pytest
from sqlalchemy import select

from consult.core.audit.models import AuditEntry
from consult.core.services import ServiceError
from consult.elections.models import Election
from consult.elections.services import counts, declaration, reviews
from tests.conftest import sign_in
from tests.core.test_api import _check, _json
from tests.elections.counting import contest, enter, figures, observer, prepare


@pytest.fixture
def declared(listed_election, committee_user, register, db, frozen):
    election = prepare(listed_election, committee_user, register, db, frozen)
    enter(committee_user, election, "director", 1, figures(4, 4, [3, 1]), figures(4, 4, [2, 2]))
    enter(committee_user, election, "member", 1, figures(4, 4, [4, 2, 1], write_ins=[("冯静", 1)]), figures(4, 4, [4, 3, 1]))  # fmt: skip
    reviews.review_count(observer(election.stations[0]), 1, "countersigned")
    declaration.declare_results(committee_user, election)
    db.session.commit()
    return election


def test_declaring_is_recorded_and_closes_the_count(declared, committee_user, db):
    assert declared.status.value == "declared"
    entry = db.session.scalars(select(AuditEntry).filter_by(action="election.declared")).one()
    assert entry.actor_id == committee_user.id
    assert '"elected":["周敏","刘洋"]' in entry.details
    with pytest.raises(ServiceError, match="The results are declared"):
        counts.enter_count(committee_user, contest(declared, "director"), declared.stations[0], 1, figures(4, 4, [1, 3]), reason="Too late")  # fmt: skip
    with pytest.raises(ServiceError, match="The results are declared"):
        declaration.declare_results(committee_user, declared)


def test_the_notice_prints_in_every_content_language(declared, client):
    response = client.get(f"/elections/{declared.id}/results/print")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    # One section per content language, each in its own words and the engine's explanation.
    assert '<article class="notice-section" lang="zh-Hans">' in page
    assert '<article class="notice-section" lang="en">' in page
    assert "选举结果公告" in page and "Declaration of results" in page
    assert "居委会换届选举" in page and "Committee election" in page  # the title in each
    assert "王芳 以 5 票当选，超过所投 8 张选票的半数（至少 5 票）。" in page
    assert "王芳 is elected with 5 votes, more than half of the 8 ballots cast (at least 5)." in page  # fmt: skip
    assert "投票率：10 名选民中 8 人投票（80.0%）。" in page
    assert "Turnout: 8 of 10 voters cast a ballot (80.0%)." in page
    assert "冯静 1" in page  # the write-in, per station
    assert "Observer 1" in page and "已签字确认" in page and "Countersigned" in page
    assert "居民委员会于" in page  # declared by the committee, dated
    # The same notice for a reader of any UI language: it is the content languages'.
    traditional = client.get(f"/elections/{declared.id}/results/print", headers={"Accept-Language": "zh-TW"})  # fmt: skip
    assert "选举结果公告" in traditional.get_data(as_text=True)


def test_the_print_stylesheet_sets_an_a4_page(declared, client):
    page = client.get(f"/elections/{declared.id}/results/print").get_data(as_text=True)
    assert "/static/css/consult.css" in page
    css = client.get("/static/css/consult.css")
    text = css.get_data(as_text=True)
    css.close()
    print_rules = text[text.index("/* The declaration of results") :]
    assert "@page { size: A4" in text and "@media print" in print_rules
    assert ".notice-section" in print_rules


def test_the_results_page_reads_in_the_readers_language(declared, client):
    page = client.get(f"/elections/{declared.id}/results", headers={"Accept-Language": "zh-TW"})
    text = page.get_data(as_text=True)
    assert '<html lang="zh-Hant">' in text
    assert "王芳 以 5 票當選，超過所投 8 張選票的半數（至少 5 票）。" in text
    assert "當選：" in text


def test_the_api_gives_the_counts_rounds_and_declaration(declared, client):
    spec = _json(client, "/api/v1/openapi.json")
    body = _json(client, f"/api/v1/elections/{declared.id}")
    _check(spec, {"$ref": "#/components/schemas/Election"}, body)
    member = next(c for c in body["results"]["contests"] if c["kind"] == "member")
    first = member["rounds"][0]
    assert member["elected"] == ["周敏", "刘洋"] and member["status"] == "complete"
    assert [s["station"] for s in first["stations"]] == ["Station 1", "Station 2"]
    assert first["stations"][0]["write_ins"] == {"冯静": 1} and first["stations"][0]["version"] == 1
    assert first["explanation"]["zh_Hant"].startswith("合併了 2 個投票站的計票結果")
    assert body["results"]["reviews"][0]["kind"] == "countersigned"
    assert "email" not in str(body["results"]["reviews"])
    assert body["declaration"]["contests"][1]["elected"] == ["周敏", "刘洋"]


def test_before_the_count_the_api_and_pages_say_nothing_of_results(make_election, client):
    election = make_election()
    body = _json(client, f"/api/v1/elections/{election.id}")
    assert body["results"] is None and body["declaration"] is None
    page = client.get(f"/elections/{election.id}/results").get_data(as_text=True)
    assert "The count has not begun." in page


def test_the_demo_has_a_past_election_counted_and_declared(db, client, app):
    from consult.cli import seed_demo

    list(seed_demo())
    past = db.session.scalars(select(Election).filter_by(status="declared")).one()
    body = _json(client, f"/api/v1/elections/{past.id}")
    contests = {c["kind"]: c for c in body["results"]["contests"]}
    assert len(contests["member"]["rounds"]) == 2  # a second round
    assert len(contests["member"]["rounds"][0]["stations"]) == 2
    assert max(s["version"] for s in contests["member"]["rounds"][0]["stations"]) == 2  # corrected
    objections = [r for r in body["results"]["reviews"] if r["kind"] == "objection"]
    assert objections and all(r["answer"] for r in objections)
    assert body["declaration"] is not None
    committee = "committee@example.org"
    sign_in(client, committee, "consult-demo-2026")
    page = client.get(f"/elections/{past.id}/count").get_data(as_text=True)
    assert "计票已结束。" in page  # the demo committee member reads Simplified Chinese


def test_the_committee_can_export_the_count(declared, app):
    from consult.domains import each_part

    tables = {t.filename: t for name, part in each_part("exports") if name.name == "elections" for t in part()}  # fmt: skip
    entries = tables["election_station_counts.csv"].rows()
    assert len(entries) == 4 and entries[0][1:5] == ("director", "Station 1", "1", "1")
    assert tables["election_count_reviews.csv"].rows()[0][3:5] == ("Observer 1", "countersigned")
    assert '"elected": ["周敏", "刘洋"]' in tables["election_declarations.csv"].rows()[0][2]
