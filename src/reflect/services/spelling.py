"""Offline spell-checking for the text answers, in English and French.

Uses pyspellchecker (pure Python, its word lists ship inside the package): nothing is ever
looked up over a network. If the library or a language's list is missing, checking is simply
off and ``note`` says why; typing is never affected.

The English list is American. Reflect's people write British and Canadian English too, so a
word is also accepted when its American twin is known (colour/color, organise/organize,
centre/center, counselling/counseling). French elisions (l'équipe, qu'il) are checked after
the apostrophe.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from reflect.domain.message import Message
from reflect.domain.word_count import words

# Words of the work that general lists lack; never underline them.
FIELD_WORDS = {
    "en": {"supervisee", "supervisees", "debriefing", "debriefs", "trauma-informed", "jrnl",
           "psychoeducation", "hotline", "hotlines", "survivor-led", "caseload", "caseloads"},
    "fr": {"débriefing", "débriefings", "supervisé", "supervisée", "aujourd'hui", "aujourd’hui"},
}  # fmt: skip
_VARIANTS = (
    (r"our(s|ed|ing|ful|ite|ites)?$", r"or\1"),
    (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"tre(s)?$", r"ter\1"),
    (r"ll(ed|ing|or|ors|er|ers)$", r"l\1"),
    (r"ogue(s)?$", r"og\1"),
    (r"ence$", r"ense"),
    (r"ement$", r"ment"),
)
_HAS_DIGIT = re.compile(r"\d")


def _load(language: str) -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language=language, distance=2)


class SpellService:
    """One language's checker; the word list loads on a background thread at first use."""

    def __init__(self, language: str, personal: Iterable[str] = ()) -> None:
        self.language = language if language in ("en", "fr") else "en"
        self.note: str = ""
        self._checker: Any = None
        self._failed = False
        self._lock = threading.Lock()
        self._cache: dict[str, bool] = {}
        self._personal = {w.lower() for w in personal} | FIELD_WORDS[self.language]

    # --- loading -------------------------------------------------------------------------

    def load(self) -> bool:
        """Load the word list now (call off the GUI thread); True when checking is possible."""
        with self._lock:
            if self._checker is None and not self._failed:
                try:
                    self._checker = _load(self.language)
                except Exception as exc:  # noqa: BLE001 - any failure means "no checking", never a crash
                    self._failed = True
                    self.note = Message(
                        "Spell-checking is off: the word list for this language could not "
                        "be loaded ({error}).",
                        error=type(exc).__name__,
                    )
            return self._checker is not None

    @property
    def ready(self) -> bool:
        return self._checker is not None

    # --- checking ------------------------------------------------------------------------

    def add_word(self, word: str) -> None:
        self._personal.add(word.lower())
        self._cache.pop(word.lower(), None)

    def is_known(self, word: str) -> bool:
        key = word.lower()
        if key not in self._cache:
            self._cache[key] = self._judge(key)
        return self._cache[key]

    def _judge(self, word: str) -> bool:
        checker = self._checker
        if checker is None or word in self._personal or _HAS_DIGIT.search(word):
            return True
        if len(word) < 2 or word in checker:
            return True
        if "'" in word or "’" in word:
            parts = re.split(r"['’]", word)
            if self.language == "fr":
                return all(not p or p in checker for p in parts[-1:])
            return word in checker or all(len(p) <= 2 or self.is_known(p) for p in parts)
        if "-" in word:
            return all(self.is_known(part) for part in word.split("-") if part)
        if self.language == "en":
            return any(
                re.search(pattern, word) and re.sub(pattern, twin, word) in checker
                for pattern, twin in _VARIANTS
            )
        return False

    def misspelt(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each word not found; nothing while the list is loading."""
        if not self.ready:
            return []
        found = []
        for start, length in words(text):
            word = text[start : start + length]
            if not word.isupper() and not self.is_known(word):  # acronyms are left alone
                found.append((start, length))
        return found

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        checker = self._checker
        if checker is None or len(word) > 40:
            return []
        candidates = checker.candidates(word.lower()) or set()
        ranked = sorted(candidates, key=lambda w: -checker.word_usage_frequency(w))[:limit]
        if word[:1].isupper():
            ranked = [w[:1].upper() + w[1:] for w in ranked]
        return ranked
