"""The team's figures: import contribution files, the minimum group, charts and words.

The charts' canvases (and so matplotlib) are created on first show, like the Trends screen,
so a coordinator's unlock stays as quick as anyone's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.team_contribution import ContributionError
from reflect.domain.team_sentences import describe_team
from reflect.domain.team_summary import MIN_GROUP, TeamSummary
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal, unless_locked
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import open_file_names
from reflect.ui.widgets.scroll_page import scroll_page

if TYPE_CHECKING:
    from reflect.charts.style import ChartStyle
    from reflect.ui.widgets.chart_canvas import ChartCanvas

CHART_HEIGHT = 330


def contribution_problem(exc: ContributionError) -> str:
    return (
        tr("{file} is not a team contribution Reflect can read, so nothing was imported.").format(
            file=Path(exc.source).name
        )
        + "\n\n"
        + message_in_language(exc.problem)
    )


def questionnaire_names(session: Session) -> dict[tuple[str, str], str]:
    return {
        (d.id, s.id): f"{d.short_name} · {tr(s.label)}"
        for d in session.instruments.definitions()
        for s in d.subscales
    }


def chart_style_for(widget: QWidget) -> ChartStyle:
    from reflect.charts.style import chart_style

    palette = widget.palette()
    window = palette.color(QPalette.ColorRole.Window)
    return chart_style(
        dark=window.lightness() < 128,
        background=window.name(),
        text=palette.color(QPalette.ColorRole.WindowText).name(),
        muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
        words=interface_words(),
    )


class TeamFiguresPanel(QWidget):
    contributions_imported = Signal(int)
    report_requested = Signal(str)  # "pdf" or "md"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.team = session.team
        self.summary: TeamSummary | None = None
        self.canvases: list[ChartCanvas] = []
        self.setAccessibleName(tr("Team figures"))

        self.body = scroll_page(self, (16, 12, 16, 16), spacing=10)

        self._add_controls()

        self._add_explanation()
        self.charts_box = QVBoxLayout()
        self.body.addLayout(self.charts_box)
        self.body.addStretch(1)

        self.setAcceptDrops(True)  # contribution files can be dropped onto the figures
        self.import_button.clicked.connect(self.choose_files)
        self.min_spin.valueChanged.connect(self._on_min_changed)
        self.pdf_button.clicked.connect(lambda: self.report_requested.emit("pdf"))
        self.md_button.clicked.connect(lambda: self.report_requested.emit("md"))
        self.forget_button.clicked.connect(self.confirm_forget)
        self.refresh()

    def _add_controls(self) -> None:
        """Import and the smallest group on one row; the reports and Forget on the next."""
        row = QHBoxLayout()
        self.import_button = QPushButton(tr("&Import contributions…"))
        self.import_button.setAccessibleName(tr("Import contribution files"))
        self.min_spin = QSpinBox()
        self.min_spin.setRange(MIN_GROUP, 100)
        self.min_spin.setValue(self.team.min_group)
        self.min_spin.setSuffix(tr(" people"))
        self.min_spin.setAccessibleName(tr("Smallest group shown (never below 5)"))
        min_label = QLabel(tr("Smallest &group shown:"))
        min_label.setBuddy(self.min_spin)
        self.pdf_button = QPushButton(tr("Report as &PDF…"))
        self.md_button = QPushButton(tr("Report as &Markdown…"))
        self.forget_button = QPushButton(tr("Forget contributions…"))
        self.forget_button.setAccessibleName(tr("Forget every imported contribution"))
        # Two rows: six controls on one line made the page wider than the window at large
        # text or in French, and every sentence and chart below was cut at the right edge.
        row.addWidget(self.import_button)
        row.addWidget(min_label)
        row.addWidget(self.min_spin)
        row.addStretch(1)
        reports = QHBoxLayout()
        reports.addWidget(self.pdf_button)
        reports.addWidget(self.md_button)
        reports.addStretch(1)
        reports.addWidget(self.forget_button)
        self.body.addLayout(row)
        self.body.addLayout(reports)

    def _add_explanation(self) -> None:
        """What a contribution holds, then the figures in words."""
        note = QLabel(
            tr(
                "Each person decides to send you a contribution file: month-level figures only, "
                "with a random id, a code per month (so a month sent again in a later file "
                "counts that person once) and no names or text. Any figure from fewer people "
                "than the smallest group is hidden, and so is anything that would let it be "
                "worked out."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("mutedLabel")
        self.body.addWidget(note)
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setAccessibleName(tr("Team figures in words"))
        self.body.addWidget(self.words_label)

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.summary = self.team.summary()
        self.words_label.setText(" ".join(describe_team(self.summary, interface_words())))
        self.forget_button.setEnabled(self.team.contribution_count() > 0)
        self._draw()

    def _on_min_changed(self, value: int) -> None:
        try:
            self.team.set_min_group(value)
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Smallest group"), message_in_language(exc))
            return
        self.refresh()

    def choose_files(self) -> None:
        names, _ = open_file_names(
            self, tr("Import contribution files"), str(Path.home()), tr("Contributions (*.json)")
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> bool:
        try:
            outcome = self.team.import_files(paths)
        except ContributionError as exc:
            QMessageBox.warning(self, tr("Nothing imported"), contribution_problem(exc))
            return False
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Nothing imported"), message_in_language(exc))
            return False
        self.refresh()
        said = tr("{added} new, {replaced} replaced by a newer file, {same} already here.").format(
            added=outcome.added, replaced=outcome.replaced, same=outcome.unchanged
        )
        told = unless_locked(
            lambda: QMessageBox.information(self, tr("Contributions imported"), said)
        )
        if told is not None:  # locked meanwhile: nothing may act on the closed session
            self.contributions_imported.emit(outcome.added + outcome.replaced)
        return True

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return paths if paths and len(paths) == len(urls) else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def confirm_forget(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Forget contributions?"),
            tr("Every imported contribution is removed from this profile. The files stay."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)  # the safe choice
        if run_modal(box) == QMessageBox.StandardButton.Yes:
            self.team.forget_contributions()
            self.refresh()

    # --- charts -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.canvases:
            self.build_charts()

    def build_charts(self) -> None:
        from reflect.ui.widgets.chart_canvas import ChartCanvas

        names = (
            tr("Team check-ins by month"),
            tr("Contributors and reflection activity"),
            tr("Questionnaire bands"),
        )
        for name in names:
            canvas = ChartCanvas(name)
            canvas.setMinimumHeight(CHART_HEIGHT)
            canvas.canvas.setMinimumHeight(CHART_HEIGHT)
            self.charts_box.addWidget(canvas)
            self.canvases.append(canvas)
        self._draw()

    def _draw(self) -> None:
        if not self.canvases or self.summary is None:
            return
        from reflect.charts.team import (
            draw_team_activity,
            draw_team_categories,
            draw_team_questionnaires,
        )

        summary, style = self.summary, chart_style_for(self)
        names = questionnaire_names(self.session)
        drawers = (
            lambda f: draw_team_categories(f, summary, style),
            lambda f: draw_team_activity(f, summary, style),
            lambda f: draw_team_questionnaires(f, summary, style, names),
        )
        for canvas, draw in zip(self.canvases, drawers, strict=True):
            canvas.summary = self.words_label.text()
            canvas.draw_with(draw)
