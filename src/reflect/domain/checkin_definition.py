"""The one-minute check-in as data: items per warning-sign category, plus sleep, energy and
the "what is helping" part. Loaded from assets/checkin/checkin.json and validated here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.checkin import CATEGORIES, HELPING_AREAS, ITEM_MAX, ITEM_MIN, CheckIn
from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.message import Message

FORMAT = "reflect-checkin/1"
# Strength items (compassion satisfaction, vicarious resilience) are saved beside the warning
# signs in ``item_scores`` under this prefix. It is not a category, so category and overall
# scores never include them: strengths are a dimension of their own, never subtracted.
STRENGTH_PREFIX = "strength."
SCALE_SIZE = ITEM_MAX - ITEM_MIN + 1


@dataclass(frozen=True)
class CheckinItem:
    id: str
    category: str
    text: str


@dataclass(frozen=True)
class RatedQuestion:
    """Sleep, energy or one helping area: a single 0-4 question with its own labels."""

    id: str
    text: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class CheckinDefinition:
    title: str
    intro: str
    time_frame: str
    labels: tuple[str, ...]  # labels for 0..4 on the warning-sign items
    items: tuple[CheckinItem, ...]
    sleep: RatedQuestion
    energy: RatedQuestion
    helping_intro: str
    helping: tuple[RatedQuestion, ...]
    source: str = ""
    strengths_intro: str = ""
    strengths: tuple[RatedQuestion, ...] = ()

    def __post_init__(self) -> None:
        # Scoring looks categories up for every answer of every check-in (thousands on a
        # ten-year profile), so keep a dictionary rather than searching the items.
        object.__setattr__(
            self, "_category_by_item", {item.id: item.category for item in self.items}
        )

    def items_in(self, category: str) -> tuple[CheckinItem, ...]:
        return tuple(item for item in self.items if item.category == category)

    def category_of(self, item_id: str) -> str | None:
        category: str | None = self._category_by_item.get(item_id)  # type: ignore[attr-defined]
        if category is not None:
            return category
        # Items retired from the file keep counting towards their category, named by prefix.
        prefix = item_id.split(".", 1)[0]
        return prefix if prefix in CATEGORIES else None

    def validate(self, checkin: CheckIn) -> None:
        """Reject a check-in a person could not have entered through this definition."""
        known = {item.id for item in self.items} | {q.id for q in self.strengths}
        for item_id, value in checkin.item_scores.items():
            if item_id not in known:
                raise ValidationError("'{item}' is not a check-in item.", item=item_id)
            _check_rating(value, item_id)
        for name, rating in (("sleep", checkin.sleep), ("energy", checkin.energy)):
            if rating is not None:
                _check_rating(rating, name)
        for area, value in checkin.helping.items():
            if area not in HELPING_AREAS:
                raise ValidationError(
                    "'{area}' is not one of awareness, balance, connection.", area=area
                )
            _check_rating(value, area)
        if not any(not k.startswith(STRENGTH_PREFIX) for k in checkin.item_scores):
            raise ValidationError("Rate at least one of the check-in items before saving.")


def _check_rating(value: Any, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not ITEM_MIN <= value <= ITEM_MAX:
        raise ValidationError(
            "'{name}' must be rated from {low} to {high}.", name=name, low=ITEM_MIN, high=ITEM_MAX
        )


def load_checkin_definition(path: Path) -> CheckinDefinition:
    return parse_checkin_definition(load_content_file(path), path.name)


def parse_checkin_definition(data: Any, source: str) -> CheckinDefinition:
    if not isinstance(data, dict):
        raise ContentError(source, "(top level)", Message("must be an object"))
    if data.get("format") != FORMAT:
        raise ContentError(source, "format", Message("must be {format}", format=repr(FORMAT)))
    scale = data.get("scale")
    if not isinstance(scale, dict) or scale.get("min") != ITEM_MIN or scale.get("max") != ITEM_MAX:
        raise ContentError(
            source,
            "scale",
            Message("must be an object with min {low} and max {high}", low=ITEM_MIN, high=ITEM_MAX),
        )
    items_raw = data.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise ContentError(source, "items", Message("must be a non-empty list"))
    items = []
    seen: set[str] = set()
    for index, raw in enumerate(items_raw):
        where = f"items[{index}]"
        if not isinstance(raw, dict):
            raise ContentError(source, where, Message("must be an object"))
        item_id = _text(raw, "id", source, where)
        if item_id in seen:
            raise ContentError(
                source, f"{where}.id", Message("{id} is used twice", id=repr(item_id))
            )
        seen.add(item_id)
        category = ContentReader(source, raw, where).choice("category", CATEGORIES)
        items.append(CheckinItem(item_id, category, _text(raw, "text", source, where)))
    missing = [c for c in CATEGORIES if not any(i.category == c for i in items)]
    if missing:
        raise ContentError(
            source, "items", Message("has no item for {categories}", categories=", ".join(missing))
        )
    helping_raw = data.get("helping")
    if not isinstance(helping_raw, dict) or not isinstance(helping_raw.get("items"), list):
        raise ContentError(source, "helping", Message("must be an object with 'items'"))
    helping_labels = _labels(helping_raw, source, "helping")
    helping = []
    for index, raw in enumerate(helping_raw["items"]):
        where = f"helping.items[{index}]"
        if not isinstance(raw, dict):
            raise ContentError(source, where, Message("must be an object"))
        area = ContentReader(source, raw, where).choice("id", HELPING_AREAS)
        helping.append(RatedQuestion(area, _text(raw, "text", source, where), helping_labels))
    strengths_intro, strengths = _strengths(data, source)
    return CheckinDefinition(
        title=_text(data, "title", source, ""),
        intro=_text(data, "intro", source, ""),
        time_frame=_text(data, "time_frame", source, ""),
        labels=_labels(scale, source, "scale"),
        items=tuple(items),
        sleep=_question(data, "sleep", source),
        energy=_question(data, "energy", source),
        helping_intro=_text(helping_raw, "intro", source, "helping"),
        helping=tuple(helping),
        source=source,
        strengths_intro=strengths_intro,
        strengths=strengths,
    )


def _strengths(data: dict[str, Any], source: str) -> tuple[str, tuple[RatedQuestion, ...]]:
    """The optional strengths part: two or three positive items with their own labels."""
    raw = data.get("strengths")
    if raw is None:
        return "", ()
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
        raise ContentError(
            source, "strengths", Message("must be an object with a non-empty 'items' list")
        )
    labels = _labels(raw, source, "strengths")
    questions: list[RatedQuestion] = []
    for index, item in enumerate(raw["items"]):
        where = f"strengths.items[{index}]"
        if not isinstance(item, dict):
            raise ContentError(source, where, Message("must be an object"))
        item_id = _text(item, "id", source, where)
        if not item_id.startswith(STRENGTH_PREFIX) or len(item_id) == len(STRENGTH_PREFIX):
            raise ContentError(
                source,
                f"{where}.id",
                Message("must start with {prefix}", prefix=repr(STRENGTH_PREFIX)),
            )
        if any(q.id == item_id for q in questions):
            raise ContentError(
                source, f"{where}.id", Message("{id} is used twice", id=repr(item_id))
            )
        questions.append(RatedQuestion(item_id, _text(item, "text", source, where), labels))
    return _text(raw, "intro", source, "strengths"), tuple(questions)


def _text(data: dict[str, Any], key: str, source: str, where: str) -> str:
    return ContentReader(source, data, where).text(key, max_len=2000)


def _labels(data: dict[str, Any], source: str, where: str) -> tuple[str, ...]:
    labels = data.get("labels")
    if (
        not isinstance(labels, list)
        or len(labels) != SCALE_SIZE
        or not all(isinstance(x, str) and x.strip() for x in labels)
    ):
        raise ContentError(
            source,
            f"{where}.labels",
            Message("must be {count} texts, one for each answer 0 to 4", count=SCALE_SIZE),
        )
    return tuple(labels)


def _question(data: dict[str, Any], key: str, source: str) -> RatedQuestion:
    raw = data.get(key)
    if not isinstance(raw, dict):
        raise ContentError(source, key, Message("must be an object with 'text' and 'labels'"))
    return RatedQuestion(key, _text(raw, "text", source, key), _labels(raw, source, key))
