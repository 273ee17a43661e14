"""The pieces of the search tokenizer: scripts, Chinese words, pinyin, English stems.

Everything heavy (jieba's dictionary, pypinyin's tables, the stemmer) is loaded once, on
first use, under a lock, so importing this module costs nothing.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import tempfile
import threading
import unicodedata
from functools import cache, lru_cache

HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN_CHARS}]+")

_lock = threading.Lock()
_jieba = None
_local = threading.local()


@cache
def word_pattern() -> re.Pattern:
    """Runs of Han characters (group ``han``) or of other letters, digits and marks (``word``).

    Python's ``\\w`` has no combining marks, which would cut हिन्दी into pieces; the marks of
    the Basic Multilingual Plane are added to the word characters.
    """
    marks = []
    start = None
    for code in range(0x10000):
        is_mark = unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            marks.append(f"{chr(start)}-{chr(code - 1)}")
            start = None
    word = f"(?:[^\\W_{HAN_CHARS}]|[{''.join(marks)}])+"
    return re.compile(f"(?P<han>[{HAN_CHARS}]+)|(?P<word>{word})")


def _private_cache_dir() -> str:
    """A temporary folder only this user can write, for jieba's dictionary cache."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    path = os.path.join(tempfile.gettempdir(), f"consult-jieba-{uid}")
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return tempfile.mkdtemp(prefix="consult-jieba-")
    info = os.lstat(path)
    if (
        stat.S_ISDIR(info.st_mode)
        and (uid is None or info.st_uid == uid)
        and not info.st_mode & 0o022
    ):
        return path
    return tempfile.mkdtemp(prefix="consult-jieba-")


def segmenter():
    """jieba's tokenizer, initialised once: quiet, with its cache in a private temporary folder.

    The first call in a machine's life builds the cache (about 1 s); later processes load it
    (about 0.5 s).
    """
    global _jieba
    if _jieba is None:
        with _lock:
            if _jieba is None:
                import jieba

                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = _private_cache_dir()
                tokenizer.initialize()
                _jieba = tokenizer
    return _jieba


def cut(run: str) -> list[str]:
    """jieba's words of a Han run, in order, without overlap (HMM on, for names)."""
    return list(segmenter().cut(run))


def search_subwords(word: str) -> list[tuple[int, int]]:
    """Spans of the dictionary words of two and three characters inside a longer ``word``.

    This is what jieba's ``cut_for_search`` adds to ``cut``; it is done here from one
    ``cut`` so that each word's pinyin is read in the context of the whole word.
    """
    frequencies = segmenter().FREQ
    spans = []
    for size in (2, 3):
        if len(word) > size:
            for start in range(len(word) - size + 1):
                if frequencies.get(word[start : start + size]):
                    spans.append((start, start + size))
    return spans


@lru_cache(maxsize=200_000)
def pinyin(word: str) -> tuple[str, ...]:
    """Toneless pinyin of a Chinese word, one syllable per character (ü as ``v``).

    A character without a known reading gives an empty syllable, to keep the positions.
    """
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: [""] * len(chars))
    if len(syllables) != len(word):  # no pinyin rather than pinyin on the wrong characters
        return ("",) * len(word)
    return tuple(s if s.isascii() and s.isalpha() else "" for s in syllables)


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:  # Snowball stemmers keep state while stemming: one per thread
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def _is_latin(word: str) -> bool:
    return all(
        not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in word
    )


@lru_cache(maxsize=200_000)
def word_term(word: str) -> str:
    """The index term of a non-Han word: folded to lower case; Latin words lose their
    diacritics (café → cafe) and, when made of letters only, are stemmed as English
    (parking → park). Pinyin goes through the same steps (tingche → tingch), so a pinyin
    query finds what the document's pinyin became.
    """
    term = unicodedata.normalize("NFKC", word).casefold()
    if not term.isascii() and _is_latin(term):
        decomposed = unicodedata.normalize("NFKD", term)
        term = unicodedata.normalize(
            "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
        )
    if term.isascii() and term.isalpha():
        return _stemmer().stemWord(term)
    return term


def is_han(text: str) -> bool:
    return bool(text) and HAN_RUN.fullmatch(text) is not None
