"""Site search as readers use it: the header's box and /search, the proposals listing with
its filters, and the API's ``q``, on SQLite and PostgreSQL alike. Results are compared as
sets: bm25 and ts_rank rank differently."""

import re

import pytest
from sqlalchemy import select

from consult.core.domain import SearchDocument, SearchResult, SearchSource
from consult.core.searching import content_changed
from consult.multilingual import services as translations
from consult.proposals import services
from consult.search import engine
from consult.search.models import SearchEntry
from tests.conftest import sign_in

RESULT_LINK = re.compile(r'<h2 class="search-title"><a href="[^"]*/proposals/(\d+)"')
LISTED_LINK = re.compile(r'<h2 class="proposal-item-title"><a href="[^"]*/proposals/(\d+)"')


def found(client, query, **args):
    """The ids of the proposals /search lists for ``query`` (first page)."""
    response = client.get("/search", query_string={"q": query, **args})
    assert response.status_code == 200
    return {int(number) for number in RESULT_LINK.findall(response.get_data(as_text=True))}


def listed(client, **args):
    response = client.get("/proposals", query_string=args)
    assert response.status_code == 200
    return {int(number) for number in LISTED_LINK.findall(response.get_data(as_text=True))}


def api_ids(client, query, status=200, **args):
    response = client.get("/api/v1/proposals", query_string={"q": query, **args})
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return {item["id"] for item in response.get_json()["items"]} if status == 200 else response


ISSUE_QUERIES = [
    "停车",  # two characters, inside 小区停车位不足怎么办
    "停車",  # Traditional finds Simplified
    "小区停车",
    "parking",  # the English translation
    "park",  # word forms
    "Parking",
    "停车 parking",  # mixed
    "tingche",  # toneless pinyin
    "ting che",
    "Ting Che",
]


@pytest.mark.parametrize("query", ISSUE_QUERIES)
def test_each_query_of_the_issue_finds_the_parking_proposal(client, proposals, query):
    assert proposals.parking.id in found(client, query)
    assert proposals.parking.id in api_ids(client, query)


def test_simplified_finds_traditional(client, proposals):
    assert found(client, "电梯") == {proposals.lift.id}
    assert found(client, "電梯") == {proposals.lift.id}
    assert found(client, "dianti") == {proposals.lift.id}


@pytest.mark.parametrize("query", ["swimming", "游泳池", "停车 swimming", "youyong"])
def test_a_query_that_matches_nothing_finds_nothing(client, proposals, query):
    response = client.get("/search", query_string={"q": query})
    assert found(client, query) == set()
    assert "Nothing found for" in response.get_data(as_text=True)
    assert api_ids(client, query) == set()


def test_results_mark_the_words_found(client, proposals):
    html = client.get("/search", query_string={"q": "tingche"}).get_data(as_text=True)
    assert "<mark>停车</mark>" in html
    html = client.get("/search", query_string={"q": "parking"}).get_data(as_text=True)
    assert "<mark>parking</mark>" in html


def test_drafts_only_for_their_author_and_deleted_never(client, people, proposals):
    everyone_sees = {proposals.parking.id}
    assert found(client, "停车") == everyone_sees  # signed out
    sign_in(client, people.anna)
    assert found(client, "停车") == everyone_sees
    client.post("/account/sign-out")
    sign_in(client, people.wang)
    assert found(client, "停车") == {proposals.parking.id, proposals.draft.id}
    assert found(client, "停车费") == {proposals.draft.id}
    assert api_ids(client, "停车") == everyone_sees  # the API is what the public sees

    services.delete_draft(people.wang, proposals.draft)
    proposals.draft = None
    assert found(client, "停车") == everyone_sees
    assert found(client, "停车费") == set()


def test_a_deleted_draft_leaves_no_row_in_the_index(db, people, proposals):
    draft_id = proposals.draft.id
    assert engine.search("停车费") != []
    services.delete_draft(people.wang, proposals.draft)
    db.session.commit()
    assert engine.search("停车费") == []
    assert db.session.scalars(select(SearchEntry).filter_by(object_id=draft_id)).first() is None


