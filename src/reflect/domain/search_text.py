"""The words of a search and the excerpts shown for it: how typed text becomes a safe FTS5
query, and where a snippet starts.

Apart from domain/journal.py (filters and summaries, as dataclasses) because `reflect search`
runs these before it loads anything heavy (commands/search_quick.py).
"""

from __future__ import annotations

import unicodedata


def snippet_of(body: str, length: int = 140) -> str:
    """The start of a reflection's text on one line, cut at a word boundary."""
    # Only the start is flattened: a search page (and the debrief screen's list, and its
    # intensity chart) asks this of hundreds of long reflections at a time. The start's
    # flattened text is the start of the whole one's, so the result is the same; a start
    # that is mostly spaces and breaks is not long enough, and then the whole text is used.
    head = body[: 4 * length]
    flat = " ".join(head.split())
    if len(flat) <= length and len(head) < len(body):
        flat = " ".join(body.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length].rsplit(" ", 1)[0]
    return cut + "…"


def fts_query(text: str) -> str:
    """Turn what a person types into a safe FTS5 query.

    Words match as prefixes ("exhaust" finds "exhausted"), "quoted phrases" match exactly,
    and every part must appear. FTS5 operators typed by accident (AND, NEAR, *, ^, :) are
    treated as plain words, so no input can raise a syntax error.
    """
    parts: list[str] = []
    for index, chunk in enumerate(text.split('"')):
        if index % 2 == 1:
            words = _words(chunk)
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend(f'"{word}"*' for word in _words(chunk))
    return " ".join(parts)


def _is_word_character(char: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps inside a token: letters, numbers, private-use
    # characters, and combining marks (it drops those as diacritics, "e" + U+0301 -> "e").
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def _split(text: str) -> list[str]:
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if _is_word_character(char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _words(text: str) -> list[str]:
    """The words of ``text`` for the index, split where the index splits.

    Case is left to the index's tokenizer, which folds the query as it folded the text:
    ``casefold()`` searched "ß" as "ss" and ``lower()`` turns some letters into ones newer
    than the tokenizer's Unicode tables (Cherokee); and the regex ``\\w`` cut a decomposed
    "é" out of "café". Each made a reflection's own words miss it.
    """
    return _split(text)


def query_terms(text: str) -> list[str]:
    """The words of a search, lower-case, for highlighting and snippets."""
    return _split(text.lower())


def snippet_around(body: str, terms: list[str], length: int = 140) -> str:
    """A one-line excerpt of ``body`` that starts near the first search term it contains.

    Done in Python on the handful of rows a page shows: cheaper and more predictable than
    FTS5's snippet() over every match.
    """
    import re

    if not terms:
        return snippet_of(body, length)
    flat = " ".join(body.split())
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    hit = pattern.search(flat)
    if hit is None or hit.start() < length // 3:
        return snippet_of(flat, length)
    start = flat.rfind(" ", 0, max(0, hit.start() - length // 4)) + 1
    return "…" + snippet_of(flat[start:], length)
