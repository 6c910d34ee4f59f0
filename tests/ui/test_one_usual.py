"""One truth for "compared with your usual" (issue 16).

The same check-ins go to every place that describes them: Home, the check-in result, the
check-in history, the trends summaries, the coping suggestions, the debrief card and its
Markdown export. Each must say the same thing about the whole and about each part.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS
from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.trend_summaries import category_summary
from reflect.domain.trends import one_category_series
from reflect.domain.usual import ABOUT, HIGHER, LOWER, WORDING, compare_with_usual

NOW = datetime(2026, 11, 20, 19, 0)
ABOVE = ("emotional", "physical", "cognitive", "behavioural", "relational")


@pytest.fixture
def latest(session):
    """Three steady weeks, then five parts up and two down: overall about the usual."""
    items = [i.id for i in session.checkins.definition.items]
    for days in (21, 14, 7):
        session.checkins.record(dict.fromkeys(items, 2), taken_at=NOW - timedelta(days=days))
    week = {i: (3 if i.split(".")[0] in ABOVE else 0) for i in items}
    session.checkins.record(week, taken_at=NOW - timedelta(days=1))
    return session.checkins.latest_scored()


def test_the_domain_verdict_for_the_example(latest):
    compared = compare_with_usual(latest)
    assert compared.overall == ABOUT
    assert compared.parts_with(HIGHER) == list(ABOVE)
    assert compared.parts_with(LOWER) == ["spiritual", "work"]
    assert compared.summary() == (
        "Overall: about your usual, with 5 parts above it: Emotional, Physical, "
        "Thinking and worldview, Behaviour, Relationships."
    )


def test_every_place_says_the_same(qtbot, session, latest):
    from reflect.services.debrief_markdown import debrief_markdown
    from reflect.services.debrief_view import SharedView, checkin_card
    from reflect.ui.widgets.checkin_history_view import CheckinHistoryView
    from reflect.ui.widgets.checkin_result_view import CheckinResultView
    from reflect.ui.widgets.last_checkin_card import summary_lines

    compared = compare_with_usual(latest)
    sentence = compared.summary()

    # Home
    assert summary_lines(latest, NOW)[1] == sentence

    # The check-in result: the same sentence and, row by row, the same words
    result = CheckinResultView()
    qtbot.addWidget(result)
    result.show_result(latest)
    assert sentence in result.support.text()
    assert "higher than your usual" not in result.support.text().replace(sentence, "")
    grid = result.grid
    for row, key in enumerate((OVERALL, *CATEGORIES), start=1):
        cell = grid.itemAtPosition(row, 4).widget()
        assert isinstance(cell, QLabel)
        assert cell.text() == WORDING[compared.of(key)], key

    # The history list
    history = CheckinHistoryView(session)
    qtbot.addWidget(history)
    history.refresh()
    rows = [history.list.item(i).text() for i in range(history.list.count())]
    assert any(WORDING[compared.overall] in text for text in rows)

    # The trends summaries, one per part and one for the whole
    scored = session.checkins.scored_history()
    for key in (OVERALL, *CATEGORIES):
        text = category_summary(one_category_series(scored, key))
        assert text.endswith(f", {WORDING[compared.of(key)]} ({_usual(latest, key)}).")

    # The coping suggestions' reasons
    for suggestion in session.resources.suggestions_for_latest():
        if suggestion.category is None:
            continue
        expected = WORDING[compared.of(suggestion.category)]
        assert expected in suggestion.reason, suggestion.reason
        assert "among your higher areas" not in suggestion.reason

    # The debrief card and its Markdown export
    card = checkin_card("c1", latest)
    assert ("Compared with your usual", sentence) in card.lines
    for bar in card.bars:
        key = next(c for c in CATEGORIES if CATEGORY_LABELS[c] == bar.label)
        assert bar.text.endswith(WORDING[compared.of(key)])
    view = SharedView(1, "Week", "", None, None, (), (card,), (), (), (), ())
    assert sentence in debrief_markdown(view)


def _usual(entry, key: str) -> str:
    return f"{entry.baseline.get(key):.1f}"
