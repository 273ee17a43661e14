"""The one tokenizer of site search, for SQLite FTS5 and PostgreSQL alike.

Neither database can find 停车 in 小区停车位不足怎么办 by itself, so Python does the work
once: :func:`document_tokens` turns a document (a proposal with all its translations) into
a space-separated string of index terms, stored in a column that FTS5's ``unicode61``
tokenizer and PostgreSQL's ``to_tsvector('simple', …)`` both index as it is, and
:func:`query_terms` turns what a reader typed into terms that must all be found (AND).

The token alphabet: every term is a run of Unicode letters, digits and combining marks,
with no space, punctuation, underscore or symbol, so both databases keep it as one token
(``unicode61`` also splits a Devanagari word at its vowel signs, the same way for the query
as for the document). Latin terms are lower-case ASCII letters and digits.

From a document:
- Chinese is converted to Simplified (OpenCC), so 停車 and 停车 are one term.
- Each run of Han characters gives its characters, its character bigrams (so any
  two-character query is found, whatever jieba made of the text), jieba's search words of
  three or more characters, and toneless pinyin: one term per syllable (``ting``, ``che``)
  and one per word (``tingche``), for every word ``cut_for_search`` yields.
- Other words are folded to lower case; Latin words lose diacritics and are stemmed as
  English (Snowball), pinyin included: ``parking`` → ``park``, ``tingche`` → ``tingch``.

From a query, the same steps, except that a Han run is cut into jieba words and each word
is looked up by its own bigrams (a one-character word by itself), so 小区停车 needs 小区
and 停车 but not the bigram 区停 across the two words; and English function words (the,
of, in, …) are dropped unless nothing else is left.

A mixed query (停车 parking) is AND across languages too: the document's row holds its
translations, so a proposal and its English translation match both words, and a query with
a word from elsewhere (停车 swimming) finds nothing, as an AND query should. A proposal
without an English translation is found by the Chinese words alone.

Joined pinyin of several words typed without spaces (``xiaoqutingche``) is not split into
syllables: English words such as ``lane`` or ``chinese`` also parse as pinyin, and a list
of AND terms cannot say "this English word, or these syllables". ``xiaoqu tingche`` works.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from consult.text.chinese import to_simplified
from consult.text.segmentation import (
    HAN_RUN,
    cut,
    is_han,
    pinyin,
    search_subwords,
    word_pattern,
    word_term,
)

ENGLISH_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "into", "about", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this",
    "that", "these", "those", "there", "here", "do", "does", "did",
})  # fmt: skip


def _prepared(text: str) -> str:
    """NFKC (fullwidth letters and digits to ASCII), then Chinese in Simplified characters."""
    text = unicodedata.normalize("NFKC", text)
    return to_simplified(text) if HAN_RUN.search(text) else text


def _pinyin_terms(syllables: Iterable[str]) -> str:
    return word_term("".join(syllables))


def _han_document_terms(run: str, out: list[str]) -> None:
    out.extend(run)
    out.extend(run[i : i + 2] for i in range(len(run) - 1))
    for word in cut(run):
        out.extend(_word_document_terms(word))


@lru_cache(maxsize=200_000)
def _word_document_terms(word: str) -> tuple[str, ...]:
    """The terms a jieba word adds besides its characters and bigrams (words repeat)."""
    syllables = pinyin(word)
    out = [word_term(syllable) for syllable in syllables if syllable]
    if len(word) >= 3:
        out.append(word)
    if len(word) >= 2 and all(syllables):
        out.append(_pinyin_terms(syllables))
    for start, end in search_subwords(word):
        if end - start >= 3:
            out.append(word[start:end])
        if all(syllables[start:end]):
            out.append(_pinyin_terms(syllables[start:end]))
    return tuple(out)


def document_tokens(*texts: str | None) -> str:
    """The index terms of a document made of ``texts`` (title, summary, body, translations),
    separated by single spaces, in no meaningful order, repeated as often as they occur (so
    bm25 and ts_rank can weigh them). Empty or None texts are skipped.
    """
    out: list[str] = []
    pattern = word_pattern()
    for text in texts:
        if not text:
            continue
        for match in pattern.finditer(_prepared(text)):
            if match.group("han"):
                _han_document_terms(match.group("han"), out)
            else:
                out.append(word_term(match.group("word")))
    return " ".join(out)


def query_terms(text: str | None) -> list[str]:
    """The terms a document's tokens must all contain to match the query ``text``.

    In the order typed, without repeats; an empty list when the query has no letters or
    digits (search for nothing rather than everything).
    """
    if not text:
        return []
    return list(_query_terms(text))


@lru_cache(maxsize=1024)
def _query_terms(text: str) -> tuple[str, ...]:
    """query_terms, remembered: a results page marks the same query in many texts."""
    terms: list[str] = []
    function_words: list[str] = []
    for match in word_pattern().finditer(_prepared(text)):
        if match.group("han"):
            for word in cut(match.group("han")):
                if len(word) <= 2:
                    terms.append(word)
                else:
                    terms.extend(word[i : i + 2] for i in range(len(word) - 1))
        else:
            word = match.group("word")
            if word.casefold() in ENGLISH_FUNCTION_WORDS:
                function_words.append(word_term(word))
            else:
                terms.append(word_term(word))
    return tuple(dict.fromkeys(terms or function_words))


def fts5_match(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term (each quoted, so no term is an operator
    such as ``AND`` or ``NOT``)."""
    return " AND ".join(f'"{term}"' for term in terms)


