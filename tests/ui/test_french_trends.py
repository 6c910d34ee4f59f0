"""The Trends screen in French: tabs, chart titles, axes, legends, hover texts, the charts in
words and exported images follow the language; English stays exactly as it was."""

from __future__ import annotations

import string
from datetime import date, datetime

import matplotlib
import pytest

matplotlib.use("agg")

from matplotlib.figure import Figure

from reflect.charts.style import chart_style, chart_title, date_formatter
from reflect.domain import trend_summaries
from reflect.domain.trends import DateRange, PracticeSeries
from reflect.domain.words import ENGLISH, Words
from reflect.ui import i18n
from tests.ui.trend_history import fill_trend_history

FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.")
ENGLISH_WORDS = ("Warning signs", "check-ins", "reflections", "Heavy days", "What helped")


@pytest.fixture
def filled(session):
    return fill_trend_history(session, "precontemplation")


def _screen(qtbot, session):
    from reflect.ui.screens.trends_screen import TrendsScreen

    widget = TrendsScreen(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    return widget


def _all_hover_texts(figure: Figure) -> list[str]:
    """Every text the pointer can bring up, found by sweeping each axes."""
    import numpy as np

    from reflect.charts.hover import _targets

    figure.canvas.draw()
    found = []
    for target in _targets(figure):
        box = target.ax.get_window_extent()
        for x in np.linspace(box.x0, box.x1, 80):
            for y in np.linspace(box.y0, box.y1, 24):
                hit = target.lookup(x, y)
                if hit is not None:
                    found.append(hit[0])
    return found


# --- the words themselves -------------------------------------------------------------------


def test_words_write_dates_numbers_and_plurals_in_their_language():
    words = Words(
        months=("janv.", "févr.", "mars", "avr.", "mai", "juin")
        + ("juil.", "août", "sept.", "oct.", "nov.", "déc."),
        months_long=("janvier",) * 10 + ("novembre", "décembre"),
        weekdays=("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
        weekdays_long=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        day_first=True,
        zero_is_singular=True,
        decimal=",",
        first_of_month="er",
    )
    day = date(2026, 11, 5)
    assert words.date(day) == "5 nov. 2026"
    assert words.date(day, "%a %d %b %Y") == "jeu. 5 nov. 2026"
    assert words.long(date(2026, 12, 1)) == "1er décembre 2026"
    assert words.num(3.25) == "3,2" and words.num(85.0, "g") == "85"
    assert words.plural(0, "{count} day", "{count} days") == "0 day"
    # English is strftime's own output, whatever the process locale.
    assert ENGLISH.date(day, "%a %d %b %Y") == "Thu 05 Nov 2026"
    assert ENGLISH.long(day) == "5 November 2026"
    assert ENGLISH.plural(0, "{count} day", "{count} days") == "0 days"


def test_date_axis_follows_the_language(french):
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    from reflect.ui.i18n import interface_words

    days = (date2num(date(2026, 1, 10)), date2num(date(2026, 9, 20)))
    figure = Figure()
    ax = figure.subplots()
    ax.set_xlim(*days)
    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ticks = locator()
    french_labels = date_formatter(locator, interface_words()).format_ticks(ticks)
    assert any(label in FRENCH_MONTHS for label in french_labels), french_labels
    assert not {"Feb", "Mar", "Apr", "Jun", "Jul", "Aug"} & set(french_labels)
    # English: exactly what matplotlib writes itself.
    english = date_formatter(locator, ENGLISH)
    assert english.format_ticks(ticks) == ConciseDateFormatter(locator).format_ticks(ticks)


# --- every chart and summary text has French ------------------------------------------------


def test_every_trends_text_has_french(filled, french):
    """Draw every chart (and its empty state) and write every summary with a translator that
    notes each English text asked for: each must be in the French catalogues."""
    from reflect.charts.practice import draw_practice
    from reflect.ui.i18n import interface_words
    from reflect.ui.screens.trends_screen import SIGN_OPTIONS, TABS, draw_tab
    from reflect.ui.screens.trends_screen import describe_tab as describe

    asked: set[str] = set()

    def noting(text: str) -> str:
        asked.add(text)
        return i18n.tr(text)

    base = interface_words()
    words = Words(**{**base.__dict__, "translate": noting})
    data = filled.trends.build_for("all")
    empty = filled.trends.build(DateRange("custom", date(1990, 1, 1), date(1990, 1, 2)))
    for dark in (False, True):
        style = chart_style(dark, words=words)
        for trends in (data, empty):
            for tab in TABS:
                key = tab.key
                asked.update({tab.label, tab.selector, tab.short} - {""})
                choices = [k for k, _ in SIGN_OPTIONS] if key == "signs" else [None]
                for choice in choices:
                    figure = Figure(figsize=(8, 4), dpi=96)
                    draw_tab(key, figure, trends, style, choice)
                    _all_hover_texts(figure)
                    describe(key, trends, choice, words)
    quarterly = [PracticeSeries("a", "Active listening", (date(2020, 1, 1),), (4.0,), (3,))]
    for period in ("week", "month", "quarter"):
        figure = Figure(figsize=(8, 4), dpi=96)
        draw_practice(figure, quarterly, period, chart_style(words=words))
        _all_hover_texts(figure)
        trend_summaries.practice_summary(quarterly, period, words)
    asked.update(label for _, label in SIGN_OPTIONS)
    hovers = {
        "Week of {date}",
        "{day}: heaviness {percent}%",
        "{value} of 4",
        "Quarter from {date}",
    }
    assert hovers <= asked  # the sweep did reach the hover texts
    names = {d.short_name for d in filled.instruments.definitions()}  # ProQOL 5, STSS…
    missing = sorted(text for text in asked - names if text not in french)
    assert missing == []
    for text in asked & set(french):
        keys = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert keys == {f for _, f, _, _ in string.Formatter().parse(french[text]) if f}


# --- the screen -----------------------------------------------------------------------------


def test_trends_screen_in_french(qtbot, filled, french):
    screen = _screen(qtbot, filled)
    tabs = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert tabs[0] == "Signes d'alerte" and "Ce qui a aidé" in tabs
    assert screen.accessibleName() == "Tendances"
    summary = screen.summary.text()
    assert "bilans" in summary and "réflexions" in summary and summary.startswith("Du ")
    panel = screen.panels[0]
    assert panel.export_button.text() == "Exporter le graphique…"
    assert panel.selector.itemText(0) == "Tous les signes d'alerte"
    assert panel.chart.title.startswith("Signes d'alerte au fil du temps")
    assert "bilans dans cette période" in panel.summary.text()
    assert panel.summary.accessibleName() == "Signes d'alerte en mots"
    assert "Signes d'alerte au fil du temps" in panel.chart.accessibleDescription()
    axis = panel.chart.figure.axes[0]
    legend = [t.get_text() for t in axis.get_legend().get_texts()]
    assert "Proche de votre habitude" in legend
    assert axis.get_ylabel() == "Score (0-4)"
    for index, panel in enumerate(screen.panels):
        screen.tabs.setCurrentIndex(index)
        text = f"{panel.chart.title} {panel.summary.text()}"
        assert not any(word in text for word in ENGLISH_WORDS), text
    hovers = _all_hover_texts(screen.panels[5].chart.figure)
    assert hovers and all(" : " in text for text in hovers)
    assert any(text.split(" ", 1)[0] in ("lun.", "mar.", "mer.", "jeu.", "ven.") for text in hovers)


def test_heavy_days_axes_and_export_are_in_french(qtbot, filled, french, tmp_path):
    screen = _screen(qtbot, filled)
    screen.picker.choose("1y")
    heavy = next(p for p in screen.panels if p.key == "heavy")
    screen.tabs.setCurrentWidget(heavy)
    axis = heavy.chart.figure.axes[0]
    rows = [t.get_text() for t in axis.get_yticklabels()]
    assert rows[0] == "lun." and rows[-1] == "dim."
    months = " ".join(t.get_text() for t in axis.get_xticklabels())
    assert any(month in months for month in FRENCH_MONTHS), months
    written = heavy.chart.export_to(tmp_path / "lourds.png")
    assert written.read_bytes().startswith(b"\x89PNG")
    assert chart_title(heavy.chart.figure) == "Jours lourds"
    pdf = heavy.chart.render_bytes("pdf")
    assert pdf.startswith(b"%PDF")


def test_bar_labels_too_long_in_french_wrap_instead_of_being_cut(filled, french):
    from reflect.charts.stages import draw_stages
    from reflect.ui.i18n import interface_words

    figure = Figure(figsize=(8, 4), dpi=96)
    data = filled.trends.build_for("all")
    draw_stages(figure, data.stages, chart_style(words=interface_words()))
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "N'envisage pas encore\nde changement"
    figure.canvas.draw()
    left = min(t.get_window_extent().x0 for t in figure.axes[0].get_yticklabels())
    assert left >= 0


def test_english_is_unchanged(qtbot, filled):
    from reflect.ui.i18n import interface_words

    assert i18n.current_language() == "en"
    assert interface_words() is ENGLISH
    screen = _screen(qtbot, filled)
    assert screen.tabs.tabText(0) == "Warning signs"
    assert screen.panels[0].chart.title == "Warning signs over time: all of them"
    assert "check-ins in this range" in screen.panels[0].summary.text()
    assert screen.panels[0].export_button.text() == "Export chart…"


def test_last_checkin_card_dates_follow_the_language(french):
    from reflect.ui.widgets.last_checkin_card import describe_when

    now = datetime(2026, 11, 30, 9)
    assert describe_when(datetime(2026, 11, 5, 18), now) == "5 nov. 2026"
    assert describe_when(datetime(2026, 11, 29, 18), now) == "hier"
    i18n.set_language("en")
    assert describe_when(datetime(2026, 11, 5, 18), now) == "2026-11-05"
