"""Trends dashboard: a range picker, the early-warning card and one chart per tab.

Opening the workspace must stay quick, so nothing here imports matplotlib: the first time
the screen is shown, a worker thread imports it and reads the whole history through its own
connection, while the screen says "Preparing your charts…". After that a range change only
slices cached data (see services/trends.py) and redraws the visible tab; other tabs redraw
when opened. Charts follow the palette (light or dark) of the widget they sit in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS
from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.errors import ReflectError
from reflect.domain.trends import (
    HEATMAP_MAX_DAYS,
    CategorySeries,
    DailyHeaviness,
    DateRange,
    TrendsData,
)
from reflect.domain.words import ENGLISH, Words
from reflect.services.session import Session
from reflect.ui.i18n import current_language, interface_words, local_date, tr
from reflect.ui.widgets.early_warning_card import EarlyWarningCard
from reflect.ui.widgets.range_picker import RangePicker
from reflect.ui.workers import run_in_background

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from reflect.charts.style import ChartStyle
    from reflect.services.exposure import ExposureView
    from reflect.ui.widgets.trend_chart_panel import TrendChartPanel

# (key, tab label, selector label or ""), in English: the screen translates them.
TABS: tuple[tuple[str, str, str], ...] = (
    ("signs", "Warning signs", "Show:"),
    ("questionnaires", "Questionnaires", "Questionnaire:"),
    ("reflections", "Reflections", ""),
    ("practice", "Practice", ""),
    ("stages", "Stages of change", ""),
    ("heavy", "Heavy days", "Show:"),
    ("helped", "What helped", ""),
    ("strengths", "Strengths and strain", ""),
    ("exposure", "Exposure", ""),
)
# What the heavy-days calendar shows: the person's feelings (check-ins and reflections) or
# the exposure they logged.
HEAVY_OPTIONS = [("feelings", "Feelings"), ("exposure", "Exposure")]
# Shorter words on the tab itself, so every tab shows at large type and in French; the full
# name stays in the tooltip, the chart's title and its accessible name.
TAB_SHORT = {"stages": "Stages", "strengths": "Strengths"}
SIGN_OPTIONS = [(OVERALL, "All warning signs")] + [(c, CATEGORY_LABELS[c]) for c in CATEGORIES]
HISTORY_READ_DELAY_MS = 1500
BENCHMARK_RANGES = ("4w", "3m", "1y", "all")


def draw_tab(
    key: str,
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    exposure: ExposureView | None = None,
) -> None:
    """Draw one tab's chart; imported chart modules stay off the start-up path."""
    if key == "exposure":
        from reflect.charts.exposure import draw_exposure

        weeks, breaks = (exposure.weeks, exposure.breaks) if exposure else ([], [])
        draw_exposure(figure, weeks, breaks, data.category(OVERALL), style, strengths_of(data))
    elif key == "heavy" and choice == "exposure" and exposure is not None:
        from reflect.charts.heatmap import draw_heatmap

        draw_heatmap(figure, exposure_calendar(exposure), style)
    elif key == "signs":
        from reflect.charts.categories import draw_categories

        key = choice or OVERALL
        draw_categories(figure, (data.category(key),), style, key)
    elif key == "questionnaires":
        from reflect.charts.instruments import draw_instruments

        span = data.range
        first = span.start or min(
            (d.date() for i in data.instruments for s in i.subscales for d in s.dates),
            default=span.end,
        )
        draw_instruments(figure, data.instruments, style, choice, (first, span.end))
    elif key == "reflections":
        from reflect.charts.reflections import draw_weekly_reflections

        draw_weekly_reflections(figure, data.weekly, style)
    elif key == "practice":
        from reflect.charts.practice import draw_practice

        draw_practice(figure, data.practice, data.practice_period, style)
    elif key == "stages":
        from reflect.charts.stages import draw_stages

        draw_stages(figure, data.stages, style)
    elif key == "heavy":
        from reflect.charts.heatmap import draw_heatmap

        draw_heatmap(figure, data.heaviness, style)
    elif key == "helped":
        from reflect.charts.helped import draw_helped

        draw_helped(figure, data.helped, data.helped_checkins, style)
    elif key == "strengths":
        from reflect.charts.strengths import draw_strengths

        draw_strengths(figure, data.strengths, style)
    else:  # pragma: no cover - TABS and this function are kept together
        raise KeyError(key)


