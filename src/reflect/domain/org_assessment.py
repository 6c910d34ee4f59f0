"""The organisational self-assessment: answers -> a rating per domain -> an action plan.

The assessment is an instrument definition (the same ``reflect-instrument/1`` format as the
questionnaires) whose subscales are the domains, so an organisation can import its own
licensed instrument instead of ours. It is answered by one person or by a group agreeing on
each answer; an item may be left unanswered ("we do not know"), which is itself useful.

A domain's rating comes from the mean of its answered items placed on the scale: on a 1-5
scale a mean of 3.5 or more reads as a strength and 3 or less as a gap (the reading used by
the OVC's organisational self-assessment), in between as partly there. A definition whose
bands are named ``strength``, ``partly`` and ``gap`` is read by its own bands instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reflect.domain.errors import ValidationError
from reflect.domain.instruments import InstrumentDefinition, Subscale

STRENGTH, PARTLY, GAP = "strength", "partly", "gap"
RATINGS = (STRENGTH, PARTLY, GAP)
# Fractions of the scale: 3.5 and 3 on a 1-5 scale.
STRENGTH_FROM = 0.625
GAP_UP_TO = 0.5
MODES = ("alone", "group")
MAX_TEXT = 500


@dataclass(frozen=True)
class DomainResult:
    domain: str  # subscale id
    label: str
    mean: float | None  # None when no item of the domain was answered
    answered: int
    items: int
    rating: str | None  # one of RATINGS, None when unanswered


@dataclass(frozen=True)
class AssessmentResult:
    definition_id: str
    taken_at: datetime
    mode: str  # "alone" or "group"
    participants: int
    answers: tuple[int | None, ...]
    domains: tuple[DomainResult, ...]
    id: int | None = None

    @property
    def gaps(self) -> tuple[DomainResult, ...]:
        return tuple(d for d in self.domains if d.rating == GAP)


@dataclass(frozen=True)
class ActionItem:
    domain: str
    what: str
    who: str
    by_when: date
    review_on: date
    assessment_id: int | None = None
    done_on: date | None = None
    id: int | None = None


def _fraction(definition: InstrumentDefinition, mean: float) -> float:
    values = [definition.scale.value(a, False) for a in definition.scale.values]
    low, high = min(values), max(values)
    return (mean - low) / (high - low)


def rate(definition: InstrumentDefinition, subscale: Subscale, mean: float) -> str:
    band = subscale.band_for(mean)
    if band is not None and band.id in RATINGS:
        return band.id
    fraction = _fraction(definition, mean)
    if subscale.higher_is == "worse":
        fraction = 1 - fraction
    if fraction >= STRENGTH_FROM - 1e-9:
        return STRENGTH
    if fraction <= GAP_UP_TO + 1e-9:
        return GAP
    return PARTLY


def assess(
    definition: InstrumentDefinition,
    answers: Sequence[int | None],
    *,
    mode: str = "alone",
    participants: int = 1,
    taken_at: datetime | None = None,
) -> AssessmentResult:
    """Rate each domain from the answers given (None = not answered)."""
    if len(answers) != definition.item_count:
        raise ValidationError(
            "The assessment has {expected} items; {given} answers were given.",
            expected=definition.item_count,
            given=len(answers),
        )
    low, high = definition.scale.minimum, definition.scale.maximum
    for index, answer in enumerate(answers, start=1):
        if answer is not None and (isinstance(answer, bool) or not low <= answer <= high):
            raise ValidationError(
                "Answer {index} must be from {low} to {high}.", index=index, low=low, high=high
            )
    if mode not in MODES:
        raise ValidationError("An assessment is answered alone or by a group.")
    if not 1 <= participants <= 500 or (mode == "group") != (participants > 1):
        raise ValidationError("A group assessment has 2 to 500 people; alone means one.")
    domains = []
    for subscale in definition.subscales:
        values = [
            definition.scale.value(answer, item in definition.reverse_items)
            for item in subscale.items
            if (answer := answers[item - 1]) is not None
        ]
        mean = round(sum(values) / len(values), 2) if values else None
        domains.append(
            DomainResult(
                domain=subscale.id,
                label=subscale.label,
                mean=mean,
                answered=len(values),
                items=len(subscale.items),
                rating=rate(definition, subscale, mean) if mean is not None else None,
            )
        )
    return AssessmentResult(
        definition_id=definition.id,
        taken_at=(taken_at or datetime.now()).replace(microsecond=0),
        mode=mode,
        participants=participants,
        answers=tuple(answers),
        domains=tuple(domains),
    )


def check_action(item: ActionItem) -> ActionItem:
    """An action needs something to do, someone to do it, a date and a later review."""
    what, who = item.what.strip(), item.who.strip()
    if not what:
        raise ValidationError("Write what will be done.")
    if not who:
        raise ValidationError("Write who will do it (a role is enough).")
    if len(what) > MAX_TEXT or len(who) > MAX_TEXT:
        raise ValidationError("Keep each field under {count} characters.", count=MAX_TEXT)
    if item.review_on < item.by_when:
        raise ValidationError("The review date comes on or after the date it is due.")
    return ActionItem(
        item.domain,
        what,
        who,
        item.by_when,
        item.review_on,
        item.assessment_id,
        item.done_on,
        item.id,
    )


def gaps_without_action(
    result: AssessmentResult, actions: Sequence[ActionItem]
) -> tuple[DomainResult, ...]:
    """Gaps of this assessment that no action answers yet: each gap leads to an action."""
    covered = {a.domain for a in actions if a.assessment_id in (None, result.id)}
    return tuple(d for d in result.gaps if d.domain not in covered)


def ratings_count(result: AssessmentResult) -> Mapping[str, int]:
    return {r: sum(1 for d in result.domains if d.rating == r) for r in RATINGS}
