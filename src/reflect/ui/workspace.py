"""The unlocked workspace: navigation on the left, one screen at a time on the right.

Built fresh on every unlock and destroyed on lock, so no view can keep data after locking.
All screens are created and their intent signals wired in ``_build_screens``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.screens.home_screen import HomeScreen
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.screens.resources_screen import ResourcesScreen
from reflect.ui.screens.settings_screen import SettingsScreen
from reflect.ui.screens.trends_screen import TrendsScreen  # matplotlib loads on first show

if TYPE_CHECKING:
    from reflect.ui.screens.team_screen import TeamScreen

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
        self.screens: dict[str, QWidget] = {}
        self.team: TeamScreen | None = None
        supervisor = session.settings.get("role") == "supervisor"
        self.navigation = NAVIGATION + (SUPERVISOR_NAVIGATION if supervisor else ())
        self.supervision: QWidget | None = None
        # A sealed reply (or, for a supervisor, a packet) can be dropped on the window.
        self.setAcceptDrops(True)

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addLayout(self._build_side(session))

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)

        self._build_screens()
        # As wide as the longest label in this language and font size, no wider.
        metrics = self.nav.fontMetrics()
        labels = [self.nav.item(i).text() for i in range(self.nav.count())]
        widest = max(metrics.horizontalAdvance(text) for text in labels)
        buttons = max(self.help_button.sizeHint().width(), self.lock_button.sizeHint().width())
        self.nav.setFixedWidth(max(widest + metrics.lineSpacing() * 3, buttons))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.help_button.clicked.connect(self.help_requested)
        self.lock_button.clicked.connect(self.lock_requested)
        for index in range(len(self.navigation) + 1):  # + the Team screen, when it is shown
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self._arrive_at_row(i))
        # Ctrl+1..Ctrl+5: a new reflection on that template, from anywhere in the workspace.
        for number, template_id in enumerate(self.reflect.template_ids()[:5], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda t=template_id: self.start_reflection(t))
        self.nav.setCurrentRow(0)

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

    def _add_screen(self, key: str, label: str, widget: QWidget) -> None:
        self.screens[key] = widget
        item = QListWidgetItem(tr(label))
        item.setToolTip(f"Alt+{self.nav.count() + 1}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(widget)

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
            from reflect.ui.screens.team_screen import TeamScreen

            screen = TeamScreen(self.session)
            row = self._row_of("settings")  # just above Settings (Supervision stays last)
            item = QListWidgetItem(tr("Team"))
            item.setData(Qt.ItemDataRole.UserRole, "team")
            # Same index in the list and the stack, so currentRowChanged keeps matching.
            self.nav.insertItem(row, item)
            self.stack.insertWidget(row, screen)
            self.screens["team"] = screen
            self.team = screen
        else:
            self.team = None
            widget = self.screens.pop("team")
            row = self.stack.indexOf(widget)
            self.nav.takeItem(row)
            self.stack.removeWidget(widget)
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

    def _build_screens(self) -> None:
        """Create every screen and wire its intent signals; the one place that knows them all.

        Refreshes are not wired here: each screen follows the data it shows through the
        session's change events (ui/data_events.py)."""
        session = self.session
        self.home = HomeScreen(session)
        self.reflect = ReflectScreen(session)
        self.journal = JournalScreen(session)
        self.checkin = CheckinScreen(session)
        self.trends = TrendsScreen(session)
        self.resources = ResourcesScreen(session)
        self.debrief = DebriefScreen(session)
        self.settings = SettingsScreen(session, self.profiles)
        built: dict[str, QWidget] = {
            "home": self.home,
            "reflect": self.reflect,
            "journal": self.journal,
            "checkin": self.checkin,
            "trends": self.trends,
            "resources": self.resources,
            "debrief": self.debrief,
            "settings": self.settings,
        }
        if ("supervision", "Supervision") in self.navigation:
            from reflect.ui.screens.supervision_screen import SupervisionScreen

            self.supervision = SupervisionScreen(session)
            built["supervision"] = self.supervision
        for key, label in self.navigation:
            self._add_screen(key, label, built[key])
        # Actions that arrive in a supervisor's reply appear on Home at once.
        self.debrief.debrief_saved.connect(lambda _id: self.home.refresh())
        self._wire_navigation()
        self._wire_settings()
        if session.team.visible:
            self.set_team_screen_shown(True)

    def _screen_hooks(self) -> list[Screen]:
        """Every screen, as the protocol the workspace relies on (mypy checks each one)."""
        hooks: list[Screen] = [
            self.home,
            self.reflect,
            self.journal,
            self.checkin,
            self.trends,
            self.resources,
            self.debrief,
            self.settings,
        ]
        if self.team is not None:
            hooks.append(self.team)
        return hooks

    def _wire_navigation(self) -> None:
        """Intent signals: a screen asks to show another one (or the help lines)."""
        for source in (self.home, self.checkin, self.trends):
            source.open_resources_requested.connect(self._on_open_resources_requested)
            source.open_plan_requested.connect(self._on_open_plan_requested)
            source.open_understanding_requested.connect(self._on_open_understanding_requested)
        for source_with_help in (self.home, self.checkin, self.resources):
            source_with_help.help_requested.connect(self.help_requested)
        self.resources.checkin_requested.connect(lambda: self.arrive_at("checkin"))
        self.home.checkin_requested.connect(lambda: self.arrive_at("checkin"))
        self.home.reflection_requested.connect(lambda: self.start_reflection())
        self.home.template_requested.connect(self.start_reflection)
        self.home.draft_requested.connect(lambda: self.start_reflection())
        self.journal.new_entry_requested.connect(lambda: self.start_reflection())
        self.home.open_entry_requested.connect(self._on_journal_open_entry)
        self.journal.open_entry_requested.connect(self._on_journal_open_entry)
        self.journal.edit_entry_requested.connect(self._on_journal_open_entry)
        self.reflect.open_saved_requested.connect(self._on_open_saved)

    def _wire_settings(self) -> None:
        """Settings the window applies (language, theme…), restore and profile deletion."""
        self.settings.setting_changed.connect(self.setting_changed)
        self.settings.restore_requested.connect(self.restore_requested)
        self.settings.delete_profile_requested.connect(self.delete_profile_requested)
        self.settings.setting_changed.connect(self._on_settings_setting_changed)

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
        from reflect.domain.errors import ReflectError
        from reflect.services.supervision_inbox import import_sealed, is_sealed_file
        from reflect.ui.error_text import message_in_language

        if not is_sealed_file(path):
            message = tr(
                "Only sealed files from Reflect (a supervisor's reply or a debrief packet) can "
                "be dropped here. Other imports are in Settings → Your data."
            )
        else:
            try:
                opened = import_sealed(self.session, path)
            except ReflectError as error:
                message = message_in_language(error)
            else:
                if opened.kind == "reply" and opened.reply is not None:
                    message = tr(
                        "Reply imported: {count} action(s) added; they are on Home and in "
                        "your next debrief."
                    ).format(count=opened.reply.actions_added)
                else:
                    message = tr("Packet kept in your supervision record.")
                self.home.refresh()
                self.debrief.refresh()
                refresh = getattr(self.supervision, "refresh", None)
                if callable(refresh):
                    refresh()
                self.show_screen("supervision" if opened.kind == "packet" else "home")
        QMessageBox.information(self, tr("Sealed file"), message)
        return message

    def before_lock(self) -> None:
        """Give screens a chance to save drafts before the database closes."""
        for screen in self._screen_hooks():
            screen.save_draft_now()
