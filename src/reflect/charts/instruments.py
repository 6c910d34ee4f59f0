"""Questionnaire subscales over time, with the published bands shaded behind them.

Bands are shaded in neutral tints and labelled in words rather than coloured red or green:
for some subscales higher is better (compassion satisfaction, wellbeing), for others worse,
and a colour would read as a verdict. A band the instrument flags for a pause gets a hatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    date_axis,
    empty_state,
    legend_above,
    margins,
    prepare,
    style_axes,
    text_width,
    title,
)
from reflect.domain.trends import BandThreshold, InstrumentSeries
from reflect.domain.words import ENGLISH, Words


def _shade_bands(ax: Axes, bands: Sequence[BandThreshold], style: ChartStyle) -> None:
    low, high = ax.get_ylim()
    for index, band in enumerate(bands):
        bottom = low if band.minimum is None else band.minimum
        top = high if band.maximum is None else band.maximum
        # Integer scores: draw the boundary half-way between "22 or less" and "23 or more".
        if band.minimum is not None and index > 0:
            bottom -= 0.5
        if band.maximum is not None and index < len(bands) - 1:
            top += 0.5
        ax.axhspan(
            bottom,
            top,
            color=style.text,
            alpha=0.05 if index % 2 == 0 else 0.11,
            linewidth=0,
            gid=f"band-{index}",
        )
        ax.text(
            1.005,
            (max(bottom, low) + min(top, high)) / 2,
            short_band_label(style.words(band.label)),
            transform=ax.get_yaxis_transform(),
            fontsize=style.font_size - 1.5,
            color=style.muted,
            va="center",
            ha="left",
            clip_on=False,
            gid="shaded-band-name",
        )
    ax.set_ylim(low, high)


def _spread_band_labels(figure: Figure, ax: Axes, style: ChartStyle) -> None:
    """Move the band names in the margin apart where narrow bands put them on top of each
    other (STSS: 'High (44 to 48)' just above 'Moderate (38 to 43)'), keeping their order."""
    labels = sorted(
        (t for t in ax.texts if t.get_gid() == "shaded-band-name"),
        key=lambda t: t.get_position()[1],
    )
    low, high = ax.get_ylim()
    box = ax.get_position()
    height = figure.get_figheight() * 72 * box.height  # the axes' height in points
    if len(labels) < 2 or height <= 0 or high <= low:
        return
    line = (style.font_size - 1.5) * 1.25
    per_point = (high - low) / height
    placed: list[float] = []  # centres in points from the axes' bottom
    for text in labels:
        lines = text.get_text().count("\n") + 1
        centre = (text.get_position()[1] - low) / per_point
        if placed:
            previous = labels[len(placed) - 1].get_text().count("\n") + 1
            centre = max(centre, placed[-1] + line * (lines + previous) / 2)
        placed.append(centre)
    for text, centre in zip(labels, placed, strict=True):
        text.set_y(low + centre * per_point)


def draw_instruments(
    figure: Figure,
    series: Sequence[InstrumentSeries],
    style: ChartStyle,
    instrument_id: str | None = None,
    span: tuple[date, date] | None = None,
) -> None:
    """One questionnaire (the first with results unless ``instrument_id`` is given).

    With ``span`` the dates cover the whole chosen range: results are months apart, and a
    single result stretched over its own few days would make the date axis meaningless.
    """
    instrument = next(
        (s for s in series if instrument_id is None or s.instrument_id == instrument_id), None
    )
    w = style.words
    if instrument is None:
        empty_state(
            figure,
            style,
            w("No questionnaires in this range"),
            w(
                "Scored questionnaires (ProQOL, WHO-5, STSS, CBI) appear here with their "
                "published bands once you record one on the Check-in screen."
            ),
        )
        return
    prepare(figure, style)
    name = w(instrument.name)
    title(
        figure,
        style,
        w("Questionnaire: {name}").format(name=name),
        _subtitle(instrument, w),
    )
    ax = figure.subplots()
    style_axes(ax, style)
    bands = instrument.shared_bands
    _whole_scale(ax, instrument)
    if bands:
        _shade_bands(ax, bands, style)
    _subscale_lines(figure, ax, instrument, name, style)
    ax.set_ylabel(w("Scores"), fontsize=style.font_size - 1)
    # Above the plot, right-aligned: never over the data.
    right = _band_names_room(bands, style)
    taller = legend_above(figure, ax, style, right=right, most=4)
    _date_span(ax, instrument, span)
    date_axis(ax, style)
    margins(figure, left=52, right=right, top=84 + taller, bottom=34)
    if bands:
        _spread_band_labels(figure, ax, style)


def _band_names_room(bands: Sequence[BandThreshold], style: ChartStyle) -> float:
    """Room on the right for the band names, only when there are bands: at least 110
    points, more when translated band names run longer."""
    if not bands:
        return 16.0
    names = [short_band_label(style.words(band.label)) for band in bands]
    return max(110.0, max(text_width(name, style.font_size - 1.5) for name in names) + 16)


def _whole_scale(ax: Axes, instrument: InstrumentSeries) -> None:
    """The whole possible scale, so a small change does not look dramatic."""
    values = [v for s in instrument.subscales for v in s.values]
    bands = instrument.shared_bands
    limits = [b.minimum for b in bands if b.minimum is not None]
    limits += [b.maximum for b in bands if b.maximum is not None]
    ends = [end for s in instrument.subscales if s.scale is not None for end in s.scale]
    low, high = min(values + limits + ends), max(values + limits + ends)
    pad = max(0.5, (high - low) * 0.04)
    ax.set_ylim(low - pad, high + pad)


def _subscale_lines(
    figure: Figure, ax: Axes, instrument: InstrumentSeries, name: str, style: ChartStyle
) -> None:
    w = style.words
    for index, sub in enumerate(instrument.subscales):
        (line,) = ax.plot(
            list(sub.dates),
            list(sub.values),
            color=style.colour(index),
            marker=style.marker(index),
            linewidth=1.8,
            markersize=5,
            label=w(sub.label),
            gid=f"subscale-{instrument.instrument_id}-{sub.key}",
        )
        texts = [
            f"{name}, {w(sub.label)}\n{w.date(d)}: {w.num(v, 'g')}" + _band_text(sub.bands, v, w)
            for d, v in zip(sub.dates, sub.values, strict=True)
        ]
        hover.add_points(figure, ax, line, texts)


def _date_span(ax: Axes, instrument: InstrumentSeries, span: tuple[date, date] | None) -> None:
    """The results' dates, stretched to the chosen range when ``span`` is given."""
    moments = [d for s in instrument.subscales for d in s.dates]
    first, last = min(moments), max(moments)
    if span is not None:
        first = min(first, datetime.combine(span[0], datetime.min.time()))
        last = max(last, datetime.combine(span[1], datetime.max.time()))
    pad_days = max(timedelta(days=3), (last - first) * 0.03)
    ax.set_xlim(first - pad_days, last + pad_days)


