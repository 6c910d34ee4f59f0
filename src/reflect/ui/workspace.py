"""The unlocked workspace: navigation on the left, one screen at a time on the right.

Built fresh on every unlock and destroyed on lock, so no view can keep data after locking.
Each screen is created, and its intent signals wired, in ``_build_screen`` the first time it
is shown or asked for (ui/screen_slots.py): unlocking builds only Home.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.services.profiles import ProfileService
from reflect.services.session import Session
from reflect.ui.i18n import tr
from reflect.ui.screen import Screen
from reflect.ui.screen_slots import ScreenSlots
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.screens.home_screen import HomeScreen
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.screens.resources_screen import ResourcesScreen
from reflect.ui.screens.settings_screen import SettingsScreen
from reflect.ui.screens.trends_screen import TrendsScreen, preload_charts
from reflect.ui.window_size import size_workspace

if TYPE_CHECKING:
    from reflect.ui.screens.supervision_screen import SupervisionScreen
    from reflect.ui.screens.team_screen import TeamScreen

    # Every screen keeps the protocol the workspace relies on (before_lock, refresh).
    _SCREENS: tuple[type[Screen], ...] = (
        HomeScreen,
        ReflectScreen,
        JournalScreen,
        CheckinScreen,
        TrendsScreen,
        ResourcesScreen,
        DebriefScreen,
        SettingsScreen,
        SupervisionScreen,
        TeamScreen,
    )

_CardsT = TypeVar("_CardsT", HomeScreen, CheckinScreen, TrendsScreen)

# (key, label) in navigation order; Alt+number jumps to a screen (Alt+1 is Home).
NAVIGATION: tuple[tuple[str, str], ...] = (
    ("home", "Home"),
    ("reflect", "Reflect"),
    ("journal", "Journal"),
    ("checkin", "Check-in"),
    ("trends", "Trends"),
    ("resources", "Resources"),
    ("debrief", "Debrief"),
    ("settings", "Settings"),
)
# Only in a profile whose role is "supervisor" (Settings → Supervision), after the others so
# every other screen keeps its Alt+number.
SUPERVISOR_NAVIGATION: tuple[tuple[str, str], ...] = (("supervision", "Supervision"),)


class Workspace(QWidget):
    lock_requested = Signal()
    help_requested = Signal()
    setting_changed = Signal(str, object)  # forwarded from Settings for the window to apply
    restore_requested = Signal(Path, str)
    delete_profile_requested = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        profiles: ProfileService | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.profiles = profiles
        self.setAccessibleName(tr("Reflect workspace"))
        supervisor = session.settings.get("role") == "supervisor"
        self.navigation = NAVIGATION + (SUPERVISOR_NAVIGATION if supervisor else ())
        # A sealed reply (or, for a supervisor, a packet) can be dropped on the window.
        self.setAcceptDrops(True)

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(self._build_side(session))

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.screens = ScreenSlots(self.stack, self._build_screen)

        self._add_screens()
        size_workspace(self, self.nav, (self.help_button, self.lock_button))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.help_button.clicked.connect(self.help_requested)
        self.lock_button.clicked.connect(self.lock_requested)
        for index in range(len(self.navigation) + 1):  # + the Team screen, when it is shown
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self._arrive_at_row(i))
        # Ctrl+1..Ctrl+5: a new reflection on that template, from anywhere in the workspace.
        template_ids = [template.id for template in session.journal.templates]
        for number, template_id in enumerate(template_ids[:5], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda t=template_id: self.start_reflection(t))
        self.nav.setCurrentRow(0)
        # matplotlib loads on a worker now, so the first visit to Trends only reads and draws.
        QTimer.singleShot(0, preload_charts)

    def _build_side(self, session: Session) -> QVBoxLayout:
        """The profile's name, the navigation list, Get help now and Lock."""
        side = QVBoxLayout()
        side.setContentsMargins(8, 8, 8, 8)
        name_html = f"<b>{escape(session.profile.display_name, quote=False)}</b>"
        profile_label = QLabel(name_html)
        profile_label.setTextFormat(Qt.TextFormat.RichText)
        if session.profile.is_demo:
            demo_note = escape(tr("Demo: fictional data"), quote=False)
            with_note = f"{name_html}<br><small>{demo_note}</small>"  # a name and a note: no words
            profile_label.setText(with_note)
        side.addWidget(profile_label)
        self.nav = QListWidget()
        self.nav.setAccessibleName(tr("Navigation"))
        self.nav.setObjectName("navigation")
        # Polish before adding items: otherwise rows are measured without the theme's padding
        # and the selected row's highlight overlaps its neighbours.
        self.nav.ensurePolished()
        side.addWidget(self.nav, 1)
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        self.help_button.setToolTip(tr("Emergency and crisis lines (Ctrl+Shift+H)"))
        self.lock_button = QPushButton(tr("Lock"))
        self.lock_button.setAccessibleName(tr("Lock Reflect"))
        self.lock_button.setToolTip(tr("Lock now (Ctrl+L)"))
        side.addWidget(self.help_button)
        side.addWidget(self.lock_button)
        return side

    def _add_screens(self) -> None:
        """A navigation row and a waiting slot per screen; each is built on first visit."""
        for key, label in self.navigation:
            item = QListWidgetItem(tr(label))
            item.setToolTip(f"Alt+{self.nav.count() + 1}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.screens.add_waiting(key)
        if self.session.team.visible:
            self.set_team_screen_shown(True)

    def show_screen(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def _arrive_at_row(self, row: int) -> None:
        """Alt+number: the screen in that row of the navigation, ready to use."""
        if 0 <= row < self.nav.count():
            self.arrive_at(str(self.nav.item(row).data(Qt.ItemDataRole.UserRole)))

    def arrive_at(self, key: str) -> None:
        """Open a screen on purpose (Alt+number, a Home button, the tray): the screen puts
        the focus where work starts (the first text box, the first question). Moving through
        the navigation list with the arrows only shows screens and leaves the focus there."""
        self.show_screen(key)
        arrive = getattr(self.screens.get(key), "arrive", None)
        if callable(arrive):
            arrive()

    def start_reflection(self, template_id: str | None = None) -> None:
        self.show_screen("reflect")
        if template_id:
            self.reflect.start_with_template(template_id)
        else:
            self.reflect.arrive()

    # --- the Team screen: only for coordinators and profiles holding contributions ----------

    def set_team_screen_shown(self, shown: bool) -> None:
        if shown == ("team" in self.screens):
            return
        if shown:
            row = self._row_of("settings")  # just above Settings (Supervision stays last)
            item = QListWidgetItem(tr("Team"))
            item.setData(Qt.ItemDataRole.UserRole, "team")
            # Same index in the list and the stack, so currentRowChanged keeps matching.
            self.nav.insertItem(row, item)
            self.screens.add_waiting("team", row)
        else:
            row = self._row_of("team")
            widget = self.screens.remove("team")
            self.nav.takeItem(row)
            widget.deleteLater()
        for index in range(self.nav.count()):
            self.nav.item(index).setToolTip(f"Alt+{index + 1}")

    def _row_of(self, key: str) -> int:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return row
        return self.nav.count()

    def _on_settings_setting_changed(self, key: str, value: object) -> None:
        if key == "team_coordinator":
            self.set_team_screen_shown(bool(value) or self.session.team.contribution_count() > 0)

    def _build_screen(self, key: str) -> QWidget:
        """Create one screen and wire its intent signals; the one place that knows them all.

        Refreshes are not wired here: each screen follows the data it shows through the
        session's change events (ui/data_events.py), and reads fresh data when built."""
        session = self.session
        if key == "home":
            return self._wire_home(HomeScreen(session))
        if key == "reflect":
            reflect = ReflectScreen(session)
            reflect.open_saved_requested.connect(self._on_open_saved)
            return reflect
        if key == "journal":
            journal = JournalScreen(session)
            journal.new_entry_requested.connect(lambda: self.start_reflection())
            journal.open_entry_requested.connect(self._on_journal_open_entry)
            journal.edit_entry_requested.connect(self._on_journal_open_entry)
            return journal
        if key == "checkin":
            checkin = self._wire_cards(CheckinScreen(session))
            checkin.help_requested.connect(self.help_requested)
            return checkin
        if key == "trends":
            return self._wire_cards(TrendsScreen(session))
        if key == "resources":
            resources = ResourcesScreen(session)
            resources.help_requested.connect(self.help_requested)
            resources.checkin_requested.connect(lambda: self.arrive_at("checkin"))
            return resources
        if key == "debrief":
            debrief = DebriefScreen(session)
            # Actions that arrive in a supervisor's reply appear on Home at once.
            debrief.debrief_saved.connect(lambda _id: self.home.refresh())
            return debrief
        if key == "settings":
            return self._wire_settings(SettingsScreen(session, self.profiles))
        if key == "supervision":
            from reflect.ui.screens.supervision_screen import SupervisionScreen

            return SupervisionScreen(session)
        if key == "team":
            from reflect.ui.screens.team_screen import TeamScreen

            return TeamScreen(session)
        raise KeyError(key)

    # Typed access for the workspace's own wiring and for tests; each builds on first use.
    @property
    def home(self) -> HomeScreen:
        return cast(HomeScreen, self.screens["home"])

    @property
    def reflect(self) -> ReflectScreen:
        return cast(ReflectScreen, self.screens["reflect"])

    @property
    def journal(self) -> JournalScreen:
        return cast(JournalScreen, self.screens["journal"])

    @property
    def checkin(self) -> CheckinScreen:
        return cast(CheckinScreen, self.screens["checkin"])

    @property
    def trends(self) -> TrendsScreen:
        return cast(TrendsScreen, self.screens["trends"])

    @property
    def resources(self) -> ResourcesScreen:
        return cast(ResourcesScreen, self.screens["resources"])

    @property
    def debrief(self) -> DebriefScreen:
        return cast(DebriefScreen, self.screens["debrief"])

    @property
    def settings(self) -> SettingsScreen:
        return cast(SettingsScreen, self.screens["settings"])

    def _screen_hooks(self) -> list[Screen]:
        """Every screen built so far (mypy checks each class against Screen below)."""
        return [cast(Screen, screen) for screen in self.screens.built().values()]

    def _wire_cards(self, source: _CardsT) -> _CardsT:
        """Early-warning cards lead to suggestions, the plan and Understanding."""
        source.open_resources_requested.connect(self._on_open_resources_requested)
        source.open_plan_requested.connect(self._on_open_plan_requested)
        source.open_understanding_requested.connect(self._on_open_understanding_requested)
        return source

    def _wire_home(self, home: HomeScreen) -> HomeScreen:
        self._wire_cards(home)
        home.help_requested.connect(self.help_requested)
        home.checkin_requested.connect(lambda: self.arrive_at("checkin"))
        home.debrief_requested.connect(lambda: self.arrive_at("debrief"))
        home.reflection_requested.connect(lambda: self.start_reflection())
        home.template_requested.connect(self.start_reflection)
        home.draft_requested.connect(lambda: self.start_reflection())
        home.open_entry_requested.connect(self._on_journal_open_entry)
        return home

    def _wire_settings(self, settings: SettingsScreen) -> SettingsScreen:
        """Settings the window applies (language, theme…), restore and profile deletion."""
        settings.setting_changed.connect(self.setting_changed)
        settings.restore_requested.connect(self.restore_requested)
        settings.delete_profile_requested.connect(self.delete_profile_requested)
        settings.setting_changed.connect(self._on_settings_setting_changed)
        return settings

    def _on_journal_open_entry(self, reflection_id: int) -> None:
        if self.reflect.edit_reflection(reflection_id):
            self.show_screen("reflect")

    def _on_open_saved(self, reflection_id: int) -> None:
        """ "Open" after saving: the journal shows what was saved, to read."""
        if self.journal.read(reflection_id):
            self.show_screen("journal")

    def _on_open_resources_requested(self) -> None:
        """Early-warning cards lead to the suggestions that follow the latest check-in."""
        self.show_screen("resources")
        self.resources.show_suggestions()

    def _on_open_plan_requested(self) -> None:
        """The plan lives on the resources screen."""
        self.show_screen("resources")
        self.resources.show_plan()

    def _on_open_understanding_requested(self) -> None:
        """Early-warning notes and the first check-in link to Understanding vicarious trauma."""
        self.show_screen("resources")
        self.resources.show_understanding()

    # --- sealed files dropped on the window ----------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_sealed_file(Path(urls[0].toLocalFile()))

    def open_sealed_file(self, path: Path) -> str:
        """A reply goes to the debrief it answers; a packet to the Supervision screen."""
        from reflect.ui.sealed_drop import import_dropped_file

        message, destination = import_dropped_file(self.session, path)
        if destination is not None:
            for key in ("home", "debrief", "supervision"):  # screens not built read it later
                refresh = getattr(self.screens.built_screen(key), "refresh", None)
                if callable(refresh):
                    refresh()
            self.show_screen(destination)
        QMessageBox.information(self, tr("Sealed file"), message)
        return message

    def before_lock(self) -> None:
        """Give screens a chance to save drafts before the database closes. Every screen
        gets its chance even when one fails (a full disk); the first failure is raised
        afterwards, for the window to say so."""
        failure: Exception | None = None
        for screen in self._screen_hooks():
            try:
                screen.save_draft_now()
            except Exception as exc:  # noqa: BLE001 - the other screens still save
                failure = failure or exc
        if failure is not None:
            raise failure
