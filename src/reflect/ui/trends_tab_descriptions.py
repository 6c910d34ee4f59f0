"""How each Trends tab says its chart in a sentence or two (see domain/trend_summaries.py),
for screen readers and the summary line under the chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.trends import TrendsData
from reflect.domain.words import Words
from reflect.ui.trends_tab_charts import exposure_calendar

if TYPE_CHECKING:
    from reflect.services.exposure import ExposureView


def describe_signs_tab(
    data: TrendsData,
    choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import category_summary

    return category_summary(data.category(choice or OVERALL), language)


def describe_questionnaires_tab(
    data: TrendsData,
    choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import instrument_summary

    found = [i for i in data.instruments if choice is None or i.instrument_id == choice]
    return instrument_summary(found[0] if found else None, language)


def describe_reflections_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import weekly_summary

    return weekly_summary(data.weekly, language)


def describe_practice_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import practice_summary

    return practice_summary(data.practice, data.practice_period, language)


def describe_stages_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import counts_summary

    noted, none = "Stages of change noted", "No stages of change noted in this range."
    return counts_summary(data.stages, noted, none, language)


def describe_heavy_tab(
    data: TrendsData,
    choice: str | None,
    language: Words,
    exposure: ExposureView | None = None,
) -> str:
    if choice == "exposure" and exposure is not None:
        from reflect.domain.exposure_summary import exposure_days_summary

        return exposure_days_summary(exposure_calendar(exposure).values, language)
    from reflect.domain.trend_summaries import heaviness_summary

    return heaviness_summary(data.heaviness, language)


def describe_helped_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.trend_summaries import counts_summary

    return counts_summary(
        data.helped,
        "Check-ins (of {answered}) where each helped quite a bit or a lot",
        "No check-in in this range said what helped.",
        language,
        answered=data.helped_checkins,
    )


def describe_strengths_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    _exposure: ExposureView | None = None,
) -> str:
    from reflect.domain.strengths import balance_summary

    return balance_summary(data.strengths, language)


def describe_exposure_tab(
    data: TrendsData,
    _choice: str | None,
    language: Words,
    exposure: ExposureView | None = None,
) -> str:
    if exposure is None:
        return language("No shifts logged in this range.")
    from reflect.domain.exposure_summary import exposure_summary, weekly_signs

    signs = data.category(OVERALL)
    return exposure_summary(
        exposure.weeks, weekly_signs(signs.dates, signs.values), exposure.breaks, language
    )
