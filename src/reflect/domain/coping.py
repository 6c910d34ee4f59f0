"""The offline coping library and the choice of which items to suggest after a check-in.

Items are data (``assets/resources/coping.json``), each tagged with one area of the ABC of
addressing vicarious trauma (awareness, balance, connection) and one or more warning-sign
categories. Suggestions follow the latest check-in: its highest categories first, and every
suggestion carries a plain reason so the person can see why it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, HELPING_AREAS, HELPING_LABELS
from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError
from reflect.domain.message import Message
from reflect.domain.safe_json import shorten
from reflect.domain.usual import ABOUT, HIGHER, LOWER, verdict

EXERCISES: tuple[str, ...] = ("breathing", "grounding", "muscle_release")
EXERCISE_LABELS: dict[str, str] = {
    "breathing": "Paced breathing",
    "grounding": "5-4-3-2-1 grounding",
    "muscle_release": "Tense and release",
}

# Items may point to another part of Reflect instead of (or besides) an exercise.
LINKS: dict[str, str] = {"plan": "Open My plan", "get_help": "Open Get help now"}

# A category counts as "higher than your usual" only past this margin (on the 0-4 item
# scale), so ordinary week-to-week wobble does not change the wording.
# Below this mean (on 0-4, "a little") a category is not called one of your higher areas.
MIN_SCORE = 1.0


@dataclass(frozen=True)
class CopingItem:
    id: str
    title: str
    text: str
    area: str  # one of HELPING_AREAS
    categories: tuple[str, ...]  # warning-sign categories it answers, most relevant first
    minutes: int | None = None
    exercise: str | None = None  # an in-app guided exercise this item opens
    link: str | None = None  # one of LINKS

    @property
    def area_label(self) -> str:
        return HELPING_LABELS[self.area]


@dataclass(frozen=True)
class CopingLibrary:
    items: tuple[CopingItem, ...]
    area_descriptions: dict[str, str]

    def by_area(self, area: str) -> list[CopingItem]:
        return [item for item in self.items if item.area == area]

    def by_category(self, category: str) -> list[CopingItem]:
        """Items for a category, those naming it first ahead of those naming it later."""
        tagged = [item for item in self.items if category in item.categories]
        return sorted(tagged, key=lambda item: item.categories.index(category))

    def get(self, item_id: str) -> CopingItem | None:
        return next((item for item in self.items if item.id == item_id), None)


@dataclass(frozen=True)
class Suggestion:
    item: CopingItem
    reason: str
    category: str | None = None  # the check-in category that led to it, if any
    # The reason as a template and its values, so the interface can show it in French:
    # ``reason == reason_template.format(**dict(reason_args))``.
    reason_template: str = ""
    reason_args: tuple[tuple[str, str], ...] = ()


# --- loading and validation ---------------------------------------------------------------


def load_coping_library(path: Path) -> CopingLibrary:
    return parse_coping_library(load_content_file(path), path.name)


def parse_coping_library(data: Any, source: str) -> CopingLibrary:
    if not isinstance(data, dict):
        raise ContentError(
            source, "(top level)", Message("expected an object with 'areas' and 'items'")
        )
    areas = data.get("areas")
    if not isinstance(areas, dict):
        raise ContentError(
            source,
            "areas",
            Message("expected an object mapping each ABC area to a description"),
        )
    descriptions: dict[str, str] = {}
    for area in HELPING_AREAS:
        text = areas.get(area)
        if not isinstance(text, str) or not text.strip():
            raise ContentError(source, f"areas.{area}", Message("a short description is required"))
        descriptions[area] = ContentReader(source, areas, "areas").text(area, max_len=600)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ContentError(source, "items", Message("expected a non-empty list of coping items"))
    items: list[CopingItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_items):
        item = _parse_item(raw, source, f"items[{index}]")
        if item.id in seen:
            raise ContentError(
                source, f"items[{index}].id", Message("'{id}' is used twice", id=item.id)
            )
        seen.add(item.id)
        items.append(item)
    return CopingLibrary(tuple(items), descriptions)


def _parse_item(raw: Any, source: str, where: str) -> CopingItem:
    item_id = ContentReader(source, raw, where, Message("each item must be an object")).text(
        "id", max_len=60
    )
    where = f"{where} ({item_id})"
    reader = ContentReader(source, raw, where)
    title = reader.text("title", max_len=80)
    text = reader.text("text", max_len=600)
    area = reader.choice("area", HELPING_AREAS)
    categories = raw.get("categories")
    if not isinstance(categories, list) or not categories:
        reader.fail("categories", Message("list at least one warning-sign category"))
    for category in categories:
        if category not in CATEGORIES:
            reader.fail(
                "categories",
                Message(
                    "{category} is not one of {choices}",
                    category=shorten(category),
                    choices=", ".join(CATEGORIES),
                ),
            )
    if len(set(categories)) != len(categories):
        reader.fail("categories", Message("a category is listed twice"))
    minutes = reader.integer("minutes", 1, 120) if raw.get("minutes") is not None else None
    exercise = reader.choice("exercise", EXERCISES) if raw.get("exercise") is not None else None
    link = reader.choice("link", tuple(LINKS)) if raw.get("link") is not None else None
    return CopingItem(item_id, title, text, area, tuple(categories), minutes, exercise, link)


# --- suggestions --------------------------------------------------------------------------


def rank_categories(scores: dict[str, float]) -> list[str]:
    """Known categories at or above ``MIN_SCORE``, highest first (ties in the usual order)."""
    known = [
        (c, float(s))
        for c, s in scores.items()
        if c in CATEGORIES and s is not None and float(s) >= MIN_SCORE
    ]
    known.sort(key=lambda pair: (-pair[1], CATEGORIES.index(pair[0])))
    return [category for category, _ in known]


def suggest(
    library: CopingLibrary,
    category_scores: dict[str, float],
    *,
    baseline: dict[str, float] | None = None,
    helping: dict[str, float] | None = None,
    taken_at: datetime | None = None,
    limit: int = 6,
    per_category: int = 2,
    max_categories: int = 3,
    rotation: int = 0,
) -> list[Suggestion]:
    """Pick up to ``limit`` items: the check-in's highest categories first, then a mix of ABC.

    ``rotation`` shifts which items of each category come first, so "show other ideas" gives
    fresh suggestions without randomness (the same inputs always give the same list).
    """
    chosen: list[Suggestion] = []
    used: set[str] = set()
    ranked = rank_categories(category_scores)[:max_categories]
    when = f" ({taken_at.day} {taken_at:%b})" if taken_at else ""
    for position, category in enumerate(ranked):
        candidates = _rotate(_mixed_areas(library.by_category(category)), rotation)
        template, args = _category_reason(category, position, category_scores, baseline, when)
        taken = 0
        for item in candidates:
            if len(chosen) >= limit or taken >= per_category:
                break
            if item.id in used:
                continue
            chosen.append(_suggestion(item, template, args, category))
            used.add(item.id)
            taken += 1
    # Fill the rest so the three ABC areas are all present, starting with the area the
    # person said helped least this week.
    order = _areas_to_fill(chosen, helping)
    while len(chosen) < limit:
        added = False
        for area in order:
            if len(chosen) >= limit:
                break
            pool = [
                item for item in _rotate(library.by_area(area), rotation) if item.id not in used
            ]
            if pool:
                template, args = _area_reason(area, helping, bool(ranked))
                chosen.append(_suggestion(pool[0], template, args, None))
                used.add(pool[0].id)
                added = True
        if not added:
            break
    return chosen


def _rotate(items: list[CopingItem], rotation: int) -> list[CopingItem]:
    if not items:
        return items
    shift = rotation % len(items)
    return items[shift:] + items[:shift]


def _mixed_areas(items: list[CopingItem]) -> list[CopingItem]:
    """Interleave areas (A, B, C, A, B, C ...) keeping relevance order within each area."""
    queues = {area: [i for i in items if i.area == area] for area in HELPING_AREAS}
    mixed: list[CopingItem] = []
    while any(queues.values()):
        for area in HELPING_AREAS:
            if queues[area]:
                mixed.append(queues[area].pop(0))
    return mixed


def _suggestion(
    item: CopingItem, template: str, args: dict[str, str], category: str | None
) -> Suggestion:
    return Suggestion(
        item, template.format(**args), category, template, tuple(sorted(args.items()))
    )


def _category_reason(
    category: str,
    position: int,
    scores: dict[str, float],
    baseline: dict[str, float] | None,
    when: str,
) -> tuple[str, dict[str, str]]:
    args = {"label": CATEGORY_LABELS[category], "when": when}
    # The same verdict as the check-in result and Home (domain.usual), so a part the check-in
    # called "about your usual" is never called "higher" here.
    compared = verdict(float(scores[category]), (baseline or {}).get(category))
    if compared == HIGHER:
        return "{label} was higher than your usual in your latest check-in{when}.", args
    if compared == ABOUT:
        if position == 0:
            return "{label} scored highest in your latest check-in{when}, about your usual.", args
        return "{label} scored among your higher parts{when}, about your usual.", args
    if compared == LOWER:
        return "{label} scored among your higher parts{when}, lower than your usual.", args
    if position == 0:
        return "{label} was your highest area in your latest check-in{when}.", args
    return "{label} was among your higher areas in your latest check-in{when}.", args


def _areas_to_fill(chosen: list[Suggestion], helping: dict[str, float] | None) -> list[str]:
    present = {s.item.area for s in chosen}
    missing = [a for a in HELPING_AREAS if a not in present]
    rest = [a for a in HELPING_AREAS if a in present]
    helping = helping or {}

    def least_helped(area: str) -> tuple[float, int]:
        value = helping.get(area)
        return (float(value) if value is not None else 99.0, HELPING_AREAS.index(area))

    return sorted(missing, key=least_helped) + sorted(rest, key=least_helped)


def _area_reason(
    area: str, helping: dict[str, float] | None, had_categories: bool
) -> tuple[str, dict[str, str]]:
    args = {"label": HELPING_LABELS[area].lower()}
    value = (helping or {}).get(area)
    if value is not None and float(value) <= 1:
        return "You noted little {label} helping you this week; this adds some.", args
    if had_categories:
        return "Rounds out your suggestions with some {label}.", args
    return "A steady {label} practice for any week.", args