def test_the_listing_combines_a_query_with_its_filters(client, db, people, proposals):
    from consult.proposals import categories

    category = categories.create_category(people.committee, "Parking", "停车")
    services.update_proposal(
        people.wang, proposals.parking, title=proposals.parking.title,
        summary=proposals.parking.summary, body=proposals.parking.body, language="zh-Hans",
        category_id=category.id, scope="community",
    )  # fmt: skip
    db.session.commit()
    parking = proposals.parking.id
    assert listed(client, q="停车") == {parking}
    assert listed(client, q="tingche", state="open") == {parking}
    assert listed(client, q="停车", state="review") == set()
    assert listed(client, q="parking", category=category.id) == {parking}
    assert listed(client, q="slide", category=category.id) == set()
    assert listed(client, q="停车", scope="community") == {parking}
    assert listed(client, q="停车", language="zh") == {parking}
    assert listed(client, q="停车", language="en") == set()
    assert listed(client, q="slide", language="en") == {proposals.playground.id}
    assert listed(client, q="停车费") == set()  # a draft is never listed
    assert listed(client) == {parking, proposals.playground.id, proposals.lift.id}
    for sort in ("newest", "supported", "discussed", "relevant"):
        assert listed(client, q="停车 parking", sort=sort) == {parking}


def test_the_listing_marks_words_and_says_when_a_query_cannot_be_searched(client, proposals):
    html = client.get("/proposals", query_string={"q": "parking"}).get_data(as_text=True)
    assert "<mark>parking</mark>" in html  # in the English translation an English reader sees
    response = client.get("/proposals", query_string={"q": "！？…"})
    assert response.status_code == 200
    assert "Type at least one letter" in response.get_data(as_text=True)


def test_the_api_combines_q_with_its_filters(client, proposals):
    parking = proposals.parking.id
    assert api_ids(client, "停车", state="open") == {parking}
    assert api_ids(client, "停车", lang="en") == set()
    assert api_ids(client, "playground", lang="en") == {proposals.playground.id}
    assert api_ids(client, "停车费") == set()


@pytest.mark.parametrize("query", ["", "   ", "!!!", "x" * 201])
def test_the_api_refuses_a_query_it_cannot_search_with_a_message(client, proposals, query):
    response = api_ids(client, query, status=400)
    assert response.get_json()["error"]["message"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word to search for."),
        ("   ", "Type a word to search for."),
        ("!!! ？。", "Type at least one letter, digit or Chinese character."),
        ("停车" * 150, "Use at most 200 characters."),
        ("停\x00车", "cannot be searched for"),
        ('"AND" OR NOT * ( ) : ^', None),  # no FTS5 or tsquery operator gets through
        ("'; DROP TABLE search_index; --", None),
    ],
)
def test_odd_queries_get_a_message_never_an_error(client, proposals, query, message):
    response = client.get("/search", query_string={"q": query})
    assert response.status_code == 200
    if message:
        assert message in response.get_data(as_text=True)
    assert client.get("/api/v1/proposals", query_string={"q": query}).status_code in (200, 400)


def test_the_header_of_every_page_has_a_labelled_search_box(client, proposals):
    for path in ("/", "/proposals", f"/proposals/{proposals.parking.id}", "/search?q=停车"):
        html = client.get(path).get_data(as_text=True)
        assert 'role="search"' in html and 'action="/search"' in html, path
        assert '<label for="site-search-q"' in html and 'id="site-search-q"' in html, path
    html = client.get("/search?q=停车").get_data(as_text=True)
    assert 'value="停车"' in html  # the box keeps what was typed


def test_results_are_in_the_readers_language(client, people, proposals):
    sign_in(client, people.anna)  # reads English
    html = client.get("/search", query_string={"q": "停车"}).get_data(as_text=True)
    assert "Not enough parking spaces in the compound" in html


# Keeping the index current ------------------------------------------------------------------


def test_an_edit_is_found_at_once_and_the_old_words_no_longer(client, db, people, proposals):
    parking = proposals.parking
    services.update_proposal(
        people.wang, parking, title="小区充电桩不足", summary=parking.summary, body=parking.body,
        language="zh-Hans", category_id=None, scope="community",
    )  # fmt: skip
    db.session.commit()
    assert parking.id in found(client, "充电桩")
    assert parking.id in found(client, "chongdian")
    assert parking.id not in found(client, "小区停车位不足怎么办")


