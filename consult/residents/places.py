"""Grids and buildings as people read them: a name per content language, and an order.

The name in the register file (``Grid.name``, ``Building.name``) is what the import matches
on and never changes here; ``names`` holds the committee's name in each content language
(``{"en": "Wendingyuan 8"}``), and a reader sees the one in their language, else that
original. A Traditional Chinese reader sees the Chinese name converted by OpenCC.

Lists sort as people count (第二 before 第三, 2 before 10), unless the committee gives a
place a position: positioned places come first, in that order.
"""

import re
from functools import lru_cache

from consult.i18n import content_language_for, current_locale_name
from consult.text.chinese import to_traditional

_NUMERALS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = re.compile(r"(\d+|[零〇一二两兩三四五六七八九十百千]+)")


def chinese_number(text):
    """The value of a Chinese numeral such as 三, 十二, 二十, 一百零五."""
    total, digit = 0, None
    for char in text:
        if char in _NUMERALS:
            digit = _NUMERALS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


def natural_key(name):
    """Sorts names as people count: 第二网格 < 第三网格 < 第十网格, 2 < 10."""
    key = []
    for index, part in enumerate(_NUMBER.split(name or "")):
        if index % 2:
            key.append((0, int(part) if part.isdigit() else chinese_number(part), part))
        elif part:
            key.append((1, 0, part.casefold()))
    return tuple(key)


def place_order(place):
    """The sort key of a Grid or Building (or a row with ``position`` and ``name``)."""
    position = getattr(place, "position", None)
    return (position is None, position or 0, natural_key(place.name))


def sort_places(places):
    return sorted(places, key=place_order)


@lru_cache(maxsize=2048)
def _traditional(text):
    return to_traditional(text)


def place_name(name, names=None, locale=None):
    """The name a reader of ``locale`` sees for a place called ``name`` in the register."""
    locale = locale or current_locale_name()
    shown = (names or {}).get(content_language_for(locale)) or name
    return _traditional(shown) if locale == "zh_Hant" else shown


def name_of(place, locale=None):
    """``place_name`` of a Grid or Building."""
    return place_name(place.name, place.names, locale) if place is not None else ""


def name_field(tag):
    """The form field that holds a place's name in content language ``tag``."""
    return "name_" + tag.replace("-", "_")
