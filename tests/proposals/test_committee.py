"""The committee's tools: categories with names per language, the threshold setting, the
dashboard tiles, the export tables; and the demo community's proposals."""

from sqlalchemy import select

from consult.core.cache import clear_process_cache
from consult.domains import each_part
from consult.proposals.models import Category, Proposal, ProposalState
from tests.conftest import sign_in
from tests.proposals.conftest import page_text, switch_to


def test_categories_have_a_name_in_each_language(app, client, db, people, write):
    sign_in(client, people.committee)
    response = client.post(
        "/proposals/categories", data={"name_en": "Parking", "name_zh_hans": "停车与交通"}
    )
    assert response.status_code == 302
    category = db.session.scalars(select(Category)).one()
    assert category.names == {"en": "Parking", "zh-Hans": "停车与交通", "zh-Hant": "停車與交通"}
    write(people.wang, category_id=category.id)
    clear_process_cache()
    reader = app.test_client()  # no language cookie
    assert "停車與交通" in page_text(reader.get("/proposals", headers={"Accept-Language": "zh-TW"}))
    switch_to(client, people.anna)
    assert "Parking" in page_text(client.get("/proposals"))
    assert client.get("/proposals/categories").status_code == 403

    switch_to(client, people.committee)
    response = client.post(f"/proposals/categories/{category.id}/delete", follow_redirects=True)
    assert "1 个提案" in page_text(response)  # in use: kept
    assert db.session.scalars(select(Category)).one() is category
    response = client.post(f"/proposals/categories/{category.id}/edit", data={"name_en": ""})
    assert response.status_code == 422


def test_the_threshold_setting_is_checked(client, db, people):
    sign_in(client, people.committee)
    response = client.post("/proposals/settings", data={"support_threshold": "0",
                                                        "consultation_days": "30"})  # fmt: skip
    assert response.status_code == 422
    response = client.post("/proposals/settings", data={"support_threshold": "lots",
                                                        "consultation_days": "30"})  # fmt: skip
    assert response.status_code == 422
    response = client.post("/proposals/settings", data={"support_threshold": "50",
                                                        "consultation_days": "14"})  # fmt: skip
    assert response.status_code == 302
    from consult.proposals.services import settings

    assert settings().support_threshold == 50 and settings().consultation_days == 14


def test_dashboard_tiles_for_the_committee_and_translators(client, db, people, write):
    from consult.proposals import services

    reviewed = write(people.wang)
    services.start_review(people.committee, reviewed)
    write(people.anna, title="Untranslated", language="en", body="x")
    db.session.commit()
    sign_in(client, people.committee)
    home = page_text(client.get("/", headers={"Accept-Language": "en"}))
    assert "等待居委会答复的提案" in home and "翻译台待译" in home
    switch_to(client, people.translator)
    home = page_text(client.get("/"))
    assert "Waiting at the translation desk" in home
    assert "awaiting the committee" not in home
    switch_to(client, people.anna)
    assert "translation desk" not in page_text(client.get("/"))


def test_the_export_tables_hold_every_proposal_and_translation(db, people, write):
    from consult.multilingual import services as translations

    proposal = write(people.wang)
    translations.save_translation(people.translator, proposal, "en",
                                  {"title": "Parking", "summary": "s", "body": "b"})  # fmt: skip
    db.session.commit()
    tables = {}
    for _domain, export in each_part("exports"):
        for table in export():
            tables[table.filename] = [table.columns, *table.rows()]
    assert {"proposals.csv", "proposal_answers.csv", "proposal_timeline.csv",
            "proposal_categories.csv", "translations.csv"} <= set(tables)  # fmt: skip
    proposals = tables["proposals.csv"]
    assert proposals[1][1] == "小区停车位不足怎么办" and len(proposals[1]) == len(proposals[0])
    assert "Parking" in tables["translations.csv"][1][-2]


def test_the_demo_community_has_proposals_in_every_state(app, db):
    from consult.cli import seed_demo
    from consult.multilingual.models import Translation

    lines = list(seed_demo())
    assert any("proposal (verified): 小区停车位不足怎么办" in line for line in lines)
    proposals = db.session.scalars(select(Proposal)).all()
    assert len(proposals) >= 8
    assert {p.state for p in proposals} == set(ProposalState)
    assert {p.language for p in proposals} == {"zh-Hans", "en"}
    assert len({p.category_id for p in proposals}) >= 5
    parking = next(p for p in proposals if p.title == "小区停车位不足怎么办")
    [english] = parking.translations
    assert "parking" in english.texts["title"].lower() and english.is_verified
    outdated = [p for p in proposals for t in p.translations if t.revision < p.revision]
    assert len(outdated) == 1
    answered = [p for p in proposals if p.answer and p.answer.is_published]
    assert answered
    verified = db.session.scalars(
        select(Translation).where(Translation.verified_by_id.is_not(None))
    )
    assert len(verified.all()) >= 3
    assert "proposals: exists: demo proposals" in list(seed_demo())  # seeding twice adds none
