"""Every round and every decision is explained in English, Simplified and Traditional Chinese,
in the glossary's words."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest

from consult.tally import count
from consult.tally.explain import render_table
from consult.tally.messages import LANGUAGES, MESSAGES
from consult.tally.rctab import load_vector

VECTORS = Path(
    os.environ.get("CONSULT_RCTAB_VECTORS")
    or Path(__file__).resolve().parents[2].parent / "shared" / "data" / "rctab" / "_vectors"
)
SMALL = sorted(p for p in VECTORS.glob("*.json") if p.stat().st_size < 100_000)


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_language_has_every_message_with_the_same_placeholders():
    keys = set(MESSAGES["en"])
    for lang in LANGUAGES:
        assert set(MESSAGES[lang]) == keys, lang
        for key in keys:
            assert _fields(MESSAGES[lang][key]) == _fields(MESSAGES["en"][key]), (lang, key)


def _check_explained(result):
    for rnd in result.rounds:
        for lang in LANGUAGES:
            text = rnd.explanation[lang]
            assert text
            for decision in rnd.decisions:
                assert decision.candidate in text or decision.candidate == "turnout", (lang, text)


@pytest.mark.parametrize("path", SMALL, ids=[p.stem for p in SMALL])
def test_every_rctab_decision_is_explained(path):
    _check_explained(count(load_vector(path)))


GLOSSARY = {
    "exhaustedChoices": (
        "exhausted ballot (no further choices)",
        "失效选票（无后续选择）",
        "失效選票（無後續選擇）",
    ),
    "eliminated": ("eliminated", "淘汰", "淘汰"),
    "elected": ("elected", "当选", "當選"),
    "tie": ("tie", "票数相同", "票數相同"),
}


def test_glossary_terms_in_rctab_explanations():
    result = count(load_vector(VECTORS / "tiebreak_use_permutation_in_config_test.json"))
    text = {lang: " ".join(r.explanation[lang] for r in result.rounds) for lang in LANGUAGES}
    for terms in GLOSSARY.values():
        for lang, term in zip(LANGUAGES, terms, strict=True):
            assert term in text[lang], (lang, term)
    table = render_table(result, "zh_Hant")
    assert "第 3 輪次" in table and "當選門檻" in table


def test_glossary_terms_in_yes_no_explanations():
    ballots = [{"marks": ["yes"], "count": 3}, {"marks": ["abstain"]}, {"marks": ["yes", "no"]}]
    result = count(
        {"method": "yes_no", "options": {"quorum": 10, "eligible": 20}, "ballots": ballots}
    )
    text = result.rounds[0].explanation
    assert "法定人数" in text["zh_Hans"] and "法定人數" in text["zh_Hant"]
    assert "投票率" in text["zh_Hans"] and "投票率" in text["zh_Hant"]
    assert "弃权" in text["zh_Hans"] and "棄權" in text["zh_Hant"]
    assert "无效票" in text["zh_Hans"] and "無效票" in text["zh_Hant"]
    assert "quorum of 10" in text["en"]


@pytest.mark.parametrize("method", ["plurality", "approval", "block", "borda", "schulze"])
def test_one_round_methods_are_explained(method):
    ranked = method in ("borda", "schulze")
    ballots = [
        ({"ranking": ["A", "B"]} if ranked else {"marks": ["A"]}) | {"count": 3},
        ({"ranking": ["B"]} if ranked else {"marks": ["B"]}) | {"count": 1},
    ]
    result = count({"method": method, "candidates": ["A", "B", "C"], "ballots": ballots})
    _check_explained(result)
    assert result.winners == ["A"]
