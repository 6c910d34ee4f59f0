"""Instrument definitions: the scoring key of a published questionnaire, as validated data.

A definition holds facts only (item count, subscales, reverse items, scale, bands, citation).
Item wording is optional and present only in files an organisation imports because it has
the right to use that wording. Every problem is reported as a ContentError naming the file
and the field, so an organisation can fix its own files without reading code.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.content_fields import FieldReader
from reflect.domain.errors import ContentError

FORMAT = "reflect-instrument/1"
METHODS = ("sum", "mean")
DIRECTIONS = ("better", "worse")
MAX_ITEMS = 500


@dataclass(frozen=True)
class ResponseScale:
    minimum: int
    maximum: int
    labels: Mapping[int, str]
    # Optional answer -> points mapping applied after reversing (the CBI's 0/25/50/75/100).
    points: Mapping[int, float] | None = None

    def value(self, answer: int, reverse: bool) -> float:
        if reverse:
            answer = self.minimum + self.maximum - answer
        return float(self.points[answer]) if self.points is not None else float(answer)

    @property
    def values(self) -> range:
        return range(self.minimum, self.maximum + 1)


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    minimum: float | None  # inclusive; None = open below
    maximum: float | None  # inclusive; None = open above
    notice: bool = False  # a result in this band may raise a gentle early-warning notice

    def contains(self, score: float) -> bool:
        return (self.minimum is None or score >= self.minimum) and (
            self.maximum is None or score <= self.maximum
        )


@dataclass(frozen=True)
class Subscale:
    id: str
    label: str
    items: tuple[int, ...]
    method: str = "sum"
    multiply: float = 1.0
    add: float = 0.0
    higher_is: str = "worse"
    bands: tuple[Band, ...] = ()

    def band_for(self, score: float) -> Band | None:
        return next((band for band in self.bands if band.contains(score)), None)


@dataclass(frozen=True)
class InstrumentDefinition:
    id: str
    name: str
    short_name: str
    item_count: int
    time_frame: str
    scale: ResponseScale
    reverse_items: frozenset[int]
    subscales: tuple[Subscale, ...]
    citation: str
    licence: str
    attribution: str
    caveats: tuple[str, ...] = ()
    url: str = ""
    item_text: tuple[str, ...] | None = None
    source: str = ""

    def subscale(self, subscale_id: str) -> Subscale:
        for subscale in self.subscales:
            if subscale.id == subscale_id:
                return subscale
        raise KeyError(subscale_id)

    @property
    def has_item_text(self) -> bool:
        return self.item_text is not None


# --- loading ------------------------------------------------------------------------------


def read_definition_file(path: Path) -> dict[str, Any]:
    """Parse a JSON or TOML definition file into raw data (not yet validated)."""
    source = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(source, "(file)", f"cannot be read: {exc.strerror or exc}") from exc
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(raw.decode("utf-8"))
        else:
            data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ContentError(source, "(file)", "is not UTF-8 text") from exc
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(
            source, "(file)", f"is not valid {path.suffix.lstrip('.').upper() or 'JSON'}: {exc}"
        ) from exc
    return data


def load_definition(path: Path) -> InstrumentDefinition:
    return parse_definition(read_definition_file(path), path.name)


def parse_definition(data: Any, source: str) -> InstrumentDefinition:
    """Validate raw data and build a definition; raises ContentError on the first problem."""
    v = FieldReader(source)
    if not isinstance(data, dict):
        raise ContentError(source, "(top level)", "must be an object with named fields")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise ContentError(source, "format", f"must be {FORMAT!r}, found {fmt!r}")
    instrument_id = v.identifier(data, "id")
    item_count = v.integer(data, "items", 1, MAX_ITEMS)
    scale = _parse_scale(v, data)
    reverse = v.item_numbers(
        data.get("reverse_items", []), "reverse_items", item_count, allow_empty=True
    )
    subscales_raw = v.field(data, "subscales", list)
    if not subscales_raw:
        raise ContentError(source, "subscales", "needs at least one subscale")
    subscales = tuple(
        _parse_subscale(v, raw, f"subscales[{index}]", item_count)
        for index, raw in enumerate(subscales_raw)
    )
    seen: set[str] = set()
    for index, subscale in enumerate(subscales):
        if subscale.id in seen:
            raise ContentError(source, f"subscales[{index}].id", f"{subscale.id!r} is used twice")
        seen.add(subscale.id)
    caveats = data.get("caveats", [])
    if not isinstance(caveats, list) or not all(isinstance(c, str) and c.strip() for c in caveats):
        raise ContentError(source, "caveats", "must be a list of non-empty texts")
    item_text = data.get("item_text")
    if item_text is not None:
        if not isinstance(item_text, list) or not all(
            isinstance(t, str) and t.strip() for t in item_text
        ):
            raise ContentError(
                source, "item_text", "must be a list of non-empty texts, one per item"
            )
        if len(item_text) != item_count:
            raise ContentError(
                source,
                "item_text",
                f"has {len(item_text)} texts but the instrument has {item_count} items",
            )
    name = v.text(data, "name")
    return InstrumentDefinition(
        id=instrument_id,
        name=name,
        short_name=v.text(data, "short_name", default=name),
        item_count=item_count,
        time_frame=v.text(data, "time_frame"),
        scale=scale,
        reverse_items=frozenset(reverse),
        subscales=subscales,
        citation=v.text(data, "citation"),
        licence=v.text(data, "licence"),
        attribution=v.text(data, "attribution"),
        caveats=tuple(c.strip() for c in caveats),
        url=v.text(data, "url", default=""),
        item_text=tuple(t.strip() for t in item_text) if item_text is not None else None,
        source=source,
    )


def _parse_scale(v: FieldReader, data: dict[str, Any]) -> ResponseScale:
    raw = v.field(data, "response_scale", dict)
    minimum = v.integer(raw, "min", -100, 100, prefix="response_scale")
    maximum = v.integer(raw, "max", -100, 100, prefix="response_scale")
    if maximum <= minimum:
        raise ContentError(v.source, "response_scale.max", f"must be greater than min ({minimum})")
    if maximum - minimum > 20:
        raise ContentError(v.source, "response_scale", "spans more than 21 answers; is that right?")
    labels = v.answer_map(
        raw.get("labels", {}), "response_scale.labels", minimum, maximum, str, complete=False
    )
    points_raw = raw.get("points")
    points = None
    if points_raw is not None:
        points = v.answer_map(
            points_raw, "response_scale.points", minimum, maximum, float, complete=True
        )
    return ResponseScale(minimum, maximum, labels, points)


def _parse_subscale(v: FieldReader, raw: Any, where: str, item_count: int) -> Subscale:
    if not isinstance(raw, dict):
        raise ContentError(v.source, where, "must be an object")
    subscale_id = v.identifier(raw, "id", prefix=where)
    items = v.item_numbers(raw.get("items"), f"{where}.items", item_count, allow_empty=False)
    method = raw.get("method", "sum")
    if method not in METHODS:
        raise ContentError(
            v.source, f"{where}.method", f"must be one of {', '.join(METHODS)}, found {method!r}"
        )
    higher_is = raw.get("higher_is", "worse")
    if higher_is not in DIRECTIONS:
        raise ContentError(
            v.source, f"{where}.higher_is", f"must be 'better' or 'worse', found {higher_is!r}"
        )
    transform = raw.get("transform", {})
    if not isinstance(transform, dict) or set(transform) - {"multiply", "add"}:
        raise ContentError(v.source, f"{where}.transform", "may only hold 'multiply' and 'add'")
    multiply = v.number(transform, "multiply", 1.0, prefix=f"{where}.transform")
    add = v.number(transform, "add", 0.0, prefix=f"{where}.transform")
    if multiply == 0:
        raise ContentError(v.source, f"{where}.transform.multiply", "must not be 0")
    bands_raw = raw.get("bands", [])
    if not isinstance(bands_raw, list):
        raise ContentError(v.source, f"{where}.bands", "must be a list")
    bands = tuple(_parse_band(v, band, f"{where}.bands[{i}]") for i, band in enumerate(bands_raw))
    for index in range(1, len(bands)):
        previous, band = bands[index - 1], bands[index]
        if previous.maximum is None or band.minimum is None or band.minimum <= previous.maximum:
            raise ContentError(
                v.source,
                f"{where}.bands[{index}]",
                "bands must be listed from lowest to highest without overlapping",
            )
    label = raw.get("label", subscale_id)
    if not isinstance(label, str) or not label.strip():
        raise ContentError(v.source, f"{where}.label", "must be a non-empty text")
    return Subscale(subscale_id, label.strip(), items, method, multiply, add, higher_is, bands)


def _parse_band(v: FieldReader, raw: Any, where: str) -> Band:
    if not isinstance(raw, dict):
        raise ContentError(v.source, where, "must be an object")
    band_id = v.identifier(raw, "id", prefix=where)
    label = v.text(raw, "label", prefix=where)
    minimum = v.optional_number(raw, "min", where)
    maximum = v.optional_number(raw, "max", where)
    if minimum is None and maximum is None:
        raise ContentError(v.source, where, "needs a 'min', a 'max' or both")
    if minimum is not None and maximum is not None and minimum > maximum:
        raise ContentError(v.source, f"{where}.min", f"({minimum}) is above max ({maximum})")
    notice = raw.get("notice", False)
    if not isinstance(notice, bool):
        raise ContentError(v.source, f"{where}.notice", "must be true or false")
    return Band(band_id, label, minimum, maximum, notice)
