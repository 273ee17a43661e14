"""Guess the language of a short text (a comment) from its script, for the author to confirm."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter

from consult.text.chinese import to_simplified, to_traditional

# (first code point, last code point, script). Letters outside these ranges count as "other".
_RANGES = sorted(
    [
        (0x0041, 0x005A, "latin"),
        (0x0061, 0x007A, "latin"),
        (0x00C0, 0x024F, "latin"),
        (0x1E00, 0x1EFF, "latin"),
        (0xFF21, 0xFF3A, "latin"),  # fullwidth A-Z
        (0xFF41, 0xFF5A, "latin"),  # fullwidth a-z
        (0x0400, 0x052F, "cyrillic"),
        (0x0600, 0x06FF, "arabic"),
        (0x0750, 0x077F, "arabic"),
        (0xFB50, 0xFDFF, "arabic"),
        (0xFE70, 0xFEFF, "arabic"),
        (0x0900, 0x097F, "devanagari"),
        (0x0E00, 0x0E7F, "thai"),
        (0x1100, 0x11FF, "hangul"),
        (0x3130, 0x318F, "hangul"),
        (0xAC00, 0xD7AF, "hangul"),
        (0x3040, 0x309F, "hiragana"),
        (0x30A0, 0x30FF, "katakana"),
        (0x31F0, 0x31FF, "katakana"),
        (0xFF66, 0xFF9D, "katakana"),
        (0x3400, 0x4DBF, "han"),
        (0x4E00, 0x9FFF, "han"),
        (0xF900, 0xFAFF, "han"),
        (0x20000, 0x3134F, "han"),
    ]
)
_STARTS = [start for start, _, _ in _RANGES]

_TAGS = {
    "latin": "en",
    "cyrillic": "ru",
    "arabic": "ar",
    "devanagari": "hi",
    "thai": "th",
    "hangul": "ko",
    "kana": "ja",
}
# A word of these scripts is one or two characters, so two already say something.
_DENSE = {"han", "kana", "hangul"}
MIN_LETTERS = 3
MIN_DENSE_LETTERS = 2
# Chinese is never written with hiragana; Japanese nearly always is.
MIN_HIRAGANA_FOR_JAPANESE = 2


def script_of(char: str) -> str | None:
    """The script of one letter (``"han"``, ``"latin"``, …), ``"other"``, or None if no letter."""
    if not unicodedata.category(char).startswith("L"):
        return None
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        start, end, script = _RANGES[index]
        if start <= code <= end:
            return script
    return "other"


def chinese_script_of(text: str) -> str:
    """``"zh-Hant"`` when the text's Han characters are mostly Traditional, else ``"zh-Hans"``.

    A character counts as Traditional when OpenCC's t2s changes it in its context, and as
    Simplified when s2t changes it on its own (in context s2t also rewrites characters both
    scripts share, such as 布 in 發布 → 發佈). Text that reads the same in both is Simplified.
    """
    han = "".join(char for char in text if script_of(char) == "han")
    simplified = to_simplified(han)
    if len(simplified) == len(han):
        traditional_marks = sum(a != b for a, b in zip(han, simplified, strict=True))
    else:
        traditional_marks = sum(to_simplified(char) != char for char in han)
    singles = to_traditional("\n".join(han)).split("\n")
    simplified_marks = sum(a != b for a, b in zip(han, singles, strict=True))
    return "zh-Hant" if traditional_marks > simplified_marks else "zh-Hans"


def guess_language(text: str | None) -> str | None:
    """A BCP 47 tag guessed from the script of ``text``, or None when too little to tell.

    Only a guess, for the author to confirm: the script with the most letters wins, and a
    script is not a language (Latin letters give ``en`` even for French or pinyin, Cyrillic
    gives ``ru``, Arabic script ``ar``). Han characters give ``zh-Hans`` or ``zh-Hant``
    (see :func:`chinese_script_of`), or count as Japanese when the text has hiragana;
    kana gives ``ja``, Hangul ``ko``, Thai ``th``, Devanagari ``hi``. Fewer than three
    letters of the winning script (two for Han, kana and Hangul) give None, as does a
    script not listed here.
    """
    if not text:
        return None
    counts: Counter[str] = Counter()
    for char in text:
        script = script_of(char)
        if script is not None:
            counts[script] += 1
    if counts["hiragana"] >= MIN_HIRAGANA_FOR_JAPANESE:
        counts["kana"] += counts.pop("han", 0)
    counts["kana"] += counts.pop("hiragana", 0) + counts.pop("katakana", 0)
    counts = +counts  # drop zero counts
    if not counts:
        return None
    script, letters = max(counts.items(), key=lambda item: (item[1], item[0] in _DENSE, item[0]))
    needed = MIN_DENSE_LETTERS if script in _DENSE else MIN_LETTERS
    if letters < needed:
        return None
    if script == "han":
        return chinese_script_of(text)
    return _TAGS.get(script)
