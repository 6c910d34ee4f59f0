"""Resources: suggestions after the latest check-in, the coping library, guided exercises,
My plan and the sources behind every fact. Other screens reach it through ``show_plan()``,
``show_library()``, ``show_exercise()`` and ``show_suggestions()``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from reflect.domain.errors import ReflectError
from reflect.services.session import Session

TABS = ("suggestions", "library", "exercises", "plan", "about")


def _error_page(what: str, exc: Exception) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel(f"<b>{escape(what)} could not be loaded.</b><br>{escape(str(exc))}")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addStretch(1)
    return page


class ResourcesScreen(QWidget):
    help_requested = Signal()
    checkin_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.resources = session.resources
        self.setAccessibleName("Resources")
        self._suggestions_stale = True

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel("<h2 style='margin:0'>Resources</h2>")
        title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(title)
        top.addStretch(1)
        self.help_button = QPushButton("Get help now")
        self.help_button.setAccessibleName("Get help now: emergency and crisis lines")
        self.help_button.clicked.connect(self.help_requested)
        top.addWidget(self.help_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Resources sections")
        layout.addWidget(self.tabs, 1)
        self.suggestions = self.library = self.exercises = self.plan_editor = self.about = None
        self._build_tabs()
        self.tabs.currentChanged.connect(self._on_tabs_changed)

    def _build_tabs(self) -> None:
        from reflect.ui.widgets.about_content_view import AboutContentView
        from reflect.ui.widgets.coping_library_view import CopingLibraryView
        from reflect.ui.widgets.exercises_panel import ExercisesPanel
        from reflect.ui.widgets.plan_editor import PlanEditor
        from reflect.ui.widgets.suggestions_view import SuggestionsView

        # Each tab stands alone: a broken content file shows a message in its own tab
        # instead of taking the whole screen (and Get help now) down.
        try:
            self.suggestions = SuggestionsView(self.resources)
            self.suggestions.exercise_requested.connect(self.show_exercise)
            self.suggestions.link_requested.connect(self._on_link_requested)
            self.suggestions.checkin_requested.connect(self.checkin_requested)
            self.tabs.addTab(self.suggestions, "Suggested for you")
        except ReflectError as exc:
            self.tabs.addTab(_error_page("Suggestions", exc), "Suggested for you")
        try:
            self.library = CopingLibraryView(self.resources.library)
            self.library.exercise_requested.connect(self.show_exercise)
            self.library.link_requested.connect(self._on_link_requested)
            self.tabs.addTab(self.library, "Library")
        except ReflectError as exc:
            self.tabs.addTab(_error_page("The coping library", exc), "Library")
        self.exercises = ExercisesPanel()
        self.tabs.addTab(self.exercises, "Exercises")
        try:
            self.plan_editor = PlanEditor(self.resources, self._printout_extras)
            self.tabs.addTab(self.plan_editor, "My plan")
        except ReflectError as exc:
            self.tabs.addTab(_error_page("My plan", exc), "My plan")
        try:
            self.about = AboutContentView(self.resources.about)
            self.tabs.addTab(self.about, "About the content")
        except ReflectError as exc:
            self.tabs.addTab(_error_page("About the content", exc), "About the content")

    # --- routes for other screens ---------------------------------------------------------

    def show_suggestions(self) -> None:
        self.tabs.setCurrentIndex(TABS.index("suggestions"))

    def show_library(self, category: str | None = None, area: str | None = None) -> None:
        self.tabs.setCurrentIndex(TABS.index("library"))
        if self.library is not None:
            if area:
                self.library.select("area", area)
            elif category:
                self.library.select("category", category)

    def show_exercise(self, key: str = "breathing") -> None:
        self.tabs.setCurrentIndex(TABS.index("exercises"))
        self.exercises.show_exercise(key)

    def show_plan(self) -> None:
        self.tabs.setCurrentIndex(TABS.index("plan"))
        if self.plan_editor is not None:
            self.plan_editor.section_edits["warning_signs"].setFocus()

    def show_about(self) -> None:
        self.tabs.setCurrentIndex(TABS.index("about"))

    def refresh_suggestions(self) -> None:
        """Call after a check-in is saved; the list is rebuilt when next shown."""
        self._suggestions_stale = True
        if self.isVisible() and self.tabs.currentIndex() == TABS.index("suggestions"):
            self._refresh_if_stale()

    def save_draft_now(self) -> None:
        """Called before locking: keep whatever was typed into My plan."""
        if self.plan_editor is not None:
            self.plan_editor.save()

    # --- internals ------------------------------------------------------------------------

    def _printout_extras(self) -> tuple:
        country = str(self.session.settings.get("country") or "CA")
        lines = self.resources.crisis_directory.lines_for(country)
        return lines, self.resources.help_contacts()

    def _refresh_if_stale(self) -> None:
        if self._suggestions_stale and self.suggestions is not None:
            self._suggestions_stale = False
            self.suggestions.refresh()

    def _on_link_requested(self, link: str) -> None:
        if link == "plan":
            self.show_plan()
        elif link == "get_help":
            self.help_requested.emit()

    def _on_tabs_changed(self, index: int) -> None:
        if index == TABS.index("suggestions"):
            self._refresh_if_stale()
        elif index != TABS.index("plan") and self.plan_editor is not None:
            self.plan_editor.save()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # The latest check-in may have changed while another screen was showing.
        self._suggestions_stale = True
        if self.tabs.currentIndex() == TABS.index("suggestions"):
            self._refresh_if_stale()
        super().showEvent(event)
