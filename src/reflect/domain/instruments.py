"""Instrument definitions: the scoring key of a published questionnaire, as validated data.

A definition holds facts only (item count, subscales, reverse items, scale, bands, citation).
Item wording is optional and present only in files an organisation imports because it has
the right to use that wording. Every problem is reported as a ContentError naming the file
and the field, so an organisation can fix its own files without reading code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError
from reflect.domain.message import Message
from reflect.domain.safe_json import shorten

FORMAT = "reflect-instrument/1"
METHODS = ("sum", "mean")
DIRECTIONS = ("better", "worse")
MAX_ITEMS = 500
MAX_MULTIPLY = 1000.0


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
    return load_content_file(path, toml_allowed=True)  # type: ignore[no-any-return]


def load_definition(path: Path) -> InstrumentDefinition:
    return parse_definition(read_definition_file(path), path.name)


def parse_definition(data: Any, source: str) -> InstrumentDefinition:
    """Validate raw data and build a definition; raises ContentError on the first problem."""
    v = ContentReader(source, data, "", Message("must be an object with named fields"))
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        v.fail(
            "format",
            Message("must be {format}, found {found}", format=repr(FORMAT), found=shorten(fmt)),
        )
    instrument_id = v.identifier("id", dashes=True)
    item_count = v.integer("items", 1, MAX_ITEMS)
    scale = _parse_scale(v.child("response_scale", problem=Message("must be an object")))
    reverse = v.item_numbers("reverse_items", item_count, allow_empty=True)
    subscales = tuple(
        _parse_subscale(sub, item_count)
        for sub in v.children("subscales", Message("needs at least one subscale"))
    )
    seen: set[str] = set()
    for index, subscale in enumerate(subscales):
        if subscale.id in seen:
            raise ContentError(
                source,
                f"subscales[{index}].id",
                Message("{id} is used twice", id=repr(subscale.id)),
            )
        seen.add(subscale.id)
    caveats = v.texts("caveats", Message("must be a list of non-empty texts"))
    item_text = None
    if data.get("item_text") is not None:
        item_text = v.texts("item_text", Message("must be a list of non-empty texts, one per item"))
        if len(item_text) != item_count:
            v.fail(
                "item_text",
                Message(
                    "has {given} texts but the instrument has {count} items",
                    given=len(item_text),
                    count=item_count,
                ),
            )
    name = v.text("name")
    return InstrumentDefinition(
        id=instrument_id,
        name=name,
        short_name=v.text("short_name", required=False, default=name) or name,
        item_count=item_count,
        time_frame=v.text("time_frame"),
        scale=scale,
        reverse_items=frozenset(reverse),
        subscales=subscales,
        citation=v.text("citation"),
        licence=v.text("licence"),
        attribution=v.text("attribution"),
        caveats=tuple(caveats),
        url=v.text("url", required=False),
        item_text=tuple(item_text) if item_text is not None else None,
        source=source,
    )


def _parse_scale(raw: ContentReader) -> ResponseScale:
    minimum = raw.integer("min", -100, 100)
    maximum = raw.integer("max", -100, 100)
    if maximum <= minimum:
        raw.fail("max", Message("must be greater than min ({low})", low=minimum))
    if maximum - minimum > 20:
        raw.fail("", Message("spans more than 21 answers; is that right?"))
    labels = raw.answer_map("labels", minimum, maximum, str, complete=False)
    points = None
    if raw.get("points") is not None:
        points = raw.answer_map("points", minimum, maximum, float, complete=True)
    return ResponseScale(minimum, maximum, labels, points)


def _parse_subscale(raw: ContentReader, item_count: int) -> Subscale:
    subscale_id = raw.identifier("id", dashes=True)
    items = raw.item_numbers("items", item_count, allow_empty=False)
    method = raw.choice("method", METHODS, default="sum")
    higher_is = raw.choice("higher_is", DIRECTIONS, default="worse")
    transform_raw = raw.get("transform", {})
    if not isinstance(transform_raw, dict) or set(transform_raw) - {"multiply", "add"}:
        raw.fail("transform", Message("may only hold 'multiply' and 'add'"))
    transform = ContentReader(raw.source, transform_raw, raw.where("transform"))
    # A score is a sum of at most 500 answers of at most 100: these keep it far from overflow.
    multiply = transform.number("multiply", 1.0, limit=MAX_MULTIPLY)
    add = transform.number("add", 0.0)
    if multiply == 0:
        transform.fail("multiply", Message("must not be 0"))
    bands_raw = raw.get("bands", [])
    if not isinstance(bands_raw, list):
        raw.fail("bands", Message("must be a list"))
    bands = tuple(_parse_band(raw.child("bands", i)) for i in range(len(bands_raw)))
    for index in range(1, len(bands)):
        previous, band = bands[index - 1], bands[index]
        if previous.maximum is None or band.minimum is None or band.minimum <= previous.maximum:
            raise ContentError(
                raw.source,
                f"{raw.where('bands')}[{index}]",
                Message("bands must be listed from lowest to highest without overlapping"),
            )
    label = raw.text("label") if raw.has("label") else subscale_id
    return Subscale(subscale_id, label, items, method, multiply, add, higher_is, bands)


def _parse_band(raw: ContentReader) -> Band:
    band_id = raw.identifier("id", dashes=True)
    label = raw.text("label")
    minimum = raw.optional_number("min")
    maximum = raw.optional_number("max")
    if minimum is None and maximum is None:
        raw.fail("", Message("needs a 'min', a 'max' or both"))
    if minimum is not None and maximum is not None and minimum > maximum:
        raw.fail("min", Message("({low}) is above max ({high})", low=minimum, high=maximum))
    return Band(band_id, label, minimum, maximum, raw.boolean("notice"))
