"""Generates the demo profile's fictional data: a believable working life, in bulk.

A hidden "load" curve (0 calm to 1 very heavy) drives everything, so the screens tell one
story: a few heavy stretches a year (ramp up over two weeks, stay, then recover over a month
or so) on top of a calmer baseline. Check-in answers, sleep and energy, reflection intensity,
practice self-ratings and questionnaire answers all follow it, with noise. Writes go through
the services and repositories in one transaction per batch, so ten years take seconds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from reflect.domain.checkin import CheckIn
from reflect.domain.message import Message
from reflect.domain.reflection import FollowUp, Reflection
from reflect.services import demo_text as words
from reflect.services.demo_answers import template_answers
from reflect.services.session import Session

Progress = Callable[[int, str], None]

TEMPLATE_MIX = (
    ("trauma_informed", 0.38),
    ("quick", 0.30),
    ("gibbs", 0.10),
    ("what_so_what_now_what", 0.10),
    ("free_write", 0.12),
)
SETTING_MIX = (
    ("outreach", 0.30),
    ("shelter", 0.22),
    ("clinic", 0.12),
    ("court", 0.10),
    ("hotline", 0.12),
    ("phone", 0.10),
    ("other", 0.04),
)
# How strongly each warning-sign category follows the load (work and emotions most).
CATEGORY_SENSITIVITY = {
    "emotional": 1.0,
    "physical": 0.9,
    "cognitive": 0.8,
    "behavioural": 0.7,
    "relational": 0.7,
    "spiritual": 0.6,
    "work": 1.1,
}
INSTRUMENT_EVERY_DAYS = {"who5": 30, "proqol5": 91, "stss": 91, "cbi": 182}
BATCH = 500


@dataclass(frozen=True)
class DemoSize:
    years: int = 1
    reflections_per_year: int = 250
    checkins_per_year: int = 104


def load_curve(rng: random.Random, days: int) -> list[float]:
    """Daily load 0-1: a calm base, slow drift, and heavy stretches with a recovery tail."""
    base = [0.22 + 0.06 * math.sin(2 * math.pi * d / 365 + 1.3) for d in range(days)]
    day = rng.randint(20, 60)
    while day < days:
        ramp, plateau, recovery = rng.randint(7, 16), rng.randint(10, 30), rng.randint(20, 45)
        peak = rng.uniform(0.35, 0.62)
        for offset in range(ramp + plateau + recovery):
            d = day + offset
            if d >= days:
                break
            if offset < ramp:
                lift = peak * offset / ramp
            elif offset < ramp + plateau:
                lift = peak
            else:
                lift = peak * (1 - (offset - ramp - plateau) / recovery)
            base[d] += lift
        day += ramp + plateau + recovery + rng.randint(40, 110)
    drift = 0.0
    curve = []
    for value in base:
        drift = max(-0.08, min(0.08, drift + rng.gauss(0, 0.01)))
        curve.append(max(0.0, min(1.0, value + drift)))
    return curve


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class _Generator:
    def __init__(self, session: Session, size: DemoSize, end: date, seed: int) -> None:
        self.session = session
        self.size = size
        self.rng = random.Random(seed)
        self.days = 365 * size.years
        self.start = end - timedelta(days=self.days - 1)
        self.end = end
        self.load = load_curve(self.rng, self.days)

    def load_on(self, day: date) -> float:
        return self.load[min(self.days - 1, max(0, (day - self.start).days))]

    # --- check-ins --------------------------------------------------------------------------

    def checkins(self) -> list[CheckIn]:
        definition = self.session.checkins.definition
        count = self.size.checkins_per_year * self.size.years
        step = self.days / max(1, count)
        result = []
        for i in range(count):
            day = self.start + timedelta(days=int(i * step))
            load = self.load_on(day)
            scores = {}
            for item in definition.items:
                category = item.id.split(".")[0]
                sensitivity = CATEGORY_SENSITIVITY.get(category, 0.8)
                scores[item.id] = _clamp(
                    0.3 + 4.2 * load * sensitivity + self.rng.gauss(0, 0.55), 0, 4
                )
            helping = {
                key: _clamp(3.2 - 2.6 * load + self.rng.gauss(0, 0.6), 0, 4)
                for key in ("awareness", "balance", "connection")
            }
            # Strengths are a dimension of their own: mostly steady, only a little lower in heavy
            # weeks. Their own generator keeps every other demo number as it was.
            lift = random.Random(day.toordinal())
            for question in definition.strengths:
                scores[question.id] = _clamp(2.7 - 0.8 * load + lift.gauss(0, 0.6), 0, 4)
            minute = self.rng.randint(0, 150)
            result.append(
                CheckIn(
                    taken_at=datetime.combine(day, time(19, 0)) + timedelta(minutes=minute),
                    item_scores=scores,
                    sleep=_clamp(3.6 - 3.2 * load + self.rng.gauss(0, 0.6), 0, 4),
                    energy=_clamp(3.5 - 3.4 * load + self.rng.gauss(0, 0.6), 0, 4),
                    helping=helping,
                    helped_note=words.pick(self.rng, words.HELPED),
                    note=words.pick(self.rng, words.CHECKIN_NOTES),
                )
            )
        return result

    # --- questionnaires ---------------------------------------------------------------------

    def instrument_answers(self, instrument_id: str, load: float) -> list[int]:
        definition = self.session.instruments.get(instrument_id)
        low, high = definition.scale.minimum, definition.scale.maximum
        direction: dict[int, str] = {}
        for subscale in definition.subscales:
            for item in subscale.items:
                direction.setdefault(item, subscale.higher_is)
        answers = []
        for item in range(1, definition.item_count + 1):
            severity = min(1.0, max(0.0, 0.15 + 1.1 * load))
            worse = low + severity * (high - low)
            target = worse if direction.get(item, "worse") == "worse" else low + high - worse
            if item in definition.reverse_items:
                target = low + high - target
            answers.append(_clamp(target + self.rng.gauss(0, 0.6), low, high))
        return answers

    def instrument_results(self) -> list[tuple[str, list[int], datetime]]:
        known = {d.id for d in self.session.instruments.definitions()}
        results = []
        for instrument_id, every in INSTRUMENT_EVERY_DAYS.items():
            if instrument_id not in known:
                continue
            day = self.start + timedelta(days=self.rng.randint(3, every))
            while day <= self.end:
                when = datetime.combine(day, time(20, self.rng.randint(0, 59)))
                results.append(
                    (instrument_id, self.instrument_answers(instrument_id, self.load_on(day)), when)
                )
                day += timedelta(days=every + self.rng.randint(-4, 4))
        return sorted(results, key=lambda r: r[2])

    # --- reflections ------------------------------------------------------------------------

    def _follow_ups(self, day: date) -> list[FollowUp]:
        if self.rng.random() > 0.12:
            return []
        due = day + timedelta(days=self.rng.randint(3, 14))
        done = None
        # Older actions are done (a real list does not keep years of overdue items); a few
        # recent ones stay open so the home screen and the journal have something to show.
        if due < self.end - timedelta(days=21) or self.rng.random() < 0.4:
            finished = min(due - timedelta(days=self.rng.randint(0, 2)), self.end)
            done = datetime.combine(max(day, finished), time(17, 30))
        return [FollowUp(words.pick(self.rng, words.FOLLOW_UPS), due=due, done_at=done)]

    def reflections(self) -> list[Reflection]:
        rng = self.rng
        count = self.size.reflections_per_year * self.size.years
        # More reflections on heavier days and on weekdays, like real shift work.
        weights = [
            (0.6 + self.load[d]) * (0.45 if (self.start + timedelta(days=d)).weekday() >= 5 else 1)
            for d in range(self.days)
        ]
        days = sorted(rng.choices(range(self.days), weights=weights, k=count))
        result = []
        for d in days:
            day = self.start + timedelta(days=d)
            load = self.load[d]
            intensity = _clamp(1.5 + 8 * load + rng.gauss(0, 1.4), 0, 10)
            heavy = intensity >= 6
            template_id = _weighted(rng, TEMPLATE_MIX)
            occurred = datetime.combine(
                day, time(rng.randint(13, 22), rng.choice((0, 10, 20, 30, 40, 50)))
            )
            result.append(
                Reflection(
                    template_id=template_id,
                    occurred_at=occurred,
                    setting=_weighted(rng, SETTING_MIX),
                    tags=rng.sample(words.TAGS, rng.choice((0, 1, 1, 2))),
                    intensity=intensity,
                    feelings=words.feelings(rng, heavy),
                    answers=template_answers(self.rng, template_id, load, heavy),
                    follow_ups=self._follow_ups(day),
                    created_at=occurred + timedelta(minutes=rng.randint(5, 90)),
                )
            )
        return result


def _report(progress: Progress | None, pct: int, text: str) -> None:
    if progress:
        progress(pct, text)


def fill_demo_profile(
    session: Session,
    years: int = 1,
    progress: Progress | None = None,
    *,
    reflections_per_year: int = 250,
    checkins_per_year: int = 104,
    end: date | None = None,
    seed: int = 7,
) -> dict[str, int]:
    """Fill ``session``'s profile with ``years`` of fictional data; returns what was added."""
    from reflect.storage.bulk_reflections import add_reflections

    size = DemoSize(max(1, int(years)), reflections_per_year, checkins_per_year)
    # Up to yesterday: nothing in the demo is dated later than the moment it was made.
    gen = _Generator(session, size, end or date.today() - timedelta(days=1), seed)
    db = session.db
    _report(progress, 2, "Writing check-ins…")
    checkins = gen.checkins()
    session.checkins.record_many(checkins)
    _report(progress, 15, "Scoring questionnaires…")
    results = gen.instrument_results()
    session.instruments.record_many(results)
    _report(progress, 20, "Writing reflections…")
    reflections = gen.reflections()
    journal = session.journal
    for start in range(0, len(reflections), BATCH):
        add_reflections(db, [journal.validate(r) for r in reflections[start : start + BATCH]])
        done = min(len(reflections), start + BATCH)
        _report(
            progress,
            20 + int(70 * done / max(1, len(reflections))),
            Message("{count} reflections…", count=done),
        )
    extras = _fill_extras(session, gen)
    _report(progress, 100, "Demo profile ready.")
    return {
        "checkins": len(checkins),
        "instrument_results": len(results),
        "reflections": len(reflections),
        "follow_ups": sum(len(r.follow_ups) for r in reflections),
        **extras,
    }


def _fill_extras(session: Session, gen: _Generator) -> dict[str, int]:
    """My plan and the supervision debriefs."""
    from reflect.domain.my_plan import MyPlan, PlanPerson

    session.resources.save_plan(
        MyPlan(
            warning_signs=["Replaying calls at night", "Skipping lunch", "Snapping at home"],
            what_helps=[
                "A walk after work",
                "Cooking with music on",
                "Supervision every two weeks",
            ],
            people=[
                PlanPerson("My supervisor", "Work phone, weekdays", "After a heavy call"),
                PlanPerson("A close friend", "Text first", "For an evening off"),
            ],
            boundaries=["No work e-mail after 8 pm", "One late shift a week at most"],
        )
    )
    extras = {"plan": 1}
    from reflect.services.demo_exposure import fill_exposure

    extras.update(fill_exposure(session, gen.start, gen.end, gen.load_on))
    try:
        from reflect.services.demo_debriefs import fill_debriefs
    except ImportError:  # pragma: no cover - a build without debriefs
        return extras
    extras["debriefs"] = fill_debriefs(session, gen.start, gen.end, gen.rng)
    return extras
