"""Team: the coordinator's screen. Team figures from anonymous contributions, the
organisational self-assessment and its action plan, and the team report.

Shown when the profile holds contributions or is set up as a coordinator (Settings).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from reflect.services.session import Session
from reflect.ui.data_events import follow
from reflect.ui.i18n import tr
from reflect.ui.widgets.team_action_plan import TeamActionPlan
from reflect.ui.widgets.team_assessment_panel import TeamAssessmentPanel
from reflect.ui.widgets.team_figures_panel import TeamFiguresPanel


class TeamScreen(QWidget):
    contributions_imported = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(session, (), self.refresh, self)
        self.session = session
        self.setAccessibleName(tr("Team"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 8)
        title = QLabel(tr("Team"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Team sections"))
        self.figures = TeamFiguresPanel(session)
        self.assessment = TeamAssessmentPanel(session)
        self.plan = TeamActionPlan(session)
        self.tabs.addTab(self.figures, tr("Team &figures"))
        self.tabs.addTab(self.assessment, tr("Self-&assessment"))
        self.tabs.addTab(self.plan, tr("Action &plan"))
        layout.addWidget(self.tabs, 1)

        self.figures.contributions_imported.connect(self.contributions_imported)
        self.figures.report_requested.connect(self._on_figures_report_requested)
        self.assessment.assessment_saved.connect(self._on_assessment_saved)

    def save_draft_now(self) -> None:
        """Nothing typed here is kept as a draft; see ui/screen.py."""

    def refresh(self) -> None:
        self.figures.refresh()
        self.assessment.show_latest()
        self.plan.refresh()

    def title(self) -> str:
        return tr("Team")

    def _on_assessment_saved(self, _assessment_id: int) -> None:
        self.plan.refresh()
        if self.session.team.gaps_to_plan():
            self.tabs.setCurrentWidget(self.plan)  # each gap leads to an action

    def _on_figures_report_requested(self, kind: str) -> None:
        from reflect.ui.team_report_export import export_report_with_dialog

        written = export_report_with_dialog(self, self.session, kind)
        if written is not None:
            QMessageBox.information(
                self, tr("Report saved"), tr("Report saved to {path}").format(path=str(written))
            )
