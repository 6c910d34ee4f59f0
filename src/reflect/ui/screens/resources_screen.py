"""Resources: suggestions after the latest check-in, the coping library, guided exercises,
My plan, a cited page explaining vicarious trauma and the sources behind every fact. Other
screens reach it through ``show_plan()``, ``show_library()``, ``show_exercise()``,
``show_understanding()`` and ``show_suggestions()``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from reflect.domain.errors import ReflectError
from reflect.services.session import Session
from reflect.ui.data_events import follow
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr

if TYPE_CHECKING:
    from reflect.ui.widgets.about_content_view import AboutContentView
    from reflect.ui.widgets.coping_library_view import CopingLibraryView
    from reflect.ui.widgets.exercises_panel import ExercisesPanel
    from reflect.ui.widgets.plan_editor import PlanEditor
    from reflect.ui.widgets.suggestions_view import SuggestionsView
    from reflect.ui.widgets.understanding_view import UnderstandingView

TABS = ("suggestions", "library", "exercises", "plan", "understanding", "about")
TAB_LABELS = (
    "Suggested for you",
    "Library",
    "Exercises",
    "My plan",
    "Vicarious trauma",  # short, so all six tabs fit at large type in French
    "About the content",
)


def _error_page(what: str, exc: Exception) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    heading = tr("<b>{what} could not be loaded.</b>").format(what=escape(tr(what), quote=False))
    detail = escape(message_in_language(exc), quote=False)
    html = f"{heading}<br>{detail}"  # both parts are already in the person's language
    label = QLabel(html)
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
        follow(session, ("checkins_changed",), self.refresh_suggestions, self)
        self.session = session
        self.resources = session.resources
        self.setAccessibleName(tr("Resources"))
        self._suggestions_stale = True

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = f"<h2 style='margin:0'>{escape(tr('Resources'), quote=False)}</h2>"
        title = QLabel(heading)
        title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(title)
        top.addStretch(1)
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        self.help_button.clicked.connect(self.help_requested)
        top.addWidget(self.help_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Resources sections"))
        layout.addWidget(self.tabs, 1)
        self.suggestions: SuggestionsView | None = None
        self.library: CopingLibraryView | None = None
        self.exercises: ExercisesPanel | None = None
        self.plan_editor: PlanEditor | None = None
        self.understanding: UnderstandingView | None = None
        self.about: AboutContentView | None = None
        # Tabs are built the first time they are needed, so unlocking stays quick.
        self._pages: dict[str, QWidget] = {}
        for key, label in zip(TABS, TAB_LABELS, strict=True):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self._pages[key] = page
            self.tabs.addTab(page, tr(label))
        self.tabs.setTabToolTip(TABS.index("understanding"), tr("Understanding vicarious trauma"))
        self.tabs.currentChanged.connect(self._on_tabs_changed)

    def _ensure(self, key: str) -> None:
        """Build one tab's content if it is not built yet."""
        page = self._pages[key]
        layout = page.layout()
        if layout is None or layout.count():
            return
        try:
            widget = self._build(key)
        except ReflectError as exc:
            # A broken content file shows a message in its own tab instead of taking the
            # whole screen (and Get help now) down.
            widget = _error_page(TAB_LABELS[TABS.index(key)], exc)
        layout.addWidget(widget)

    def _build(self, key: str) -> QWidget:
        if key == "suggestions":
            from reflect.ui.widgets.suggestions_view import SuggestionsView

            suggestions = SuggestionsView(self.resources)
            suggestions.exercise_requested.connect(self.show_exercise)
            suggestions.link_requested.connect(self._on_link_requested)
            suggestions.checkin_requested.connect(self.checkin_requested)
            self.suggestions = suggestions
            return suggestions
        if key == "library":
            from reflect.ui.widgets.coping_library_view import CopingLibraryView

            library = CopingLibraryView(self.resources.library)
            library.exercise_requested.connect(self.show_exercise)
            library.link_requested.connect(self._on_link_requested)
            self.library = library
            return library
        if key == "exercises":
            from reflect.ui.widgets.exercises_panel import ExercisesPanel

            self.exercises = exercises = ExercisesPanel()
            return exercises
        if key == "plan":
            from reflect.ui.widgets.plan_editor import PlanEditor

            self.plan_editor = plan_editor = PlanEditor(self.resources, self._printout_extras)
            return plan_editor
        if key == "understanding":
            from reflect.ui.widgets.understanding_view import PAGE, UnderstandingView

            self.understanding = understanding = UnderstandingView(
                self.resources.page_sections(PAGE)
            )
            understanding.coping_requested.connect(self.show_library)
            understanding.plan_requested.connect(self.show_plan)
            understanding.help_requested.connect(self.help_requested)
            return understanding
        from reflect.ui.widgets.about_content_view import AboutContentView

        self.about = about = AboutContentView(self.resources.about)
        return about

    # --- routes for other screens ---------------------------------------------------------

    def show_suggestions(self) -> None:
        self._show_tab("suggestions")

    def show_library(self, category: str | None = None, area: str | None = None) -> None:
        self._show_tab("library")
        if self.library is not None:
            if area:
                self.library.select("area", area)
            elif category:
                self.library.select("category", category)

    def show_exercise(self, key: str = "breathing") -> None:
        self._show_tab("exercises")
        if self.exercises is not None:
            self.exercises.show_exercise(key)

    def show_plan(self) -> None:
        self._show_tab("plan")
        if self.plan_editor is not None:
            self.plan_editor.section_edits["warning_signs"].setFocus()

    def show_understanding(self) -> None:
        """Understanding vicarious trauma (linked from the first check-in and every note)."""
        self._show_tab("understanding")

    def show_about(self) -> None:
        self._show_tab("about")

    def refresh_suggestions(self) -> None:
        """Call after a check-in is saved; the list is rebuilt when next shown."""
        self._suggestions_stale = True
        if self.isVisible() and self.tabs.currentIndex() == TABS.index("suggestions"):
            self._refresh_if_stale()

    def save_draft_now(self) -> None:
        """Called before locking: keep whatever was typed into My plan."""
        if self.plan_editor is not None:
            self.plan_editor.save()

    def refresh(self) -> None:
        """After a check-in or an import: the suggestions follow the latest check-in."""
        self.refresh_suggestions()

    # --- internals ------------------------------------------------------------------------

    def _show_tab(self, key: str) -> None:
        self._ensure(key)
        self.tabs.setCurrentIndex(TABS.index(key))

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
        self._ensure(TABS[index])
        if index == TABS.index("suggestions"):
            self._refresh_if_stale()
        elif index != TABS.index("plan") and self.plan_editor is not None:
            self.plan_editor.save()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # The latest check-in may have changed while another screen was showing.
        self._suggestions_stale = True
        self._ensure(TABS[self.tabs.currentIndex()])
        if self.tabs.currentIndex() == TABS.index("suggestions"):
            self._refresh_if_stale()
        super().showEvent(event)
