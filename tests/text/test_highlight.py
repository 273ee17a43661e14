"""Highlighting what a query found, in Chinese without spaces, across scripts, in English."""

from __future__ import annotations

import pytest

from consult.text.search_tokens import highlight


def marked(text: str, query: str) -> list[str]:
    pieces = highlight(text, query)
    assert "".join(segment for segment, _ in pieces) == text  # nothing lost or added
    assert all(segment for segment, _ in pieces)
    assert all(a[1] != b[1] for a, b in zip(pieces, pieces[1:], strict=False))  # merged
    return [segment for segment, matched in pieces if matched]


def test_chinese_without_spaces():
    assert marked("小区停车位不足怎么办", "停车") == ["停车"]


def test_simplified_query_marks_traditional_text_and_back():
    assert marked("小區停車位不足怎麼辦", "停车") == ["停車"]
    assert marked("小区停车位不足怎么办", "停車") == ["停车"]


def test_a_longer_query_word_marks_the_whole_word():
    assert marked("小区停车位不足怎么办", "停车位") == ["停车位"]
    assert marked("小区停车位不足，小区的车位", "小区停车") == ["小区停车", "小区"]


def test_english_word_forms():
    text = "Parking spaces are scarce; we park on the street and parks are full."
    assert marked(text, "parking") == ["Parking", "park", "parks"]


def test_pinyin_marks_the_chinese_word():
    assert marked("小区停车位不足怎么办", "tingche") == ["停车"]
    assert marked("小區停車位不足", "Tingche") == ["停車"]


def test_mixed_query_in_a_mixed_text():
    text = "小区停车位不足 (Not enough parking spaces)"
    assert marked(text, "停车 parking") == ["停车", "parking"]


def test_nothing_marked_when_nothing_matches():
    assert highlight("小区停车位不足怎么办", "游泳池") == [("小区停车位不足怎么办", False)]
    assert highlight("Not enough parking", "") == [("Not enough parking", False)]


@pytest.mark.parametrize("text", ["", None])
def test_empty_text(text):
    assert highlight(text, "停车") == []


def test_fullwidth_text_matches_an_ascii_query():
    assert marked("ＰＡＲＫＩＮＧ 停车", "parking") == ["ＰＡＲＫＩＮＧ"]
