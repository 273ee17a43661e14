"""Simplified ↔ Traditional Chinese conversion with OpenCC.

Content is stored once, in the script it was written in; a reader of the other script can
be shown a conversion (marked as converted by the caller). Conversion is by script only:
every Traditional tag (``zh-Hant``, ``zh-TW``, ``zh-HK``, ``zh-MO``) gets OpenCC's
``s2t`` standard, not a regional variant, because the interface has one Traditional catalog.
"""

from __future__ import annotations

import threading

HANS = "Hans"
HANT = "Hant"

# Regions whose Chinese is written in Traditional characters when a tag names no script.
_HANT_REGIONS = {"tw", "hk", "mo"}
# Chinese, and Mandarin's own code; other Chinese languages (yue, nan, …) are left alone.
_CHINESE_LANGUAGES = {"zh", "cmn"}

_converters: dict[str, object] = {}
_lock = threading.Lock()


def _converter(config: str):
    """One OpenCC converter per configuration, built on first use (a few tens of ms)."""
    converter = _converters.get(config)
    if converter is None:
        with _lock:
            converter = _converters.get(config)
            if converter is None:
                from opencc import OpenCC

                converter = OpenCC(config)
                _converters[config] = converter
    return converter


def to_traditional(text: str) -> str:
    """``text`` with Simplified characters and phrases written in Traditional (OpenCC s2t)."""
    if not text:
        return text
    return _converter("s2t.json").convert(text)


def to_simplified(text: str) -> str:
    """``text`` with Traditional characters and phrases written in Simplified (OpenCC t2s)."""
    if not text:
        return text
    return _converter("t2s.json").convert(text)


def chinese_script(tag: str | None) -> str | None:
    """``"Hans"`` or ``"Hant"`` for a Chinese BCP 47 tag, None for any other language.

    A script subtag decides (``zh-Hant-CN`` is Traditional); without one, Taiwan, Hong Kong
    and Macao mean Traditional and everything else (``zh``, ``zh-CN``, ``zh-SG``) Simplified.
    Underscores are accepted as separators (``zh_Hant``, the catalog folder names).
    """
    if not tag:
        return None
    parts = tag.strip().lower().replace("_", "-").split("-")
    if parts[0] not in _CHINESE_LANGUAGES:
        return None
    for part in parts[1:]:
        if part == "hans":
            return HANS
        if part == "hant":
            return HANT
    if any(part in _HANT_REGIONS for part in parts[1:]):
        return HANT
    return HANS


def convert_for(text: str, source_tag: str | None, target_tag: str | None) -> str | None:
    """``text`` (written in ``source_tag``) converted for readers of ``target_tag``.

    Returns None when no script conversion applies: either tag is not Chinese
    (``en`` → ``zh-Hans`` needs a translation, not a conversion) or both name the same
    script (``zh-CN`` → ``zh-Hans``, ``zh-TW`` → ``zh-HK``).
    """
    source = chinese_script(source_tag)
    target = chinese_script(target_tag)
    if source is None or target is None or source == target:
        return None
    return to_traditional(text) if target == HANT else to_simplified(text)
