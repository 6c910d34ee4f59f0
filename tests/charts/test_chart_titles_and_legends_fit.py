"""Trends → Questionnaires at the smallest window, in French: a long imported questionnaire
name breaks onto more lines instead of being cut at the right edge, with the subtitle, the
legend and the plot moved down under it; the CBI's legend ("Épuisement personnel" …) no
longer runs off the left edge. Checked with matplotlib's own renderer: every text lies
inside the figure and the title, subtitle, legend and plot do not overlap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reflect.charts.instruments import draw_instruments
from reflect.charts.style import chart_style, chart_title
from reflect.charts.text_fit import legend_layout, text_width, wrap_to_width
from reflect.domain.instrument_scoring import score
from reflect.domain.trends import build_trends, date_range
from reflect.domain.words import Words
from reflect.services.instruments import load_shipped_definitions
from reflect.ui.i18n import load_catalogue
from tests.charts.chart_fit import box_of, cut_chart_texts, overlaps_on_top

LONG_NAME = "Bien-être de l'équipe d'accompagnement de nuit et des permanences téléphoniques"
TODAY = date(2026, 12, 7)
_CATALOGUE = load_catalogue("fr")
FRENCH = Words(translate=lambda text: _CATALOGUE.get(text, text), day_first=True, decimal=",")


def _data():
    shipped = {d.id: d for d in load_shipped_definitions()}
    night = replace(shipped["who5"], id="nightteam", name=LONG_NAME, short_name=LONG_NAME)
    definitions = shipped | {"nightteam": night}
    results = [
        score(d, [d.scale.minimum + 1] * d.item_count).to_result(datetime(2026, 12, 1, 9))
        for d in definitions.values()
    ]
    return build_trends(date_range("3m", TODAY), [], results, definitions, [])


DATA = _data()


def smallest_figure() -> Figure:
    """The chart's room at the smallest window (583 × 384 pixels at 96 dpi)."""
    figure = Figure(figsize=(583 / 96, 384 / 96), dpi=96)
    FigureCanvasAgg(figure)
    return figure


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("words", [None, FRENCH], ids=["english", "french"])
@pytest.mark.parametrize("instrument", ["nightteam", "cbi", "proqol5", "stss", "who5"])
def test_questionnaire_chart_text_fits_the_smallest_window(instrument, words, dark):
    figure = smallest_figure()
    draw_instruments(figure, DATA.instruments, chart_style(dark, words=words), instrument)
    assert cut_chart_texts(figure) == []
    assert overlaps_on_top(figure) == []


def test_a_long_name_breaks_between_words_and_the_title_stays_whole():
    figure = smallest_figure()
    draw_instruments(figure, DATA.instruments, chart_style(words=FRENCH), "nightteam")
    drawn = next(t for t in figure.texts if t.get_gid() == "chart-title")
    assert drawn.get_text().count("\n") >= 1  # it did not fit on one line
    assert chart_title(figure) == f"Questionnaire : {LONG_NAME}"
    assert drawn.get_text().replace("\n", " ") == chart_title(figure)


def test_a_short_title_is_drawn_exactly_as_before():
    figure = smallest_figure()
    draw_instruments(figure, DATA.instruments, chart_style(words=FRENCH), "who5")
    drawn = next(t for t in figure.texts if t.get_gid() == "chart-title")
    subtitle = next(t for t in figure.texts if t.get_gid() == "chart-subtitle")
    assert drawn.get_text() == chart_title(figure) == "Questionnaire : WHO-5"
    figure.canvas.draw()
    # 6 and 26 points from the top, as they always were (96 dpi: 4/3 pixels a point).
    top = figure.bbox.y1
    assert top - drawn.get_window_extent().y1 == pytest.approx(6 * 96 / 72, abs=0.5)
    assert top - subtitle.get_window_extent().y1 == pytest.approx(26 * 96 / 72, abs=0.5)
    assert figure.subplotpars.top == pytest.approx(1 - 84 / (384 * 0.75))


def _gap_under_title(instrument: str) -> float:
    figure = smallest_figure()
    draw_instruments(figure, DATA.instruments, chart_style(words=FRENCH), instrument)
    figure.canvas.draw()
    return box_of(figure, "chart-title").y0 - box_of(figure, "chart-subtitle").y1


def test_the_subtitle_keeps_its_usual_distance_under_a_title_on_two_lines():
    assert _gap_under_title("nightteam") == pytest.approx(_gap_under_title("who5"), abs=1)


@pytest.mark.parametrize(
    "text",
    [
        LONG_NAME,
        "Questionnaire : " + "Anticonstitutionnellementissimement" * 3,  # one word, too wide
        "a " * 120,
    ],
)
def test_a_wrapped_text_keeps_every_letter_and_each_line_fits(text):
    room = 200.0
    lines = wrap_to_width(text, 13, room).split("\n")
    assert len(lines) > 1
    assert all(text_width(line, 13) <= room for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_legend_too_wide_for_one_column_wraps_its_entries():
    labels = ["Épuisement lié à la clientèle et aux personnes accompagnées", "Total"]
    fitted, columns = legend_layout(labels, 9, 160, 4)
    assert columns == 1
    assert fitted[0].count("\n") >= 1 and fitted[1] == "Total"
    assert fitted[0].replace("\n", " ") == labels[0]
