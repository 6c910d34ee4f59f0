"""The team figures in words, for the Team screen, screen readers and the report.

Only shown figures are ever described: a hidden month or category is said to be hidden,
never guessed at. English templates go through ``words`` so the interface translates them.
"""

from __future__ import annotations

import datetime as dt

from reflect.domain.checkin import CATEGORY_LABELS
from reflect.domain.team_contribution import POSITIVE
from reflect.domain.team_summary import MonthSummary, TeamSummary
from reflect.domain.words import ENGLISH, Words

SCORE_LABELS: dict[str, str] = {**CATEGORY_LABELS, POSITIVE: "What is helping"}
BUCKET_LABELS: dict[str, str] = {
    "0": "no reflections",
    "1-5": "1 to 5 reflections",
    "6-15": "6 to 15 reflections",
    "16+": "16 or more reflections",
}
HIDDEN = "fewer than {minimum} people: hidden"


def team_num(words: Words, value: float) -> str:
    """'1.5', '1.25': halves with one decimal, quartiles between them with two (never the
    1.2 that rounding 1.25 would print)."""
    return words.num(value, ".1f" if (value * 2) == int(value * 2) else ".2f")


def month_date(name: str) -> dt.date:
    return dt.date(int(name[:4]), int(name[5:]), 1)


def hidden_text(summary: TeamSummary, words: Words = ENGLISH) -> str:
    return words(HIDDEN).format(minimum=summary.min_group)


def shown_months(summary: TeamSummary) -> list[MonthSummary]:
    return [m for m in summary.months if m.shown]


def describe_team(summary: TeamSummary, words: Words = ENGLISH) -> list[str]:
    """A few plain sentences: who is counted, and what the latest shown month says."""
    lines = [
        words.plural(
            summary.contributors,
            "{count} person has contributed.",
            "{count} people have contributed.",
        )
        + " "
        + words("Figures from fewer than {minimum} people are hidden.").format(
            minimum=summary.min_group
        )
    ]
    shown = shown_months(summary)
    if not shown:
        lines.append(
            words("Nothing can be shown yet: {hidden}.").format(hidden=hidden_text(summary, words))
        )
        return lines
    lines.append(
        words("Figures are shown for {shown} of {total} months.").format(
            shown=len(shown), total=len(summary.months)
        )
    )
    latest = shown[-1]
    lines.extend(_highest_warning(latest, shown[:-1], words))
    positive = latest.categories.get(POSITIVE)
    if positive is not None:
        lines.append(
            words("What is helping had a median of {median} out of 4.").format(
                median=team_num(words, positive.median)
            )
        )
    lines.append(
        words("These are team figures for a conversation about the work, not a measure of anyone.")
    )
    return lines


def _highest_warning(
    latest: MonthSummary, earlier_months: list[MonthSummary], words: Words
) -> list[str]:
    """The latest month's highest warning-sign category, and how it moved since the last
    month that showed it (only a change of half a point or more is mentioned)."""
    warning = {
        key: spread
        for key, spread in latest.categories.items()
        if spread is not None and key != POSITIVE
    }
    if not warning:
        return []
    key, spread = max(warning.items(), key=lambda item: item[1].median)
    lines = [
        words(
            "In {month}, the highest warning signs were in {category}: "
            "a median of {median} out of 4."
        ).format(
            month=words.month(month_date(latest.month)),
            category=words(SCORE_LABELS[key]),
            median=team_num(words, spread.median),
        )
    ]
    earlier = [m for m in earlier_months if m.categories.get(key) is not None]
    if earlier:
        before = earlier[-1].categories[key]
        assert before is not None
        change = spread.median - before.median
        if abs(change) >= 0.5:
            template = (
                "That is higher than in {month} ({median})."
                if change > 0
                else "That is lower than in {month} ({median})."
            )
            lines.append(
                words(template).format(
                    month=words.month(month_date(earlier[-1].month)),
                    median=team_num(words, before.median),
                )
            )
    return lines