def test_a_new_translation_is_found_at_once(client, db, people, proposals):
    assert found(client, "滑梯") == set()
    translations.save_translation(
        people.translator, proposals.playground, "zh-Hans",
        {"title": "儿童游乐场的滑梯坏了", "summary": "请修理滑梯。", "body": "五月起就坏了。"},
    )  # fmt: skip
    db.session.commit()
    assert found(client, "滑梯") == {proposals.playground.id}
    assert found(client, "huati") == {proposals.playground.id}


def test_a_new_draft_is_indexed_for_its_author(db, people, write):
    draft = write(people.anna, published=False, title="Benches by the pond", language="en")
    assert [hit.object_id for hit in engine.search("benches")] == [draft.id]


def test_the_rebuild_command_rebuilds_the_index(app, db, proposals):
    db.session.execute(SearchEntry.__table__.delete())
    db.session.commit()
    assert engine.search("停车") == []
    result = app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "proposal: 4 indexed" in result.output
    assert "Search index rebuilt in" in result.output
    assert {hit.object_id for hit in engine.search("停车")} == {
        proposals.parking.id,
        proposals.draft.id,
    }


def test_a_rebuild_reads_every_item_across_batches_in_id_order(db, proposals):
    from consult.core.searching import documents_in_batches
    from consult.proposals import search as proposal_search
    from consult.proposals.models import Proposal

    documents = documents_in_batches(
        select(Proposal.id), proposal_search._loaded, proposal_search._document, batch=3
    )
    everyone = (proposals.parking, proposals.playground, proposals.lift, proposals.draft)
    assert [document.object_id for document in documents] == sorted(p.id for p in everyone)


# Any kind of content --------------------------------------------------------------------------


@pytest.fixture
def notes(app):
    """A kind of content the engine has never heard of, offered like a domain offers it."""
    texts = {1: ("自行车停放须知", "Where to leave bicycles"), 2: ("Lost cat", "丢失的猫")}
    source = SearchSource(
        "note",
        "Notes",
        documents=lambda: [SearchDocument("note", key, value) for key, value in texts.items()],
        document=lambda key: SearchDocument("note", key, texts[key]) if key in texts else None,
        results=lambda ids, user: [
            SearchResult("note", key, texts[key][0], f"/notes/{key}", excerpts=texts[key][1:])
            for key in ids
            if key in texts
        ],
    )
    with app.app_context():
        saved = engine.sources()
        app.extensions["consult.search.sources"] = {**saved, "note": source}
    yield texts
    app.extensions["consult.search.sources"] = saved


def test_any_kind_of_content_is_indexed_found_and_forgotten(client, db, proposals, notes):
    content_changed("note", 1)
    content_changed("note", 2)
    db.session.commit()
    assert {(hit.kind, hit.object_id) for hit in engine.search("zixingche")} == {("note", 1)}
    assert {hit.kind for hit in engine.search("停")} == {"note", "proposal"}
    assert {hit.kind for hit in engine.search("停", kinds=["note"])} == {"note"}
    html = client.get("/search", query_string={"q": "bicycles"}).get_data(as_text=True)
    assert 'href="/notes/1"' in html and "<mark>bicycles</mark>" in html
    del notes[1]
    content_changed("note", 1)
    db.session.commit()
    assert engine.search("zixingche") == []


def test_a_query_matching_more_than_can_be_ranked_finds_the_same(db, proposals, monkeypatch):
    """PostgreSQL ranks at most engine.RANKED matches (newest first beyond): same results."""
    ranked = {hit.object_id for hit in engine.search("停车")}
    monkeypatch.setattr(engine, "RANKED", 1)
    assert {hit.object_id for hit in engine.search("停车")} == ranked
    assert len(ranked) == 2


def test_the_openapi_document_describes_q(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    parameters = spec["paths"]["/proposals"]["get"]["parameters"]
    q = next(parameter for parameter in parameters if parameter["name"] == "q")
    assert q["in"] == "query" and q["schema"]["maxLength"] == 200
    assert "pinyin" in q["description"]


def test_a_page_past_the_results_is_empty_and_cheap(client, proposals):
    response = client.get("/search", query_string={"q": "停车", "page": "2147483647"})
    assert response.status_code == 200
    assert "No more results" in response.get_data(as_text=True)