def _subtitle(instrument: InstrumentSeries, words: Words = ENGLISH) -> str:
    if not instrument.shared_bands:
        return words(
            "This questionnaire has no published bands to shade. A score is not a diagnosis."
        )
    if len(instrument.banded) < len(instrument.subscales):
        return words(
            "Shaded: the published bands for {subscales} (hover a point for its band). "
            "A score is not a diagnosis."
        ).format(subscales=", ".join(words(label) for label in instrument.banded))
    return words(
        "Shaded: the published bands (hover a point for its band). A score is not a diagnosis."
    )


def short_band_label(label: str, limit: int = 24) -> str:
    """The band's range for the margin ("Above 50"), the full label stays in the hover."""
    head = label.split(":", 1)[0].strip()
    if len(head) <= limit:
        return head
    # "Little or none (below 28)": the range on a second line rather than cut off.
    name, bracket, rest = head.partition(" (")
    if bracket and len(name) <= limit and len(rest) < limit:
        return f"{name}\n({rest}"
    return head[: limit - 1] + "…"


def _band_text(bands: Sequence[BandThreshold], value: float, words: Words = ENGLISH) -> str:
    for band in bands:
        if (band.minimum is None or value >= band.minimum) and (
            band.maximum is None or value <= band.maximum
        ):
            return f" ({words(band.label)})"
    return ""
