"""Trends dashboard: a range picker, the early-warning card and one chart per tab.

The screen only draws. Reading, caching and the worker threads belong to
``ui/trends_loader.py``: the screen asks it for a range and draws each ``ready(data)``;
until the first one it says "Preparing your charts…". A range change redraws the visible tab;
other tabs redraw when opened. The tabs are one table, ``ui/trends_tabs.TABS``. Charts follow
the palette (light or dark) of the widget they sit in.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from reflect.domain.errors import ReflectError
from reflect.domain.trends import DateRange, TrendsData
from reflect.services.session import Session
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import current_language, interface_words, local_date, tr
from reflect.ui.trends_loader import TrendsLoader
from reflect.ui.trends_tabs import (
    SIGN_OPTIONS,
    TABS,
    describe_tab,
    draw_tab,
    exposure_has_data,
    tab_has_data,
)
from reflect.ui.widgets.early_warning_card import EarlyWarningCard
from reflect.ui.widgets.range_picker import RangePicker
from reflect.ui.workers import run_in_background

if TYPE_CHECKING:
    from reflect.charts.style import ChartStyle
    from reflect.ui.widgets.trend_chart_panel import TrendChartPanel

BENCHMARK_RANGES = ("4w", "3m", "1y", "all")


# Kept importable from here for older callers and tests.
__all__ = ["SIGN_OPTIONS", "TABS", "TrendsScreen", "describe_tab", "draw_tab"]


_preloading: list[bool] = []  # one preload per process, however many screens are built


def preload_charts() -> None:
    """Import matplotlib and the chart modules on a worker, once per process."""
    if _preloading:
        return
    _preloading.append(True)
    run_in_background(_import_charts, _ignore, _ignore)


def _import_charts() -> None:
    # Pure-Python imports only. matplotlib's Qt canvas (trend_chart_panel) is imported by the
    # GUI thread when the first panel is built: importing Qt-bound modules on a worker while
    # the GUI thread imports the same ones could leave a half-initialised module behind, and
    # then no Trends screen in the process could ever draw.
    import matplotlib.figure  # noqa: F401 - the slow import, kept off the GUI thread

    import reflect.charts.categories  # noqa: F401


def _ignore(_result: object) -> None:
    """A failed preload changes nothing: the screen imports matplotlib on first show."""


class TrendsScreen(QWidget):
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    open_understanding_requested = Signal()
    charts_ready = Signal()  # the tabs are built and the first range is drawn
    history_read = Signal()  # the whole history is cached: every range draws at once

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(tr("Trends"))
        self.words = interface_words()
        self.data: TrendsData | None = None
        self.span: DateRange | None = None
        self.panels: list[TrendChartPanel] = []
        self._stale: set[int] = set()
        self._started = False
        # The workspace starts this right after unlock (about half a second saved on the
        # first visit); a screen built on its own (tests, benchmarks) starts it here.
        QTimer.singleShot(0, preload_charts)
        self._needs_refresh = False
        self.last_export: Any = None
        # The early-warning card reads recent check-ins and results; it is built on first
        # show (see _ensure_card) so unlocking does not pay for it twice (home has one too).
        self.warning_card: EarlyWarningCard | None = None
        self._layout = QVBoxLayout(self)
        self._build_header()
        self._build_pages()
        self.loader = TrendsLoader(session, self)
        self.loader.ready.connect(self._on_loader_ready)
        self.loader.reading.connect(self._on_loader_reading)
        self.loader.prepare_failed.connect(self.message.setText)
        self.loader.read_failed.connect(self.summary.setText)
        self.loader.history_read.connect(self.history_read)
        self.loader.changed.connect(self.refresh)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.export_current)

    def _build_header(self) -> None:
        heading = QLabel("<h2>" + tr("Trends") + "</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(heading)
        self._picker_day = self.session.trends.today()
        self.picker = RangePicker(self._picker_day, "3m")
        self.picker.range_chosen.connect(self._on_picker_range_chosen)
        self._layout.addWidget(self.picker)
        self.summary = QLabel()
        self.summary.setObjectName("mutedLabel")
        self.summary.setWordWrap(True)
        self._layout.addWidget(self.summary)

    def _build_pages(self) -> None:
        self.pages = QStackedWidget()
        self.message = QLabel(tr("Preparing your charts…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Charts"))
        # Every tab keeps its whole name. At normal size all nine fit; with large text or in
        # French they cannot, and names cut to "Sta…" or "For…" said nothing, so the bar
        # scrolls instead (arrows, Ctrl+Tab). Each tab's tooltip holds its full title.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.tabs)
        self._layout.addWidget(self.pages, 1)

    # --- preparing ------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return bool(self.panels)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._ensure_card()
        today = self.session.trends.today()
        if today > self._picker_day:  # open past midnight: the ranges end on the new day
            self._picker_day = today
            self.picker.set_today(today)
            self._needs_refresh = self._needs_refresh or self.picker.key != "custom"
        if (self._needs_refresh and self.is_ready) or not self._started:
            self._needs_refresh = False
            self._started = True
            self._request_chosen_range()

    def _ensure_card(self) -> None:
        if self.warning_card is None:
            card = EarlyWarningCard(self.session.early_warning, self, compact=True)
            card.open_resources_requested.connect(self.open_resources_requested)
            card.open_plan_requested.connect(self.open_plan_requested)
            card.open_understanding_requested.connect(self.open_understanding_requested)
            self._layout.insertWidget(1, card)
            self.warning_card = card
            self._card_before_picker(card)

    def _card_before_picker(self, card: QWidget) -> None:
        """Tab reaches the note where it is drawn, above the range buttons. Built on first
        show, the card would otherwise join the focus chain last, after the charts' tabs."""
        stops: list[QWidget] = []  # Qt ignores setTabOrder on a widget that takes no focus
        widget = card.nextInFocusChain()
        while widget is not None and widget is not card and card.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                stops.append(widget)
            widget = widget.nextInFocusChain()
        before = next(iter(self.picker.buttons.values())).previousInFocusChain()
        while before is not None and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        if before is None:
            return
        for stop in stops:
            QWidget.setTabOrder(before, stop)
            before = stop

    def _build_tabs(self) -> None:
        from reflect.ui.widgets.trend_chart_panel import TrendChartPanel

        for tab in TABS:
            label = tr(tab.label)
            panel = TrendChartPanel(tab.key, label, tr(tab.selector) if tab.selector else "")
            index = self.tabs.addTab(panel, tr(tab.tab_text))
            self.tabs.setTabToolTip(index, label)
            panel.selection_changed.connect(lambda i=index: self._render(i))
            panel.export_requested.connect(self.export_current)
            self.panels.append(panel)
        self.picker.set_first_day(self.session.trends.first_day())
        self.pages.setCurrentWidget(self.tabs)

    def render_now(self) -> None:
        """Build the tabs (importing matplotlib on this thread) and ask for the chosen range;
        the benchmarks use this instead of the background warm-up."""
        self.loader.prepare_now()
        self._request_chosen_range()

    def _custom_args(self) -> tuple[date | None, date | None]:
        return self.picker.custom_dates() if self.picker.key == "custom" else (None, None)

    # --- range and drawing ----------------------------------------------------------------

    def _on_picker_range_chosen(self, key: str, start: object, end: object) -> None:
        if self.is_ready:
            self._request_range(key, start, end)  # type: ignore[arg-type]

    def _request_chosen_range(self) -> None:
        self._request_range(self.picker.key, *self._custom_args())

    def _request_range(self, key: str, start: date | None, end: date | None) -> None:
        try:
            span = self.session.trends.range(key, start, end)
        except ReflectError as exc:
            self.summary.setText(message_in_language(exc))
            return
        self.loader.request(span)

    def _on_loader_reading(self) -> None:
        if self.is_ready:  # the charts keep the last range meanwhile
            self.summary.setText(tr("Reading your history for this range…"))

    def _on_loader_ready(self, data: TrendsData) -> None:
        first = not self.is_ready
        if first:
            self._build_tabs()
        self.span, self.data = data.range, data
        self._show_counts(data)
        for panel, tab in zip(self.panels, TABS, strict=True):
            if tab.options is not None:
                panel.set_options([(key, tr(label)) for key, label in tab.options(data)])
        self._stale = set(range(len(self.panels)))
        self._render(self.tabs.currentIndex())
        if first:
            self.charts_ready.emit()

    def _show_counts(self, data: TrendsData) -> None:
        counts = self.session.trends.counts(data)
        self.summary.setText(
            tr(
                "{range}: {checkins} check-ins, {reflections} reflections, "
                "{results} questionnaire scores."
            ).format(
                range=self.describe_span(data.range),
                checkins=counts["checkins"],
                reflections=counts["reflections"],
                results=counts["results"],
            )
        )

    @staticmethod
    def describe_span(span: DateRange) -> str:
        """'Everything up to 05 Nov 2026' / '05 Aug 2026 to 05 Nov 2026', in the language."""
        if current_language() == "en":
            described = span.describe()
            return f"{described[:1].upper()}{described[1:]}"
        if span.start is None:
            return tr("Everything up to {end}").format(end=local_date(span.end))
        return tr("{start} to {end}").format(start=local_date(span.start), end=local_date(span.end))

    def chart_style(self) -> ChartStyle:
        """Light or dark from this widget's palette, so charts match the theme in use."""
        from reflect.charts.style import chart_style

        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        return chart_style(
            dark=window.lightness() < 128,
            background=window.name(),
            text=palette.color(QPalette.ColorRole.WindowText).name(),
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            words=self.words,
        )

    def _render(self, index: int) -> None:
        if self.data is None or not 0 <= index < len(self.panels):
            return
        panel, data, style = self.panels[index], self.data, self.chart_style()
        tab, choice = TABS[index], panel.selection()
        exposure = self.loader.exposure(data.range) if tab.uses_exposure(choice) else None
        panel.chart.draw_with(lambda figure: tab.draw(figure, data, style, choice, exposure))
        panel.set_summary(tab.describe(data, choice, self.words, exposure))
        has_data = exposure_has_data(exposure) or tab_has_data(tab.key, data, choice)
        panel.export_button.setEnabled(has_data)
        panel.export_button.setToolTip(
            tr("Save this chart as a PNG image or a PDF (Ctrl+E)")
            if has_data
            else tr("Nothing to export: this chart is empty for the range chosen.")
        )
        self._stale.discard(index)

    def _on_tabs_current_changed(self, index: int) -> None:
        if index in self._stale:
            self._render(index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.is_ready:
            self._stale = set(range(len(self.panels)))
            self._render(self.tabs.currentIndex())

    def refresh(self) -> None:
        """Stored data changed (the loader follows the change events): redraw now if
        visible, else when next shown."""
        if self.warning_card is not None:
            self.warning_card.refresh()
        self._needs_refresh = True
        if self.is_ready and self.isVisible():
            self._needs_refresh = False
            self._request_chosen_range()

    def save_draft_now(self) -> None:
        """Charts keep nothing typed: there is no draft to keep."""

    # --- export ---------------------------------------------------------------------------

    def current_panel(self) -> TrendChartPanel | None:
        return self.panels[self.tabs.currentIndex()] if self.is_ready else None

    def export_current(self) -> None:
        panel = self.current_panel()
        if panel is None or not panel.export_button.isEnabled():
            return  # an empty chart is not exported (Ctrl+E does nothing either)
        try:
            self.last_export = panel.chart.export_with_dialog()
        except (OSError, ReflectError) as exc:
            reason = message_in_language(exc) if isinstance(exc, ReflectError) else str(exc)
            QMessageBox.warning(
                self,
                tr("Export chart"),
                tr("The chart could not be saved: {error}").format(error=reason),
            )
            return
        if self.last_export is not None:
            self.summary.setText(
                tr("Chart saved to {path} (readable only by you).").format(path=self.last_export)
            )

    # --- benchmark hook -------------------------------------------------------------------

    def benchmark_prepare(self) -> None:
        """Have the whole history cached and the tabs built, as a moment after the dashboard
        first opens (benchmarks/run_benchmarks.py calls this before timing range changes)."""
        self.session.trends.adopt(self.session.trends.snapshot())
        if not self.is_ready:
            self.render_now()

    def benchmark_filter_change(self, step: int) -> None:
        """Switch to another preset range and draw it (used by benchmarks/run_benchmarks.py)."""
        if not self.is_ready:
            self.render_now()
        self.picker.choose(BENCHMARK_RANGES[step % len(BENCHMARK_RANGES)])
        # The pixels are drawn by the canvas's pending draw_idle when the caller processes
        # events, exactly as in the app; drawing here as well would time two renders.