def strengths_of(data: TrendsData) -> CategorySeries:
    """The strengths of each check-in as a series, for the Exposure tab's second line."""
    points = data.strengths
    return CategorySeries(
        "strengths",
        "Strengths",
        tuple(p.when for p in points),
        tuple(p.strengths for p in points),
        tuple(None for _ in points),
    )


def exposure_calendar(exposure: ExposureView) -> DailyHeaviness:
    """The exposure of each logged day as the heavy-days calendar's 0-1 values."""
    start = max(exposure.start, exposure.end - timedelta(days=HEATMAP_MAX_DAYS - 1))
    kept = {day: value for day, value in exposure.daily.items() if start <= day <= exposure.end}
    return DailyHeaviness(start, exposure.end, kept)


def describe_tab(
    key: str,
    data: TrendsData,
    choice: str | None,
    language: Words = ENGLISH,
    exposure: ExposureView | None = None,
) -> str:
    """The chart of ``key`` in a sentence or two (see domain/trend_summaries.py), in the
    language of ``language`` (see ``i18n.interface_words``)."""
    from reflect.domain import trend_summaries as words

    if exposure is None and key == "exposure":
        return language("No shifts logged in this range.")
    if exposure is not None and (key == "exposure" or (key == "heavy" and choice == "exposure")):
        from reflect.domain.exposure_summary import (
            exposure_days_summary,
            exposure_summary,
            weekly_signs,
        )

        if key == "heavy":
            return exposure_days_summary(exposure_calendar(exposure).values, language)
        signs = data.category(OVERALL)
        return exposure_summary(
            exposure.weeks, weekly_signs(signs.dates, signs.values), exposure.breaks, language
        )
    if key == "signs":
        return words.category_summary(data.category(choice or OVERALL), language)
    if key == "questionnaires":
        found = [i for i in data.instruments if choice is None or i.instrument_id == choice]
        return words.instrument_summary(found[0] if found else None, language)
    if key == "reflections":
        return words.weekly_summary(data.weekly, language)
    if key == "practice":
        return words.practice_summary(data.practice, data.practice_period, language)
    if key == "stages":
        return words.counts_summary(
            data.stages,
            "Stages of change noted",
            "No stages of change noted in this range.",
            language,
        )
    if key == "heavy":
        return words.heaviness_summary(data.heaviness, language)
    if key == "strengths":
        from reflect.domain.strengths import balance_summary

        return balance_summary(data.strengths, language)
    return words.counts_summary(
        data.helped,
        "Check-ins (of {answered}) where each helped quite a bit or a lot",
        "No check-in in this range said what helped.",
        language,
        answered=data.helped_checkins,
    )


def _warm_up(session: Session, since: datetime | None) -> object:
    """Worker thread: import matplotlib and the charts, read the first range's history on a
    second connection (the rest follows in ``_read_history``)."""
    import matplotlib.figure  # noqa: F401 - the slow import, done here rather than on the GUI

    import reflect.charts.categories  # noqa: F401

    return _read_history(session, since)


def _read_history(session: Session, since: datetime | None = None) -> object:
    """Worker thread: the history from ``since`` (all of it by default), on its own connection."""
    from reflect.services.worker_session import separate_session

    with separate_session(session) as second:
        return second.trends.snapshot(since)


