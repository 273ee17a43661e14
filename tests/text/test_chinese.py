"""Simplified ↔ Traditional conversion, as OpenCC actually does it."""

from __future__ import annotations

import threading
import time

import opencc
import pytest

from consult.text import chinese
from consult.text.chinese import chinese_script, convert_for, to_simplified, to_traditional

PAIRS = [
    ("停车位", "停車位"),
    ("居民委员会", "居民委員會"),
    ("小区停车位不足怎么办", "小區停車位不足怎麼辦"),
    ("头发", "頭髮"),  # one Simplified character, two Traditional ones: by context
    ("发布", "發佈"),  # OpenCC's s2t standard writes 發佈
]


@pytest.mark.parametrize(("simplified", "traditional"), PAIRS)
def test_real_phrases_convert_both_ways(simplified, traditional):
    assert to_traditional(simplified) == traditional
    assert to_simplified(traditional) == simplified


def test_both_traditional_spellings_of_publish_become_one_simplified_word():
    assert to_simplified("發布") == to_simplified("發佈") == "发布"


def test_text_without_chinese_is_unchanged():
    for text in ("", "Parking spaces, 2026!", "Марина", "ひらがな"):
        assert to_traditional(text) == text
        assert to_simplified(text) == text


@pytest.mark.parametrize(
    ("tag", "script"),
    [
        ("zh", "Hans"),
        ("zh-Hans", "Hans"),
        ("zh-CN", "Hans"),
        ("zh-SG", "Hans"),
        ("ZH-hans-cn", "Hans"),
        ("zh_Hans", "Hans"),
        ("zh-Hant", "Hant"),
        ("zh-TW", "Hant"),
        ("zh-HK", "Hant"),
        ("zh-MO", "Hant"),
        ("zh_Hant", "Hant"),
        ("zh-Hant-CN", "Hant"),  # the script subtag wins over the region
        ("en", None),
        ("ja", None),
        ("", None),
        (None, None),
    ],
)
def test_chinese_script_of_a_tag(tag, script):
    assert chinese_script(tag) == script


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("zh-Hans", "zh-Hant", "居民委員會"),
        ("zh", "zh-TW", "居民委員會"),
        ("zh-CN", "zh-HK", "居民委員會"),
        ("zh-Hant", "zh-Hans", "居民委员会"),
        ("zh-TW", "zh", "居民委员会"),
        ("zh-Hans", "zh-CN", None),  # same script
        ("zh-TW", "zh-HK", None),
        ("en", "zh-Hans", None),  # a translation, not a conversion
        ("zh-Hans", "en", None),
        ("zh-Hans", "", None),
    ],
)
def test_convert_for_converts_only_between_chinese_scripts(source, target, expected):
    text = "居民委员会" if chinese_script(source) != "Hant" else "居民委員會"
    assert convert_for(text, source, target) == expected


def test_each_converter_is_built_once_even_when_threads_race(monkeypatch):
    built = []
    real = opencc.OpenCC

    def slow_opencc(config):
        built.append(config)
        time.sleep(0.05)  # widen the window in which a second thread could build one too
        return real(config)

    monkeypatch.setattr(chinese, "_converters", {})
    monkeypatch.setattr(opencc, "OpenCC", slow_opencc)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(to_traditional("停车位"))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["停車位"] * 8
    assert built == ["s2t.json"]
