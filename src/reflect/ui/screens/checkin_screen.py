"""The one-minute check-in: calm, quick, keyboard-first; then how it compares with the usual.

A second tab scores published questionnaires (see instrument_panel.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, CheckIn
from reflect.domain.checkin_definition import CheckinDefinition
from reflect.domain.errors import ReflectError
from reflect.services.session import Session
from reflect.ui.data_events import follow
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr, tr_list
from reflect.ui.screens.checkin_draft import CheckinDraftKeeper
from reflect.ui.screens.instrument_panel import InstrumentPanel
from reflect.ui.widgets.checkin_history_view import CheckinHistoryView
from reflect.ui.widgets.checkin_result_view import CheckinResultView
from reflect.ui.widgets.early_warning_card import EarlyWarningCard
from reflect.ui.widgets.rating_row import RatingRow


class CheckinScreen(QWidget):
    checkin_saved = Signal(int)
    instrument_saved = Signal()
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    open_understanding_requested = Signal()
    help_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(session, ("checkins_changed", "results_changed"), self.refresh, self)
        self.session = session
        self.setAccessibleName(tr("Check-in"))
        self.definition: CheckinDefinition = session.checkins.definition
        self._last_saved: CheckIn | None = None
        self._after_work_id: int | None = None  # saved with the last check-in, for undo

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # A quiet marker here; the note itself shows in full on the result and on Home.
        self.card = EarlyWarningCard(session.early_warning, compact=True)
        card_box = QHBoxLayout()
        card_box.setContentsMargins(16, 12, 16, 0)
        card_box.addWidget(self.card)
        layout.addLayout(card_box)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        # Containers join the screen before they are filled. Under the app's style sheet,
        # moving a widget into a new parent re-polishes everything inside it; filling a
        # detached form and then handing it up (scroll area, page stack, tab) polished the
        # 32 question rows four times over (about 150 ms of the construction).
        self.pages = QStackedWidget()
        self.tabs.addTab(self.pages, tr("One-minute check-in"))
        self._build_form()
        self.result_view = CheckinResultView()
        # After a check-in the note belongs with the result, in full; the result already
        # offers coping ideas and the plan, so the card leaves its own links out.
        self.result_card = EarlyWarningCard(session.early_warning, links=False)
        self.result_view.add_note(self.result_card)
        self.pages.addWidget(self.result_view)
        self.pages.currentChanged.connect(self._on_pages_changed)
        self.instruments = InstrumentPanel(session.instruments)
        self.tabs.addTab(self.instruments, tr("Questionnaires"))
        self.history = CheckinHistoryView(session)
        self.tabs.addTab(self.history, tr("History"))

        self.card.open_resources_requested.connect(self.open_resources_requested)
        self.card.open_plan_requested.connect(self.open_plan_requested)
        self.card.open_understanding_requested.connect(self.open_understanding_requested)
        self.result_view.open_resources_requested.connect(self.open_resources_requested)
        self.result_view.open_plan_requested.connect(self.open_plan_requested)
        self.result_view.done_requested.connect(self._on_result_done)
        self.result_view.undo_requested.connect(self._on_result_undo)
        self.instruments.result_saved.connect(self._on_instruments_saved)
        self.instruments.open_resources_requested.connect(self.open_resources_requested)
        self.instruments.open_plan_requested.connect(self.open_plan_requested)
        self.instruments.help_requested.connect(self.help_requested)
        self.history.history_changed.connect(self._refresh_notes)
        self.kept = CheckinDraftKeeper(self)  # answers kept across a lock (checkin_draft.py)

    # --- the form ---------------------------------------------------------------------------

    def _build_form(self) -> None:
        page = QWidget()
        self.pages.addWidget(page)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(16, 8, 16, 8)
        self._build_form_header(outer)
        self._build_questions(outer)
        self._build_form_footer(outer)
        self.save_button.clicked.connect(self.save_checkin)
        self.clear_button.clicked.connect(self.clear_form)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), page)
        shortcut.activated.connect(self.save_checkin)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._on_rating_changed()

    def _build_form_header(self, outer: QVBoxLayout) -> None:
        """The title and intro, the first-time link and the warning-signs scale."""
        d = self.definition
        heading = f"<h2>{tr(d.title)}</h2><p>{tr(d.intro)}</p>"
        header = QLabel(heading)
        header.setWordWrap(True)
        outer.addWidget(header)
        # The first check-in links to the page that explains what the questions are about.
        self.understanding_link = QPushButton(
            tr("New to check-ins? Read Understanding vicarious trauma")
        )
        self.understanding_link.setObjectName("understandingLink")
        self.understanding_link.setFlat(True)
        self.understanding_link.setStyleSheet(
            "QPushButton { border: 1px solid transparent; color: palette(link);"
            " text-decoration: underline; padding: 2px 0px; }"
            "QPushButton:focus { border: 1px dotted palette(highlight); }"
        )
        self.understanding_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.understanding_link.setAccessibleName(tr("Open Understanding vicarious trauma"))
        self.understanding_link.clicked.connect(self.open_understanding_requested)
        outer.addWidget(self.understanding_link, 0, Qt.AlignmentFlag.AlignLeft)
        self._update_first_time_link()
        legend = " · ".join(
            f"<b>{value}</b>&nbsp;{label}" for value, label in enumerate(tr_list(d.labels))
        )
        # This scale is for the warning-sign questions only; sleep, energy and "what has been
        # helping" show their own scale where they are asked (and there, higher is better).
        self.legend = QLabel(
            tr("Warning signs, for {time_frame}: {legend}").format(
                time_frame=tr(d.time_frame), legend=legend
            )
        )
        self.legend.setWordWrap(True)
        outer.addWidget(self.legend)

    def _build_questions(self, outer: QVBoxLayout) -> None:
        """Every question, scrolling: warning signs by category, then the rest."""
        d = self.definition
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the rows are the Tab stops, not the page
        # The questions wrap to the width there is; in the smallest window a sideways bar
        # appeared for a pixel of margin and covered the last question.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        host = QWidget()
        # In a wide window a question would sit a hand's width from its answers; the rows
        # stop at a comfortable reading width, and the page keeps its left edge.
        host.setMaximumWidth(host.fontMetrics().height() * 72)
        scroll.setWidget(host)
        form = QVBoxLayout(host)
        form.setSpacing(2)
        self.item_rows: dict[str, RatingRow] = {}
        for category in CATEGORIES:
            items = d.items_in(category)
            if not items:
                continue
            form.addWidget(self._section_label(tr(CATEGORY_LABELS[category])))
            for item in items:
                row = RatingRow(tr(item.text), tr_list(d.labels))
                row.value_changed.connect(self._on_rating_changed)
                self.item_rows[item.id] = row
                form.addWidget(row)
        self._add_wellbeing_rows(form)
        self._add_notes(form)
        form.addStretch(1)

    def _add_wellbeing_rows(self, form: QVBoxLayout) -> None:
        """Sleep and energy, what has been helping, strengths (higher is better)."""
        d = self.definition
        form.addWidget(self._section_label(tr("Sleep and energy")))
        self.sleep_row = RatingRow(tr(d.sleep.text), tr_list(d.sleep.labels))
        self.energy_row = RatingRow(tr(d.energy.text), tr_list(d.energy.labels))
        self.sleep_legend = self._scale_legend(d.sleep.labels)
        form.addWidget(self.sleep_legend)
        form.addWidget(self.sleep_row)
        self.energy_legend = self._scale_legend(d.energy.labels)
        form.addWidget(self.energy_legend)
        form.addWidget(self.energy_row)
        form.addWidget(self._section_label(tr(d.helping_intro)))
        self.helping_legend = self._scale_legend(d.helping[0].labels if d.helping else ())
        form.addWidget(self.helping_legend)
        self.helping_rows: dict[str, RatingRow] = {}
        for question in d.helping:
            row = RatingRow(tr(question.text), tr_list(question.labels))
            self.helping_rows[question.id] = row
            form.addWidget(row)
        self.strength_rows: dict[str, RatingRow] = {}
        if d.strengths:
            form.addWidget(self._section_label(tr(d.strengths_intro)))
            self.strengths_legend = self._scale_legend(d.strengths[0].labels)
            form.addWidget(self.strengths_legend)
            for question in d.strengths:
                row = RatingRow(tr(question.text), tr_list(question.labels))
                self.strength_rows[question.id] = row
                form.addWidget(row)

    def _add_notes(self, form: QVBoxLayout) -> None:
        """Two optional notes and the after-work check."""
        self.helped_note = QLineEdit()
        self.helped_note.setPlaceholderText(tr("What helped this week? (optional)"))
        self.helped_note.setAccessibleName(tr("What helped this week"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            tr("Anything else you want to remember about this week? (optional)")
        )
        self.note.setAccessibleName(tr("Note about this week"))
        form.addWidget(self.helped_note)
        form.addWidget(self.note)
        from reflect.ui.widgets.after_work_check import AfterWorkCheck

        self.after_work = AfterWorkCheck()
        form.addWidget(self.after_work)

    def _build_form_footer(self, outer: QVBoxLayout) -> None:
        footer = QHBoxLayout()
        self.progress = QLabel()
        self.error = QLabel()
        self.error.setObjectName("checkinError")
        self.error.setWordWrap(True)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Start this check-in again"))
        self.save_button = QPushButton(tr("Save check-in"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(tr("Save (Ctrl+Return)"))
        footer.addWidget(self.progress)
        footer.addWidget(self.error, 1)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.save_button)
        outer.addLayout(footer)
        hint = QLabel(
            tr("Tip: type a number to answer and move to the next question; Tab skips one.")
        )
        hint.setObjectName("checkinHint")
        hint.setWordWrap(True)
        outer.addWidget(hint)

    @staticmethod
    def _scale_legend(labels: Sequence[str]) -> QLabel:
        scale = " · ".join(
            f"<b>{value}</b>&nbsp;{label}" for value, label in enumerate(tr_list(labels))
        )
        legend = QLabel(tr("Its own scale, where higher is better: {scale}").format(scale=scale))
        legend.setWordWrap(True)
        legend.setObjectName("fieldHelp")
        legend.setContentsMargins(8, 0, 8, 0)
        return legend

    def arrive(self) -> None:
        """Reached on purpose (Alt+4, Quick check-in, the tray): a digit answers question 1."""
        self.tabs.setCurrentIndex(0)
        if self.pages.currentWidget() is self.result_view:
            self.result_view.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        rows = list(self.item_rows.values())
        first = next((row for row in rows if row.value() is None), rows[0] if rows else None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _section_label(text: str) -> QLabel:
        label = QLabel("<b>" + text + "</b>")
        label.setContentsMargins(0, 10, 0, 2)
        return label

    def _on_rating_changed(self, _value: object = None) -> None:
        answered = sum(1 for row in self.item_rows.values() if row.value() is not None)
        self.progress.setText(
            tr("{answered} of {total} answered").format(
                answered=answered, total=len(self.item_rows)
            )
        )
        if answered:
            self.error.clear()

    def clear_form(self) -> None:
        for row in [
            *self.item_rows.values(),
            self.sleep_row,
            self.energy_row,
            *self.helping_rows.values(),
            *self.strength_rows.values(),
        ]:
            row.set_value(None)
        self.helped_note.clear()
        self.note.clear()
        self.after_work.clear()
        self.error.clear()
        first = next(iter(self.item_rows.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_checkin(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        item_scores = {
            k: row.value()
            for k, row in (*self.item_rows.items(), *self.strength_rows.items())
            if row.value() is not None
        }
        helping = {
            k: row.value() for k, row in self.helping_rows.items() if row.value() is not None
        }
        try:
            saved = self.session.checkins.record(
                item_scores,  # type: ignore[arg-type]
                sleep=self.sleep_row.value(),
                energy=self.energy_row.value(),
                helping=helping,  # type: ignore[arg-type]
                helped_note=self.helped_note.text(),
                note=self.note.text(),
                end_draft=True,
            )
        except Exception as exc:  # noqa: BLE001 - a full disk too; the answers stay as they are
            text, checked = message_in_language(exc), isinstance(exc, ReflectError)
            self.error.setText(text if checked else tr("Not saved yet: {error}").format(error=text))
            return
        self._after_work_id = None
        if not self.after_work.is_empty:  # optional, validated by its own widget's limits
            switched_off, helped = self.after_work.values()
            self._after_work_id = self.session.exposure.record_after_work(switched_off, helped)
        self._last_saved = saved
        self.result_view.show_result(self.session.checkins.scored(int(saved.id or 0)))
        self.pages.setCurrentIndex(1)
        self._refresh_notes()
        self.history.refresh()
        self._update_first_time_link()
        self.checkin_saved.emit(int(saved.id or 0))

    # --- after saving -----------------------------------------------------------------------

    def _on_result_done(self) -> None:
        self._last_saved = None
        self.clear_form()
        self.pages.setCurrentIndex(0)

    def _on_result_undo(self) -> None:
        """Delete the check-in just saved and put its answers back in the form."""
        saved = self._last_saved
        if saved is None or saved.id is None:
            return
        self.session.checkins.delete(saved.id)
        if self._after_work_id is not None:
            self.session.exposure.delete_after_work(self._after_work_id)  # kept in the form
            self._after_work_id = None
        self._last_saved = None
        self.pages.setCurrentIndex(0)
        self.kept.put_back(saved)  # unsaved again, so kept as a draft again
        self.error.setText(tr("The check-in was deleted; your answers are still here."))
        self._update_first_time_link()
        self._refresh_notes()
        self.history.refresh()

    def _update_first_time_link(self) -> None:
        try:
            first_time = self.session.checkins.count() == 0
        except ReflectError:
            first_time = False
        self.understanding_link.setVisible(first_time)

    def _on_instruments_saved(self) -> None:
        self._refresh_notes()
        self.history.refresh()
        self.instrument_saved.emit()

    def save_draft_now(self) -> None:
        self.kept.save_now()  # the check-in's answers and the questionnaire's

    def _refresh_notes(self) -> None:
        self.card.refresh()
        self.result_card.refresh()

    def _on_pages_changed(self, index: int) -> None:
        # The result shows the note in full: the quiet marker above would say it twice.
        self.card.set_suppressed(self.pages.widget(index) is self.result_view)

    def refresh(self) -> None:
        self._refresh_notes()
        self.history.refresh()
        self._update_first_time_link()