class TrendsScreen(QWidget):
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    open_understanding_requested = Signal()
    charts_ready = Signal()
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
        self._needs_refresh = False
        self._reading = False  # a whole-history read is running on a worker thread
        self._waiting: DateRange | None = None  # the range shown once that read is done
        self.last_export: Any = None
        # The Exposure tab's shifts and breaks for the range on screen, read when a tab that
        # needs them is drawn (small: a few thousand rows for ten years) and forgotten on
        # refresh or a range change.
        self._exposure: ExposureView | None = None

        layout = QVBoxLayout(self)
        heading = QLabel("<h2>" + tr("Trends") + "</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        # The early-warning card reads recent check-ins and results; it is built on first
        # show (see _ensure_card) so unlocking does not pay for it twice (home has one too).
        self.warning_card: EarlyWarningCard | None = None
        self._layout = layout
        self.picker = RangePicker(date.today(), "3m")
        self.picker.range_chosen.connect(self._on_picker_range_chosen)
        layout.addWidget(self.picker)
        self.summary = QLabel()
        self.summary.setObjectName("mutedLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.pages = QStackedWidget()
        self.message = QLabel(tr("Preparing your charts…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Charts"))
        # Every tab stays in view (scroll arrows hide the last ones); a tab too narrow for its
        # word ends in "…" and shows the whole name in its tooltip.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.export_current)

    # --- preparing ------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        return bool(self.panels)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._ensure_card()
        if self._needs_refresh and self.is_ready:
            self._needs_refresh = False
            self._apply_range(self.picker.key, *self._custom_args())
        if not self._started:
            self._started = True
            try:
                since = self.session.trends.range(self.picker.key, *self._custom_args()).since
            except ReflectError:
                since = None
            run_in_background(
                lambda: _warm_up(self.session, since),
                self._on_warm_up_done,
                self._on_warm_up_failed,
            )

    def _ensure_card(self) -> None:
        if self.warning_card is None:
            card = EarlyWarningCard(self.session.early_warning)
            card.open_resources_requested.connect(self.open_resources_requested)
            card.open_plan_requested.connect(self.open_plan_requested)
            card.open_understanding_requested.connect(self.open_understanding_requested)
            self._layout.insertWidget(1, card)
            self.warning_card = card

    def _alive(self) -> bool:
        from shiboken6 import isValid

        return isValid(self) and self.session.is_open

    def _on_warm_up_done(self, snapshot: Any) -> None:
        if not self._alive() or self.is_ready:
            return
        self.session.trends.adopt(snapshot)
        self.render_now()
        # Read the rest so a wider range is ready when chosen, but only once the first chart
        # is on screen: the read competes with drawing for the interpreter.
        QTimer.singleShot(HISTORY_READ_DELAY_MS, self._read_history_when_alive)

    def _read_history_when_alive(self) -> None:
        # Skipped when a wider range already read everything (no second copy in memory).
        if self._alive() and not self.session.trends.covers(self.session.trends.range("all")):
            self._read_history_in_background()

    def _read_history_in_background(self) -> None:
        """Read the whole history off the GUI thread, then draw the range waiting for it."""
        if self._reading:
            return
        self._reading = True
        run_in_background(
            lambda: _read_history(self.session), self._on_history_read, self._on_history_failed
        )

    def _on_history_read(self, snapshot: Any) -> None:
        self._reading = False
        if not self._alive():
            return
        self.session.trends.adopt(snapshot)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            if self.session.trends.covers(waiting):
                self._apply_range(waiting.key, waiting.start, waiting.end)
            else:  # the data changed while reading: read again
                self._waiting = waiting
                self._read_history_in_background()
        self.history_read.emit()

    def _on_history_failed(self, error: BaseException) -> None:
        self._reading = False
        if self._alive() and self._waiting is not None:
            self._waiting = None
            self.summary.setText(tr("Your history could not be read: {error}").format(error=error))

    def _on_warm_up_failed(self, error: BaseException) -> None:
        if not self._alive() or self.is_ready:
            return
        self.message.setText(tr("The charts could not be prepared: {error}").format(error=error))

    def render_now(self) -> None:
        """Build the tabs (importing matplotlib if needed) and draw the chosen range now."""
        if not self.is_ready:
            from reflect.ui.widgets.trend_chart_panel import TrendChartPanel

            for key, english, selector in TABS:
                label = tr(english)
                panel = TrendChartPanel(key, label, tr(selector) if selector else "")
                index = self.tabs.addTab(panel, tr(TAB_SHORT.get(key, english)))
                self.tabs.setTabToolTip(index, label)
                panel.selection_changed.connect(lambda i=index: self._render(i))
                panel.export_requested.connect(self.export_current)
                self.panels.append(panel)
            self.panels[0].set_options([(key, tr(label)) for key, label in SIGN_OPTIONS])
            heavy = next(p for p in self.panels if p.key == "heavy")
            heavy.set_options([(key, tr(label)) for key, label in HEAVY_OPTIONS])
            self.picker.set_first_day(self.session.trends.first_day())
            self.pages.setCurrentWidget(self.tabs)
        self._apply_range(self.picker.key, *self._custom_args())
        self.charts_ready.emit()

    def _custom_args(self) -> tuple[date | None, date | None]:
        return self.picker.custom_dates() if self.picker.key == "custom" else (None, None)

    # --- range and drawing ----------------------------------------------------------------

    def _on_picker_range_chosen(self, key: str, start: object, end: object) -> None:
        if self.is_ready:
            self._apply_range(key, start, end)  # type: ignore[arg-type]

    def _apply_range(self, key: str, start: date | None, end: date | None) -> None:
        try:
            span = self.session.trends.range(key, start, end)
        except ReflectError as exc:
            self.summary.setText(tr(str(exc)))
            return
        if not self.session.trends.covers(span) and self.is_ready:
            # Reading years of history takes about a second: never on the GUI thread.
            self._waiting = span
            self.summary.setText(tr("Reading your history for this range…"))
            self._read_history_in_background()
            return
        self._waiting = None
        self.span = span
        self.data = self.session.trends.build(span)
        self._exposure = None
        counts = self.session.trends.counts(self.data)
        self.summary.setText(
            tr(
                "{range}: {checkins} check-ins, {reflections} reflections, "
                "{results} questionnaire scores."
            ).format(
                range=self.describe_span(span),
                checkins=counts["checkins"],
                reflections=counts["reflections"],
                results=counts["results"],
            )
        )
        options = [(i.instrument_id, tr(i.name)) for i in self.data.instruments]
        self.panels[1].set_options(options)
        self._stale = set(range(len(self.panels)))
        self._render(self.tabs.currentIndex())

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
        choice = panel.selection()
        wants = panel.key == "exposure" or (panel.key == "heavy" and choice == "exposure")
        exposure = self._exposure_view() if wants else None
        panel.chart.draw_with(
            lambda figure: draw_tab(panel.key, figure, data, style, choice, exposure)
        )
        panel.set_summary(describe_tab(panel.key, data, choice, self.words, exposure))
        self._stale.discard(index)

    def _exposure_view(self) -> ExposureView | None:
        if self._exposure is None and self.data is not None:
            span = self.data.range
            self._exposure = self.session.exposure.view(span.start, span.end)
        return self._exposure

    def _on_tabs_current_changed(self, index: int) -> None:
        if index in self._stale:
            self._render(index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.is_ready:
            self._stale = set(range(len(self.panels)))
            self._render(self.tabs.currentIndex())

    def refresh(self) -> None:
        """New check-ins, reflections or an import: redraw now if visible, else when shown."""
        if self.warning_card is not None:
            self.warning_card.refresh()
        self._exposure = None
        self._needs_refresh = True
        if self.is_ready and self.isVisible():
            self._needs_refresh = False
            self._apply_range(self.picker.key, *self._custom_args())

    # --- export ---------------------------------------------------------------------------

    def current_panel(self) -> TrendChartPanel | None:
        return self.panels[self.tabs.currentIndex()] if self.is_ready else None

    def export_current(self) -> None:
        panel = self.current_panel()
        if panel is None:
            return
        try:
            self.last_export = panel.chart.export_with_dialog()
        except (OSError, ReflectError) as exc:
            reason = tr(str(exc)) if isinstance(exc, ReflectError) else str(exc)
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
        """Have the whole history cached, as it is a moment after the dashboard first opens
        (benchmarks/run_benchmarks.py calls this before timing range changes)."""
        if not self.is_ready:
            self.render_now()
        self.session.trends.adopt(self.session.trends.snapshot())

    def benchmark_filter_change(self, step: int) -> None:
        """Switch to another preset range and draw it (used by benchmarks/run_benchmarks.py)."""
        if not self.is_ready:
            self.render_now()
        self.picker.choose(BENCHMARK_RANGES[step % len(BENCHMARK_RANGES)])
        # The pixels are drawn by the canvas's pending draw_idle when the caller processes
        # events, exactly as in the app; drawing here as well would time two renders.
