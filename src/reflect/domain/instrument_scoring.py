"""Score an instrument from answer numbers, driven entirely by its definition.

Pipeline per item: answer -> reversed (min + max - answer) if it is a reverse item ->
points (if the scale maps answers to points) -> per subscale sum or mean -> transform
(x multiply + add). The band is looked up on the final score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reflect.domain.checkin import InstrumentResult
from reflect.domain.errors import ValidationError
from reflect.domain.instruments import Band, InstrumentDefinition, Subscale


@dataclass(frozen=True)
class SubscaleScore:
    subscale: Subscale
    score: float
    minimum: float  # the lowest and highest scores this subscale can produce
    maximum: float
    band: Band | None

    @property
    def in_notice_band(self) -> bool:
        return self.band is not None and self.band.notice


@dataclass(frozen=True)
class InstrumentScore:
    definition: InstrumentDefinition
    answers: tuple[int, ...]
    subscales: tuple[SubscaleScore, ...]

    def to_result(self, taken_at: datetime) -> InstrumentResult:
        return InstrumentResult(
            instrument_id=self.definition.id,
            taken_at=taken_at,
            answers=list(self.answers),
            scores={s.subscale.id: s.score for s in self.subscales},
            bands={s.subscale.id: (s.band.id if s.band else None) for s in self.subscales},
        )

    def as_dict(self) -> dict[str, object]:
        """The stable JSON shape printed by ``reflect score``."""
        d = self.definition
        return {
            "instrument": d.id,
            "name": d.name,
            "time_frame": d.time_frame,
            "answers": list(self.answers),
            "subscales": [
                {
                    "id": s.subscale.id,
                    "label": s.subscale.label,
                    "score": s.score,
                    "min": s.minimum,
                    "max": s.maximum,
                    "method": s.subscale.method,
                    "higher_is": s.subscale.higher_is,
                    "band": s.band.id if s.band else None,
                    "band_label": s.band.label if s.band else None,
                }
                for s in self.subscales
            ],
            "caveats": list(d.caveats),
            "citation": d.citation,
            "attribution": d.attribution,
            "note": "A reflection aid, not a diagnosis.",
        }


def _round(value: float) -> float:
    # Two decimals keep CBI means readable; integers stay integers in JSON.
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def subscale_range(definition: InstrumentDefinition, subscale: Subscale) -> tuple[float, float]:
    scale = definition.scale
    values = [scale.value(a, False) for a in scale.values]
    low, high = min(values), max(values)
    n = len(subscale.items)
    if subscale.method == "sum":
        low, high = low * n, high * n
    ends = sorted((low * subscale.multiply + subscale.add, high * subscale.multiply + subscale.add))
    return _round(ends[0]), _round(ends[1])


def score(definition: InstrumentDefinition, answers: Sequence[int]) -> InstrumentScore:
    """Score a complete set of answers; raises ValidationError with a human message."""
    check_answers(definition, answers)
    results = []
    for subscale in definition.subscales:
        values = [
            definition.scale.value(answers[item - 1], item in definition.reverse_items)
            for item in subscale.items
        ]
        raw = sum(values) if subscale.method == "sum" else sum(values) / len(values)
        value = _round(raw * subscale.multiply + subscale.add)
        low, high = subscale_range(definition, subscale)
        results.append(SubscaleScore(subscale, value, low, high, subscale.band_for(value)))
    return InstrumentScore(definition, tuple(answers), tuple(results))


def check_answers(definition: InstrumentDefinition, answers: Sequence[int]) -> None:
    expected = definition.item_count
    if len(answers) != expected:
        raise ValidationError(
            "{name} has {expected} items; {given} answers were given.",
            name=definition.short_name,
            expected=expected,
            given=len(answers),
        )
    low, high = definition.scale.minimum, definition.scale.maximum
    wrong = [
        str(i + 1) for i, a in enumerate(answers) if isinstance(a, bool) or not low <= a <= high
    ]
    if wrong:
        template = (
            "Answers must be numbers from {low} to {high}; check items {items}."
            if len(wrong) > 1
            else "Answers must be numbers from {low} to {high}; check item {items}."
        )
        raise ValidationError(template, low=low, high=high, items=", ".join(wrong))


def parse_answers(text: str, definition: InstrumentDefinition) -> list[int]:
    """Read answer numbers typed from a paper form: '3,4,2', '3 4 2' or, on 0-9 scales, '342'."""
    text = text.strip()
    if not text:
        return []
    single_digit_scale = definition.scale.minimum >= 0 and definition.scale.maximum <= 9
    if single_digit_scale and re.fullmatch(r"\d+", text) and len(text) > 1:
        return [int(ch) for ch in text]
    parts = [p for p in re.split(r"[\s,;]+", text) if p]
    answers = []
    for index, part in enumerate(parts, start=1):
        if not re.fullmatch(r"-?\d+", part):
            raise ValidationError(
                "Answer {index} ('{part}') is not a whole number.", index=index, part=part
            )
        answers.append(int(part))
    return answers
