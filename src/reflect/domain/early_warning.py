"""Early warning: notice a sustained rise or a result in a published high band. Pure logic.

A notice's id is built from what triggered it and when the streak began, so dismissing it
keeps it dismissed while the same streak continues, and a new streak later raises a new one.
Wording is gentle and never names a condition: it describes the numbers and points to
coping resources, the person's own plan and the people they trust. The sentences themselves
are content (``assets/resources/notices.json``, parsed by ``notice_wording``), handed in by
the caller.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, InstrumentResult
from reflect.domain.checkin_scoring import OVERALL, ScoredCheckIn
from reflect.domain.instruments import InstrumentDefinition
from reflect.domain.notice_wording import NoticeWording
from reflect.domain.words import ENGLISH


@dataclass(frozen=True)
class EarlyWarningRules:
    run_length: int = 3  # check-ins in a row
    overall_margin: float = 0.5  # points above the usual (0-4 scale) that count as "clearly"
    category_margin: float = 0.75  # categories have fewer items, so they wobble more


@dataclass(frozen=True)
class Notice:
    id: str
    kind: str  # "rise" (check-ins) or "band" (an instrument result)
    title: str
    message: str
    since: datetime
    category: str | None = None  # the warning-sign category that rose, if one did
    instrument_id: str | None = None
    subscale_id: str | None = None
    links: tuple[str, ...] = ("resources", "plan")
    # The same words as templates and values, so the interface can show them translated:
    # ``title == title_template.format(**values)`` (lists joined with ", "), same for message.
    title_template: str = ""
    message_template: str = ""
    args: tuple[tuple[str, str | tuple[str, ...]], ...] = ()

    @classmethod
    def worded(
        cls,
        title: str,
        message: str,
        args: tuple[tuple[str, str | tuple[str, ...]], ...],
        *,
        id: str,
        kind: str,
        since: datetime,
        category: str | None = None,
        instrument_id: str | None = None,
        subscale_id: str | None = None,
    ) -> Notice:
        """A notice whose title and message are these templates filled with ``args``."""
        return cls(
            id=id,
            kind=kind,
            title=fill(title, args),
            message=fill(message, args),
            since=since,
            category=category,
            instrument_id=instrument_id,
            subscale_id=subscale_id,
            title_template=title,
            message_template=message,
            args=args,
        )


def fill(template: str, args: tuple[tuple[str, str | tuple[str, ...]], ...]) -> str:
    """A notice template with its values (a tuple value is a list, joined with commas)."""
    values = {k: ", ".join(v) if isinstance(v, tuple) else v for k, v in args}
    return template.format(**values)


def _trailing_run(history: Sequence[ScoredCheckIn], key: str, margin: float) -> list[ScoredCheckIn]:
    run: list[ScoredCheckIn] = []
    for entry in reversed(history):
        difference = entry.difference(key)
        if difference is None or difference < margin:
            break
        run.append(entry)
    run.reverse()
    return run


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def rise_notices(
    history: Sequence[ScoredCheckIn],
    rules: EarlyWarningRules = EarlyWarningRules(),
    *,
    wording: NoticeWording,
) -> list[Notice]:
    """History oldest first, as from ``score_history``."""
    if len(history) < rules.run_length:
        return []
    rising = {
        key: run
        for key in CATEGORIES
        if len(run := _trailing_run(history, key, rules.category_margin)) >= rules.run_length
    }
    overall = _trailing_run(history, OVERALL, rules.overall_margin)
    if len(overall) >= rules.run_length:
        return [_overall_rise(overall, rising, wording)]
    return [_category_rise(key, run, wording) for key, run in rising.items()]


def _overall_rise(
    overall: list[ScoredCheckIn], rising: Mapping[str, list[ScoredCheckIn]], wording: NoticeWording
) -> Notice:
    """One notice for the overall rise, naming the categories that rose with it."""
    names = tuple(CATEGORY_LABELS[key].lower() for key in rising)
    title = wording.text("rise_overall", "title")
    message = (
        wording.text("rise_overall", "message")
        + (wording.text("rise_overall", "names") if names else "")
        + wording.text("rise_overall", "closing")
        + wording.support_sentence
    )
    args: tuple[tuple[str, str | tuple[str, ...]], ...] = (
        ("count", str(len(overall))),
        ("names", names),
    )
    return Notice.worded(
        title,
        message,
        args,
        id=f"rise:{OVERALL}:{_stamp(overall[0].checkin.taken_at)}",
        kind="rise",
        since=overall[0].checkin.taken_at,
    )


def _category_rise(key: str, run: list[ScoredCheckIn], wording: NoticeWording) -> Notice:
    label = CATEGORY_LABELS[key]
    title = wording.text("rise_category", "title")
    message = wording.text("rise_category", "message") + wording.support_sentence
    args: tuple[tuple[str, str | tuple[str, ...]], ...] = (
        ("label", label),
        ("count", str(len(run))),
        ("part", label.lower()),
    )
    return Notice.worded(
        title,
        message,
        args,
        id=f"rise:{key}:{_stamp(run[0].checkin.taken_at)}",
        kind="rise",
        since=run[0].checkin.taken_at,
        category=key,
    )


def band_notices(
    results: Iterable[InstrumentResult],
    definitions: Mapping[str, InstrumentDefinition],
    *,
    wording: NoticeWording,
) -> list[Notice]:
    """A notice per subscale whose latest results sit in a band marked ``notice``."""
    by_instrument: dict[str, list[InstrumentResult]] = {}
    for result in results:
        by_instrument.setdefault(result.instrument_id, []).append(result)
    notices = []
    for instrument_id, group in by_instrument.items():
        definition = definitions.get(instrument_id)
        if definition is None:
            continue
        group.sort(key=lambda r: r.taken_at)
        for subscale in definition.subscales:
            streak: list[InstrumentResult] = []
            for result in reversed(group):
                value = result.scores.get(subscale.id)
                band = subscale.band_for(value) if value is not None else None
                if band is None or not band.notice:
                    break
                streak.append(result)
            if not streak:
                continue
            first, latest = streak[-1], streak[0]
            band = subscale.band_for(latest.scores[subscale.id])
            assert band is not None
            title = wording.text("band", "title")
            message = wording.text("band", "message") + wording.support_sentence
            taken = latest.taken_at
            # Plain words first: a subscale named only "Total" is called by the
            # questionnaire's full name, and the short name ("STSS") comes second.
            what = definition.name if subscale.label == "Total" else subscale.label
            args: tuple[tuple[str, str | tuple[str, ...]], ...] = (
                ("instrument", definition.short_name),
                ("date", ENGLISH.long(taken)),
                ("date_iso", taken.date().isoformat()),
                ("subscale", what),
                ("score", f"{latest.scores[subscale.id]:g}"),
                ("band", band.label),
            )
            notices.append(
                Notice.worded(
                    title,
                    message,
                    args,
                    id=f"band:{instrument_id}:{subscale.id}:{_stamp(first.taken_at)}",
                    kind="band",
                    since=first.taken_at,
                    instrument_id=instrument_id,
                    subscale_id=subscale.id,
                )
            )
    return notices


def active_notices(notices: Iterable[Notice], dismissed: Collection[str]) -> list[Notice]:
    """Notices not yet dismissed, newest streak first."""
    return sorted(
        (n for n in notices if n.id not in dismissed), key=lambda n: n.since, reverse=True
    )
