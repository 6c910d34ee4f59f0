"""Counting words the way a reader would: runs of letters or digits, with inner apostrophes
and hyphens kept ("didn't", "self-care" are one word each), in any script."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text or ""))


def words(text: str) -> list[tuple[int, int]]:
    """(start, length) of every word, for the spell-checker's underlines."""
    return [(m.start(), m.end() - m.start()) for m in _WORD.finditer(text or "")]
