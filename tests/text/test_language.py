"""Guessing a comment's language from its script, for the author to confirm."""

from __future__ import annotations

import pytest

from consult.text.language import chinese_script_of, guess_language


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("小区停车位不足怎么办？", "zh-Hans"),
        ("小區停車位不足怎麼辦？", "zh-Hant"),
        ("發布", "zh-Hant"),  # Traditional, though OpenCC's s2t would write 發佈
        ("发布", "zh-Hans"),
        ("好的", "zh-Hans"),  # the same in both scripts: read as Simplified
        ("著名作家", "zh-Hans"),  # 著 is also a Simplified character
        ("駐車場が足りません。", "ja"),  # kanji with hiragana is Japanese
        ("カタカナ", "ja"),
        ("주차 공간이 부족합니다", "ko"),
        ("Не хватает парковочных мест", "ru"),
        ("ที่จอดรถไม่พอ", "th"),
        ("पार्किंग की कमी है", "hi"),
        ("لا توجد مواقف كافية", "ar"),
        ("Not enough parking spaces", "en"),
        ("Pas assez de places", "en"),  # a guess: Latin letters say only "Latin"
    ],
)
def test_guess_from_script(text, tag):
    assert guess_language(text) == tag


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("我觉得 parking is a real problem here", "en"),  # 3 Han letters, 20 Latin ones
        ("停车位不足 ok", "zh-Hans"),
        ("カラオケ很好玩我们周末去唱歌吧", "zh-Hans"),  # katakana loanword, no hiragana
        ("Парковка parking стоянка", "ru"),
    ],
)
def test_mixed_text_goes_to_the_script_with_most_letters(text, tag):
    assert guess_language(text) == tag


@pytest.mark.parametrize("text", ["", None, "ok", "车", "12345 !!", "👍👍👍", "  \n", "Γειά σου"])
def test_too_little_or_unknown_text_gives_none(text):
    assert guess_language(text) is None


def test_a_few_traditional_characters_in_simplified_text_do_not_flip_it():
    assert chinese_script_of("我们小区的停车位严重不足，臺灣来的朋友也这么说") == "zh-Hans"
