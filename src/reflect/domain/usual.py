"""One truth for "compared with your usual".

Home, the check-in result, the trends summaries, the coping suggestions, the debrief cards
and their exports all describe how a check-in compares with the person's usual. Each used to
decide for itself (one rounded the difference, another did not; one said "among your higher
areas" for a part the check-in called "about your usual"), so the screens contradicted each
other. Every one of them now asks this module, and the sentence that sums a check-in up is
written here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS
from reflect.domain.checkin_scoring import ABOUT_USUAL, OVERALL, ScoredCheckIn
from reflect.domain.words import ENGLISH, Words

HIGHER = "higher"
ABOUT = "about"
LOWER = "lower"
NO_USUAL = "no usual"

WORDING = {
    HIGHER: "higher than your usual",
    ABOUT: "about your usual",
    LOWER: "lower than your usual",
    NO_USUAL: "no usual yet",
}
NEEDS_MORE = "Reflect needs three check-ins before it can compare a week with your usual."


def verdict(value: float | None, usual: float | None) -> str:
    """HIGHER, ABOUT, LOWER or NO_USUAL for one score next to its usual (both 0-4)."""
    if value is None or usual is None:
        return NO_USUAL
    difference = round(value - usual, 2)  # the same rounding everywhere: no edge cases differ
    if difference >= ABOUT_USUAL:
        return HIGHER
    if difference <= -ABOUT_USUAL:
        return LOWER
    return ABOUT


def verdict_of_difference(difference: float | None) -> str:
    if difference is None:
        return NO_USUAL
    return verdict(difference, 0.0)


@dataclass(frozen=True)
class UsualComparison:
    """How one check-in's whole and each answered part compare with the person's usual."""

    overall: str
    parts: tuple[tuple[str, str], ...]  # (category, verdict), answered parts, in CATEGORIES order
    based_on: int

    @property
    def available(self) -> bool:
        return self.overall != NO_USUAL

    def of(self, key: str) -> str:
        if key == OVERALL:
            return self.overall
        return dict(self.parts).get(key, NO_USUAL)

    def wording(self, key: str = OVERALL) -> str:
        """English words ("about your usual"), for the caller's translate function."""
        return WORDING[self.of(key)]

    def parts_with(self, wanted: str) -> list[str]:
        return [category for category, found in self.parts if found == wanted]

    def summary(self, words: Words = ENGLISH) -> str:
        """The one sentence: "Overall: about your usual, with 5 parts above it: …"."""
        w = words
        if not self.available:
            return w(NEEDS_MORE)
        higher = [w(CATEGORY_LABELS[c]) for c in self.parts_with(HIGHER)]
        overall = w(self.wording())
        if not higher:
            return w("Overall: {wording}.").format(wording=overall)
        count = w.plural(len(higher), "one part", "{count} parts")
        return w("Overall: {wording}, with {count} above it: {parts}.").format(
            wording=overall, count=count, parts=", ".join(higher)
        )


def compare_with_usual(entry: ScoredCheckIn) -> UsualComparison:
    """The comparison every screen and export shows for ``entry``."""
    parts = tuple(
        (category, verdict(entry.scores.categories.get(category), entry.baseline.get(category)))
        for category in CATEGORIES
        if entry.scores.categories.get(category) is not None
    )
    overall = verdict(entry.scores.overall, entry.baseline.overall)
    return UsualComparison(overall, parts, entry.baseline.based_on)


def compare_wording(difference: float | None) -> str:
    """English words for a score minus its usual (a ``ScoredCheckIn.difference``)."""
    return WORDING[verdict_of_difference(difference)]
