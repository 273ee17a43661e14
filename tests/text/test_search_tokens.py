"""Site search: the tokens of a document and the terms of a query, in the real databases.

What matters to a reader is which proposals a query finds, so the same table of queries
is run against an in-memory SQLite FTS5 table and, when CONSULT_TEST_DATABASE_URL is set,
against PostgreSQL's ``to_tsvector('simple', …)``; results are compared as sets (bm25 and
ts_rank rank differently).
"""

from __future__ import annotations

import sqlite3

import pytest

from consult.text.search_tokens import document_tokens, fts5_match, query_terms, tsquery
from tests.databases import POSTGRES_URL, fresh_database

PROPOSALS = {
    "parking": ("小区停车位不足怎么办", "Not enough parking spaces in the compound"),
    "playground": ("儿童游乐场的滑梯坏了", "The slide in the children's playground is broken"),
    "waste": ("垃圾分类站应该延长开放时间",),  # Chinese only, no translation yet
    "lift": ("三號樓電梯經常故障",),  # written in Traditional characters
    "bikes": ("Bicycles parked in the stairwells block the way",),  # English only
    "cafe": ("Un café pour les résidents", "开一家居民咖啡馆"),
    "hindi": ("पार्किंग की कमी",),  # vowel signs are combining marks
}

QUERIES = [
    ("停车", {"parking"}),
    ("停車", {"parking"}),
    ("parking", {"parking", "bikes"}),  # parked → park
    ("park", {"parking", "bikes"}),
    ("Parking", {"parking", "bikes"}),
    ("停车 parking", {"parking"}),  # AND across languages: the translation is indexed too
    ("停车 swimming", set()),
    ("tingche", {"parking"}),
    ("ting che", {"parking"}),
    ("Tingche", {"parking"}),
    ("tingchewei", {"parking"}),
    ("xiaoqu tingche", {"parking"}),
    ("小区停车", {"parking"}),
    ("停车位不足", {"parking"}),
    ("游泳池", set()),
    ("swimming", set()),
    ("电梯", {"lift"}),  # Simplified query, Traditional document
    ("電梯故障", {"lift"}),
    ("dianti", {"lift"}),
    ("滑梯", {"playground"}),
    ("playgrounds", {"playground"}),
    ("the children's playground", {"playground"}),
    ("垃圾", {"waste"}),
    ("垃圾 waste", set()),  # no English translation yet: an AND query cannot match
    ("cafe", {"cafe"}),
    ("CAFÉ résident", {"cafe"}),
    ("咖啡", {"cafe"}),
    ("ＰＡＲＫＩＮＧ", {"parking", "bikes"}),  # fullwidth letters
    ("车", {"parking"}),  # one character: found as a character of the text
    ("पार्किंग", {"hindi"}),  # FTS5 splits it at its vowel signs, the query too
]


@pytest.fixture(scope="module")
def rows():
    return {name: document_tokens(*texts) for name, texts in PROPOSALS.items()}


@pytest.fixture(scope="module")
def fts5(rows):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE search USING fts5(name UNINDEXED, tokens)")
    db.executemany("INSERT INTO search (name, tokens) VALUES (?, ?)", rows.items())
    yield db
    db.close()


@pytest.fixture(scope="module")
def postgres(rows, tmp_path_factory):
    if not POSTGRES_URL:
        pytest.skip("CONSULT_TEST_DATABASE_URL is not set")
    from sqlalchemy import create_engine, text

    with fresh_database("postgresql", tmp_path_factory.mktemp("pg")) as url:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE search (name text, document tsvector)"))
            for name, tokens in rows.items():
                connection.execute(
                    text("INSERT INTO search VALUES (:name, to_tsvector('simple', :tokens))"),
                    {"name": name, "tokens": tokens},
                )
        yield engine
        engine.dispose()


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_queries_find_the_right_proposals_in_sqlite_fts5(fts5, query, expected):
    found = fts5.execute(
        "SELECT name FROM search WHERE search MATCH ?", (fts5_match(query_terms(query)),)
    )
    assert {name for (name,) in found} == expected


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_queries_find_the_right_proposals_in_postgresql(postgres, query, expected):
    from sqlalchemy import text

    with postgres.connect() as connection:
        found = connection.execute(
            text("SELECT name FROM search WHERE document @@ to_tsquery('simple', :query)"),
            {"query": tsquery(query_terms(query))},
        )
        assert {name for (name,) in found} == expected


SAMPLE = document_tokens(
    "小區停車位不足怎麼辦？2026年３月", "Parking spaces: café, naïve résumé", "Марина Йоргова"
)
SAMPLE += " " + document_tokens("駐車場ひらがな", "주차 공간", "مواقف")


def test_every_token_stays_one_token_in_fts5_unicode61():
    """Han, Latin, digits, Cyrillic, kana, Hangul and Arabic; not scripts whose vowels are
    combining marks (Devanagari, Thai), which unicode61 cuts at each mark, alike in the
    document and in the query (see the पार्किंग query above)."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    db.execute("INSERT INTO t VALUES (?)", (SAMPLE,))
    assert {term for (term,) in db.execute("SELECT term FROM v")} == set(SAMPLE.split())
    assert {"停车", "tingch", "2026", "cafe", "naiv", "марина", "주차"} <= set(SAMPLE.split())


def test_every_token_stays_one_token_in_postgresql_simple(postgres):
    from sqlalchemy import text

    with postgres.connect() as connection:
        lexemes = connection.execute(
            text("SELECT unnest(tsvector_to_array(to_tsvector('simple', :doc)))"),
            {"doc": SAMPLE},
        ).scalars()
        assert set(lexemes) == set(SAMPLE.split())


def test_document_tokens_of_a_chinese_title():
    tokens = document_tokens("小区停车位不足怎么办").split()
    assert {"小", "停", "车"} <= set(tokens)  # characters
    assert {"小区", "区停", "停车", "车位"} <= set(tokens)  # bigrams
    assert {"停车位", "怎么办"} <= set(tokens)  # jieba words of three or more characters
    assert {"xiao", "qu", "ting", "che", "wei"} <= set(tokens)  # pinyin syllables
    assert {"xiaoqu", "tingch", "tingchewei"} <= set(tokens)  # pinyin words, stemmed


def test_traditional_and_simplified_documents_give_the_same_tokens():
    assert document_tokens("小區停車位不足怎麼辦") == document_tokens("小区停车位不足怎么办")


def test_document_tokens_skip_empty_texts():
    assert document_tokens(None, "", "Parking") == "park"
    assert document_tokens() == ""


def test_document_tokens_count_repeats():
    assert document_tokens("parking, parking and parks").split().count("park") == 3


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("停车", ["停车"]),
        ("停車", ["停车"]),
        ("停车位", ["停车", "车位"]),  # a longer word is looked up by its bigrams
        ("小区停车", ["小区", "停车"]),  # no bigram across two words
        ("Tingche", ["tingch"]),
        ("ting che", ["ting", "che"]),
        ("停车 parking", ["停车", "park"]),
        ("the parking of the compound", ["park", "compound"]),
        ("the", ["the"]),  # only function words: keep them rather than match everything
        ("parking parking Parks", ["park"]),
        ("", []),
        (None, []),
        ("!!! ？？ ---", []),
    ],
)
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_match_expressions_quote_terms_that_look_like_operators():
    assert fts5_match(["and", "not", "停车"]) == '"and" AND "not" AND "停车"'
    assert tsquery(["停车", "park"]) == "停车 & park"