def tsquery(terms: list[str]) -> str:
    """Text for PostgreSQL's ``to_tsquery('simple', …)`` requiring every term. Terms hold
    only letters, digits and marks, so none is read as a tsquery operator."""
    return " & ".join(terms)


def highlight(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(segment, matched)`` pairs whose segments join back into ``text``.

    A segment is matched when it is what a query term found: a Latin word whose stem is a
    term (``parking`` for the query ``park``), Han characters that form a term in Simplified
    (停車 in a Traditional text for the query 停车, with no spaces needed), or a Chinese word
    or character whose pinyin is a term (停车 for ``tingche``). The caller escapes each
    segment and marks the matched ones.
    """
    if not text:
        return []
    terms = set(query_terms(query))
    flags = [False] * len(text)
    if terms:
        han_terms = [term for term in terms if is_han(term)]
        for match in word_pattern().finditer(text):
            start, end = match.span()
            if match.group("han"):
                _mark_han(match.group("han"), start, han_terms, terms, flags)
            elif word_term(match.group("word")) in terms:
                flags[start:end] = [True] * (end - start)
    return _segments(text, flags)


def _mark_han(run: str, offset: int, han_terms: list[str], terms: set[str], flags) -> None:
    simplified = to_simplified(unicodedata.normalize("NFKC", run))
    if len(simplified) != len(run):
        simplified = "".join(to_simplified(char)[:1] or char for char in run)
    for term in han_terms:
        found = simplified.find(term)
        while found != -1:
            flags[offset + found : offset + found + len(term)] = [True] * len(term)
            found = simplified.find(term, found + 1)
    position = offset
    for word in cut(simplified):
        syllables = pinyin(word)
        spans = [(0, len(word)), *search_subwords(word)] if len(word) >= 2 else []
        for start, end in spans:
            if all(syllables[start:end]) and _pinyin_terms(syllables[start:end]) in terms:
                flags[position + start : position + end] = [True] * (end - start)
        for index, syllable in enumerate(syllables):
            if syllable and word_term(syllable) in terms:
                flags[position + index] = True
        position += len(word)


def _segments(text: str, flags: list[bool]) -> list[tuple[str, bool]]:
    segments: list[tuple[str, bool]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or flags[index] != flags[start]:
            segments.append((text[start:index], flags[start]))
            start = index
    return segments
