"""The listing: the reader's language, filters, orders, numbered pages, and a fixed number
of queries for the listing and a proposal page however much there is."""

from sqlalchemy import select

from consult.core.cache import clear_process_cache
from consult.multilingual import services as translations
from consult.proposals import categories, services, supports
from consult.proposals.models import Proposal
from tests.proposals.conftest import page_text

EN = {"Accept-Language": "en"}
ZH = {"Accept-Language": "zh-CN"}
HANT = {"Accept-Language": "zh-TW"}


def _titles(client, url, headers=EN):
    html = page_text(client.get(url, headers=headers))
    start = html.find('<ol class="proposal-list">')
    return html[start:] if start >= 0 else ""


def test_each_reader_sees_titles_in_their_language(client, db, people, write):
    proposal = write(people.wang)
    translations.save_translation(
        people.translator, proposal, "en",
        {"title": "Not enough parking spaces", "summary": "No space.", "body": "None."},
    )  # fmt: skip
    db.session.commit()
    english = _titles(client, "/proposals")
    assert "Not enough parking spaces" in english and "小区停车位不足怎么办" not in english
    assert "Translated from Chinese" in english
    assert "小区停车位不足怎么办" in _titles(client, "/proposals", ZH)
    traditional = _titles(client, "/proposals", HANT)
    assert "小區停車位不足怎麼辦" in traditional and "自動轉換" in traditional


def test_filters_by_state_category_scope_and_language(client, db, people, write):
    from consult.residents.models import Grid

    grid = db.session.scalars(select(Grid).order_by(Grid.id)).first()
    parking = categories.create_category(people.committee, "Parking", "停车")
    safety = categories.create_category(people.committee, "Safety", "安全")
    db.session.commit()
    write(people.wang, title="停车", category_id=parking.id)
    write(people.anna, title="Lights", language="en", body="Dark.", category_id=safety.id,
          scope="grid", grid_id=grid.id)  # fmt: skip
    reviewed = write(people.anna, title="Benches", language="en", body="More.")
    services.start_review(people.committee, reviewed)
    db.session.commit()

    def shown(query):
        html = _titles(client, "/proposals" + query)
        return {t for t in ("停车", "Lights", "Benches") if f">{t}</a>" in html}

    assert shown("") == {"停车", "Lights", "Benches"}
    assert shown(f"?category={parking.id}") == {"停车"}
    assert shown(f"?scope=grid:{grid.id}") == {"Lights"}
    assert shown("?scope=community") == {"停车", "Benches"}
    assert shown("?language=en") == {"Lights", "Benches"}
    assert shown("?language=zh") == {"停车"}
    assert shown("?state=review") == {"Benches"}
    assert shown("?state=open&language=en") == {"Lights"}
    # Nonsense is ignored, never an error.
    assert shown("?state=nope&category=abc&scope=grid:x&language=!!&sort=up") == shown("")


def test_orders_newest_and_most_supported(client, db, people, write):
    first = write(people.anna, title="First", language="en", body="1")
    write(people.anna, title="Second", language="en", body="2")
    supports.support_proposal(people.wang, first)
    db.session.commit()
    newest = _titles(client, "/proposals")
    assert newest.index(">Second<") < newest.index(">First<")
    supported = _titles(client, "/proposals?sort=supported")
    assert supported.index(">First<") < supported.index(">Second<")
    assert client.get("/proposals?sort=discussed").status_code == 200


def test_numbered_pages(client, db, people, write):
    for n in range(23):
        write(people.anna, title=f"Proposal {n:02d}", language="en", body="x")
    page_two = page_text(client.get("/proposals?page=2", headers=EN))
    assert "21–23 of 23" in page_two
    assert ">Proposal 00<" in page_two and ">Proposal 22<" not in page_two
    assert 'aria-label="Page 1"' in page_two


def test_drafts_are_never_listed(client, db, people, write):
    write(people.wang, published=False, title="私人草稿")
    assert "私人草稿" not in _titles(client, "/proposals", ZH)
    for state in ("draft", "open", "withdrawn"):
        assert "私人草稿" not in _titles(client, f"/proposals?state={state}", ZH)


def test_a_changed_translation_shows_at_once_despite_the_cache(client, db, people, write):
    proposal = write(people.wang)
    translations.save_translation(people.translator, proposal, "en",
                                  {"title": "Parking", "summary": "s", "body": "b"})  # fmt: skip
    db.session.commit()
    assert ">Parking</a>" in _titles(client, "/proposals")
    assert "Parking" in page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
    translations.save_translation(people.second, proposal, "en",
                                  {"title": "Car parks", "summary": "s", "body": "b"})  # fmt: skip
    db.session.commit()
    assert ">Car parks</a>" in _titles(client, "/proposals")
    assert "Car parks" in page_text(client.get(f"/proposals/{proposal.id}", headers=EN))


def _make(write, people, count, translated):
    made = []
    for n in range(count):
        proposal = write(people.anna, title=f"Item {n}", language="en", body="x")
        if translated:
            translations.save_translation(people.translator, proposal, "zh-Hans",
                                          {"title": f"项目{n}", "summary": "s", "body": "x"})  # fmt: skip
        made.append(proposal)
    return made


def test_the_listing_uses_the_same_number_of_queries_for_5_or_20_proposals(
    client, db, people, write, queries
):
    counts = []
    for count in (5, 20):
        _make(write, people, count, translated=True)
        db.session.commit()
        clear_process_cache()
        with queries() as counted:
            response = client.get("/proposals", headers=EN)
        assert response.status_code == 200
        counts.append(counted.count)
        db.session.execute(Proposal.__table__.update().values(state="withdrawn"))
        db.session.commit()
    assert counts[0] == counts[1]
    with queries() as cached:
        client.get("/proposals", headers=EN)
    assert cached.count < counts[0]


def _answered(people, proposal, languages, pictures):
    import io

    from werkzeug.datastructures import FileStorage

    from consult.proposals import answers, attachments
    from tests.proposals.access import PNG

    for language in languages:
        translations.save_translation(
            people.translator, proposal, language, {"title": "t", "summary": "s", "body": "b"}
        )
    for n in range(pictures):
        upload = FileStorage(io.BytesIO(PNG), f"photo{n}.png")
        attachments.add_attachment(people.wang, proposal, upload, f"Photo {n}")
    supports.support_proposal(people.anna, proposal)
    services.start_review(people.committee, proposal)
    answers.save_answer(people.committee, proposal, "adopted", "采纳", "zh-Hans")
    translations.save_translation(people.translator, proposal.answer, "en", {"body": "Adopted"})
    answers.publish_answer(people.committee, proposal)


def test_a_proposal_page_uses_the_same_number_of_queries_however_much_it_holds(
    client, db, people, write, queries
):
    small = write(people.wang)
    _answered(people, small, ["en"], 0)
    big = write(people.wang, title="多")
    _answered(people, big, ["en", "ko", "ja", "fr"], 3)
    services.close_proposal(people.committee, big)
    db.session.commit()
    counts = []
    for proposal in (small, big):
        clear_process_cache()
        with queries() as counted:
            html = page_text(client.get(f"/proposals/{proposal.id}", headers=EN))
        assert "Adopted" in html
        counts.append(counted.count)
    assert counts[0] == counts[1], counts
    with queries() as cached:
        client.get(f"/proposals/{big.id}", headers=EN)
    assert cached.count == 2, cached.statements  # the proposal, the data versions
