"""The translation desk on "My data", and what deleting an account does to it: requests
go, translations stay, signed "a former resident"."""

from sqlalchemy import select

from consult.multilingual import services
from consult.multilingual.models import Translation, TranslationRequest
from tests.data_rights.helpers import MyData, browser, delete_account

ENGLISH = {"title": "Not enough parking", "summary": "No space at night.", "body": "Ideas."}


def desk_work(db, people, write):
    parking = write(people.wang)
    playground = write(people.wang, title="游乐场需要修理", summary="秋千坏了。", body="请修。")
    services.request_translation(people.anna, playground, "en")
    services.save_translation(people.translator, parking, "en", ENGLISH)
    services.verify_translation(people.second, parking, services.find_translation(parking, "en"))
    db.session.commit()
    return parking, playground


def test_my_data_lists_my_translations_and_requests_and_nobody_elses(app, db, people, write):
    parking, playground = desk_work(db, people, write)
    translator = MyData(app, people.translator)
    assert "Translations you wrote or verified" in translator.page
    (row,) = translator.rows("translations")
    assert row["content_id"] == parking.id and row["language"] == "en"
    assert row["written_by_you"] is True and row["verified_by_you"] is False
    assert not translator.holds("张伟") and not translator.holds("Zhang Wei")  # the verifier
    assert not translator.holds("Not enough parking")  # the text is on the site, not here
    verifier = MyData(app, people.second)
    assert verifier.rows("translations")[0]["verified_by_you"] is True
    asker = MyData(app, people.anna)
    (asked,) = asker.rows("translation_requests")
    assert asked["content_id"] == playground.id and asked["answered_at"] is None
    assert asker.rows("translations") == [] and "translation_requests.csv" in asker.files
    assert translator.rows("translation_requests") == []


def test_deleting_accounts_drops_requests_and_keeps_translations(app, db, people, write):
    parking, playground = desk_work(db, people, write)
    anna_id = people.anna.id
    assert delete_account(app, db, people.anna, people.committee).status_code == 302
    assert db.session.scalars(select(TranslationRequest).filter_by(user_id=anna_id)).first() is None
    reader = browser(app, people.kim)
    before = reader.get(f"/proposals/{parking.id}?lang=en").get_data(as_text=True)
    assert "李娜 Li Na" in before
    translator_id = people.translator.id
    assert delete_account(app, db, people.translator, people.committee).status_code == 302
    kept = db.session.scalars(select(Translation).filter_by(content_id=parking.id)).one()
    assert kept.translator_id == translator_id and kept.texts["title"] == "Not enough parking"
    after = reader.get(f"/proposals/{parking.id}?lang=en").get_data(as_text=True)
    assert "李娜" not in after and "translation by a former resident" in after
