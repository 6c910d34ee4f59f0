"""The trends screen: prepared off the GUI thread, range changes redraw, export writes 0600."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.trend_history import NOW, fill_trend_history


@pytest.fixture
def filled(session):
    return fill_trend_history(session, "contemplation")


@pytest.fixture
def screen(qtbot, filled):
    from reflect.ui.screens.trends_screen import TrendsScreen

    widget = TrendsScreen(filled)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    # Generous: the worker imports matplotlib, which is slow on a busy CI machine.
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    # The first range is drawn from a partial read; the rest of the history follows.
    everything = filled.trends.range("all")
    qtbot.waitUntil(lambda: filled.trends.covers(everything), timeout=30_000)
    return widget


def test_a_wide_range_chosen_before_the_history_is_read_waits_for_it_off_the_gui(qtbot, filled):
    from reflect.ui.screens.trends_screen import TrendsScreen

    widget = TrendsScreen(filled)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    filled.trends.invalidate()  # as if the whole history were not read yet
    widget.picker.choose("all")
    assert widget.summary.text().startswith("Reading your history")
    assert widget.span.key == "3m"  # the charts keep the last range meanwhile
    qtbot.waitUntil(lambda: widget.span.key == "all", timeout=30_000)
    assert "4 reflections" in widget.summary.text()


def test_first_show_prepares_every_tab_with_a_titled_chart(screen):
    assert screen.is_ready
    assert screen.picker.key == "3m"
    # Three months hold the check-ins 10, 6, 3 and 1 weeks ago and three reflections.
    assert "4 check-ins, 3 reflections" in screen.summary.text()
    titles = []
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        titles.append(screen.panels[index].chart.title)
    assert all(titles), titles
    assert titles[0].startswith("Warning signs over time")


def test_changing_the_range_redraws_with_other_data(screen, qtbot):
    screen.tabs.setCurrentIndex(2)  # reflections per week
    qtbot.mouseClick(screen.picker.buttons["4w"], Qt.MouseButton.LeftButton)
    assert screen.span.key == "4w"
    assert "3 reflections" in screen.summary.text()
    short = sum(screen.data.weekly.counts)
    screen.picker.choose("all")
    assert sum(screen.data.weekly.counts) == 4 > short
    bars = [p for p in screen.panels[2].chart.figure.axes[0].patches]
    assert len(bars) == len(screen.data.weekly.weeks)


def test_a_backwards_custom_range_is_refused_and_keeps_the_charts(screen):
    before = screen.span
    screen.picker.choose("custom", date.today(), date.today() - timedelta(days=10))
    assert screen.picker.problem.text().startswith("The first day is after")
    assert screen.span == before
    screen.picker.choose("custom", date.today() - timedelta(days=60), date.today())
    assert screen.span.key == "custom" and screen.span.days == 61


def test_selector_switches_the_warning_sign_category(screen):
    panel = screen.panels[0]
    index = panel.selector.findData("emotional")
    panel.selector.setCurrentIndex(index)
    assert panel.chart.title == "Warning signs over time: emotional"


def test_export_writes_a_png_only_the_owner_can_read(screen, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "signs"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)")
    )
    screen.export_current()
    written = tmp_path / "signs.png"
    assert written.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "signs.png" in screen.summary.text()


def test_export_as_pdf_and_cancelled_export(screen, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "chart.pdf"
    target.write_text("old")
    target.chmod(0o644)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    screen.export_current()
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    screen.export_current()
    assert screen.last_export is None


def test_hover_reports_the_exact_value_under_the_pointer(screen):
    chart = screen.panels[0].chart
    chart.canvas.draw()
    ax = chart.figure.axes[0]
    line = next(li for li in ax.lines if (li.get_gid() or "").startswith("category-"))
    x, y = ax.transData.transform(line.get_xydata()[-1])
    text = chart.hover_text(x, y)
    assert text is not None and "of 4" in text
    assert chart.hover_text(1, 1) is None


def test_dark_palette_gives_dark_charts(screen):
    from reflect.ui.theme import palette_for

    screen.setPalette(palette_for("dark"))
    assert screen.chart_style().dark
    face = screen.panels[screen.tabs.currentIndex()].chart.figure.get_facecolor()
    assert sum(face[:3]) < 1.0


def test_new_data_is_read_off_the_gui_thread_and_drawn(screen, qtbot):
    items = [item.id for item in screen.session.checkins.definition.items]
    # No hand-wired refresh: the loader follows the change events.
    screen.session.checkins.record(dict.fromkeys(items, 2), taken_at=NOW - timedelta(days=1))
    assert screen.summary.text().startswith("Reading your history")
    qtbot.waitUntil(lambda: "5 check-ins" in screen.summary.text(), timeout=30_000)


def test_each_chart_is_also_described_in_words(screen):
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        panel = screen.panels[index]
        assert panel.summary.text().endswith(".")
        assert panel.summary.text() in panel.chart.accessibleDescription()
    screen.tabs.setCurrentIndex(0)
    assert "check-ins in this range" in screen.panels[0].summary.text()
