"""Combining contributions into team figures under the minimum-group rule.

The rule: a figure computed from fewer than ``minimum`` distinct contributors (never less
than 5) is not shown, and neither is any figure that would let a hidden one be worked out
by subtraction. Concretely:

- A month is shown only when at least ``minimum`` contributors cover it and the number who
  do not cover it is 0 or at least ``minimum`` (else "contributors minus this month" would
  count a small group).
- A check-in category's median and quartiles are shown only when at least ``minimum``
  contributors have a value for it that month. Quartiles cannot be added or subtracted.
- Counts (reflection buckets; questionnaire bands plus "did not take it") are cells of a
  shown total. A count under ``minimum`` (0 included: "nobody in the high band" is also a
  statement about fewer than five people) is hidden; then, if the hidden cells add up to less
  than ``minimum`` (their sum, worked out as total minus the shown cells, would count a small
  group or pin a single hidden cell), the smallest shown cells are hidden too until the hidden
  ones add up to at least ``minimum``. Every sum of cells anyone can work out is then at least
  ``minimum``, and every hidden cell has at least two values consistent with what is shown
  (property-tested). A distribution where everyone sits in one cell is therefore never shown.
- A questionnaire subscale is listed only when at least ``minimum`` people took it that month,
  with every band the coordinator's definitions know (plus any band seen), so a missing line
  never says "nobody".

The same contributor id twice counts once: the file written later wins, and of two written
the same month, the one given later. Then, across files, month entries with the same token
(format 2) are one person's same month, sent again in another round: the one from the file
written later is kept (of two written the same month, the later given), the others dropped.
A month's count is the entries left. The total the subtraction rule uses is the number of
people: files linked by any shared token are one person; a format 1 file is its own person.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reflect.domain.team_contribution import BUCKETS, SCORE_KEYS, Contribution, MonthFigures

MIN_GROUP = 5
NOT_TAKEN = "not_taken"


@dataclass(frozen=True)
class Spread:
    median: float
    q1: float
    q3: float

    def to_json(self) -> dict[str, float]:
        return {"median": self.median, "q1": self.q1, "q3": self.q3}


@dataclass(frozen=True)
class QuestionnaireCounts:
    instrument: str
    subscale: str
    bands: dict[str, int | None]  # band id -> count, None = hidden
    not_taken: int | None

    @property
    def any_shown(self) -> bool:
        return any(v is not None for v in self.bands.values())


@dataclass(frozen=True)
class MonthSummary:
    month: str
    contributors: int | None  # None = hidden
    categories: dict[str, Spread | None]
    reflections: dict[str, int | None]
    questionnaires: tuple[QuestionnaireCounts, ...]

    @property
    def shown(self) -> bool:
        return self.contributors is not None


@dataclass(frozen=True)
class TeamSummary:
    contributors: int
    min_group: int
    months: tuple[MonthSummary, ...]

    @property
    def suppressed(self) -> bool:
        """True when nothing at all could be shown."""
        return not any(m.shown for m in self.months)

    def to_json(self) -> dict[str, Any]:
        return {
            "contributors": self.contributors,
            "min_group": self.min_group,
            "suppressed": self.suppressed,
            "months": [
                {
                    "month": m.month,
                    "contributors": m.contributors,
                    "categories": {
                        key: (spread.to_json() if spread is not None else None)
                        for key, spread in m.categories.items()
                    },
                    "reflections": dict(m.reflections),
                    "questionnaires": [
                        {
                            "instrument": q.instrument,
                            "subscale": q.subscale,
                            "bands": dict(q.bands),
                            "not_taken": q.not_taken,
                        }
                        for q in m.questionnaires
                    ],
                }
                for m in self.months
            ],
        }


def check_minimum(minimum: int) -> int:
    if minimum < MIN_GROUP:
        raise ValueError(f"the minimum group is at least {MIN_GROUP}")
    return minimum


def _deduplicate(contributions: Iterable[Contribution]) -> list[tuple[int, Contribution]]:
    """One contribution per contributor id, the later-written winning, then the later given;
    each with its place in the order given (which breaks ties between people's months)."""
    kept: dict[str, tuple[int, Contribution]] = {}
    for given, contribution in enumerate(contributions):
        previous = kept.get(contribution.contributor)
        if previous is None or contribution.written >= previous[1].written:
            kept[contribution.contributor] = (given, contribution)
    return list(kept.values())


def _people_and_months(
    kept: list[tuple[int, Contribution]],
) -> tuple[int, dict[str, list[MonthFigures]]]:
    """(number of people, each month's entries with one per person and month).

    An entry with a token is kept only if no other file holds the same month with the same
    token and was written later (or the same month and given later). Files sharing a token
    are joined (union-find): each group is one person.
    """
    newest: dict[tuple[str, str], tuple[str, int]] = {}
    owner: dict[str, int] = {}  # token -> the first file seen holding it
    parent = list(range(len(kept)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, (given, contribution) in enumerate(kept):
        for month in contribution.months:
            if month.token is None:
                continue
            key = (month.month, month.token)
            newest[key] = max(newest.get(key, ("", -1)), (contribution.written, given))
            first = owner.setdefault(month.token, index)
            parent[root(index)] = root(first)
    by_month: dict[str, list[MonthFigures]] = {}
    for given, contribution in kept:
        for month in contribution.months:
            if month.token is not None and newest[(month.month, month.token)] != (
                contribution.written,
                given,
            ):
                continue  # the same person's same month, from a file that is not the latest
            by_month.setdefault(month.month, []).append(month)
    return len({root(index) for index in range(len(kept))}), by_month


def protect_counts(cells: Mapping[str, int], minimum: int) -> dict[str, int | None]:
    """Hide small cells of a distribution whose total is shown, and enough others that no
    hidden cell (nor any small group of them) can be worked out by subtraction."""
    check_minimum(minimum)
    hidden = {key for key, value in cells.items() if value < minimum}
    if hidden:
        hidden_sum = sum(cells[key] for key in hidden)
        # Smallest first so as little as possible is lost; ties in a fixed order.
        candidates = sorted(
            (key for key in cells if key not in hidden),
            key=lambda key: (cells[key], key),
        )
        for key in candidates:
            if hidden_sum >= minimum:
                break
            hidden.add(key)
            hidden_sum += cells[key]
    return {key: (None if key in hidden else value) for key, value in cells.items()}


def _quartiles(values: Sequence[float]) -> Spread:
    ordered = sorted(values)
    q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return Spread(round(median, 2), round(q1, 2), round(q3, 2))


BandCatalogue = Mapping[tuple[str, str], Sequence[str]]


def summarise(
    contributions: Iterable[Contribution],
    minimum: int = MIN_GROUP,
    known_bands: BandCatalogue | None = None,
) -> TeamSummary:
    """``known_bands`` maps (instrument, subscale) to the band ids its definition has."""
    check_minimum(minimum)
    total, by_month = _people_and_months(_deduplicate(contributions))
    months = tuple(
        _summarise_month(name, by_month[name], total, minimum, known_bands or {})
        for name in sorted(by_month)
    )
    return TeamSummary(total, minimum, months)


def _hidden_month(name: str) -> MonthSummary:
    return MonthSummary(
        month=name,
        contributors=None,
        categories=dict.fromkeys(SCORE_KEYS),
        reflections=dict.fromkeys(BUCKETS),
        questionnaires=(),
    )


def _summarise_month(
    name: str, entries: list[MonthFigures], total: int, minimum: int, known_bands: BandCatalogue
) -> MonthSummary:
    count = len(entries)
    absent = total - count
    if count < minimum or 0 < absent < minimum:
        return _hidden_month(name)
    categories: dict[str, Spread | None] = {}
    for key in SCORE_KEYS:
        values = [m.checkins[key] for m in entries if key in m.checkins]
        categories[key] = _quartiles(values) if len(values) >= minimum else None
    buckets = {bucket: sum(1 for m in entries if m.reflections == bucket) for bucket in BUCKETS}
    band_counts: dict[tuple[str, str], dict[str, int]] = {}
    for month in entries:
        for q in month.questionnaires:
            counts = band_counts.setdefault((q.instrument, q.subscale), {})
            counts[q.band] = counts.get(q.band, 0) + 1
    questionnaires = []
    for (instrument, subscale), counts in sorted(band_counts.items()):
        takers = sum(counts.values())
        if takers < minimum:
            continue
        cells = dict.fromkeys(known_bands.get((instrument, subscale), ()), 0)
        cells.update(counts)
        cells[NOT_TAKEN] = count - takers
        protected = protect_counts(cells, minimum)
        not_taken = protected.pop(NOT_TAKEN)
        questionnaires.append(QuestionnaireCounts(instrument, subscale, protected, not_taken))
    return MonthSummary(
        month=name,
        contributors=count,
        categories=categories,
        reflections=protect_counts(buckets, minimum),
        questionnaires=tuple(questionnaires),
    )
