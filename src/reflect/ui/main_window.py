"""The unlocked workspace: navigation on the left, one screen at a time on the right.

Built fresh on every unlock and destroyed on lock, so no view can keep data after locking.
All screens are created and their intent signals wired in ``_build_screens``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

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
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.screens.home_screen import HomeScreen
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.placeholder_screen import PlaceholderScreen
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.screens.resources_screen import ResourcesScreen
from reflect.ui.screens.settings_screen import SettingsScreen
from reflect.ui.screens.trends_screen import TrendsScreen  # matplotlib loads on first show

# (key, label, shortcut) in navigation order; Alt+number jumps to a screen.
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


class MainWindow(QWidget):
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
        supervisor = session.settings.get("role") == "supervisor"
        self.navigation = NAVIGATION + (SUPERVISOR_NAVIGATION if supervisor else ())
        # A sealed reply (or, for a supervisor, a packet) can be dropped on the window.
        self.setAcceptDrops(True)

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
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
        root.addLayout(side)

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
        for index in range(len(self.navigation) + 1):  # + the Team screen, when shown
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

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

    def _row_of(self, key: str) -> int:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return row
        return self.nav.count()

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
        else:
            widget = self.screens.pop("team")
            row = self.stack.indexOf(widget)
            self.nav.takeItem(row)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        for index in range(self.nav.count()):
            self.nav.item(index).setToolTip(f"Alt+{index + 1}")

    def _on_settings_setting_changed(self, key: str, value: object) -> None:
        if key == "team_coordinator":
            self.set_team_screen_shown(bool(value) or self.session.team.contribution_count() > 0)

    def _build_screens(self) -> None:
        """Create every screen and wire its intent signals; the one place that knows them all."""
        factories: dict[str, Callable[[], QWidget]] = {
            "checkin": lambda: CheckinScreen(self.session),
            "resources": lambda: ResourcesScreen(self.session),
            "reflect": lambda: ReflectScreen(self.session),
            "journal": lambda: JournalScreen(self.session),
            "debrief": lambda: DebriefScreen(self.session),
            "home": lambda: HomeScreen(self.session),
            "settings": lambda: SettingsScreen(self.session, self.profiles),
            "trends": lambda: TrendsScreen(self.session),
            "supervision": lambda: _supervision_screen(self.session),
        }
        for key, label in self.navigation:
            factory = factories.get(key)
            coming = tr("This part of Reflect is on its way.")
            widget = factory() if factory else PlaceholderScreen(tr(label), coming)
            self._add_screen(key, label, widget)

        checkin = self.screens["checkin"]
        if isinstance(checkin, CheckinScreen):
            checkin.open_resources_requested.connect(self._on_open_resources_requested)
            checkin.open_plan_requested.connect(self._on_open_plan_requested)
            checkin.open_understanding_requested.connect(self._on_open_understanding_requested)
            checkin.help_requested.connect(self.help_requested)

        resources = self.screens["resources"]
        if isinstance(resources, ResourcesScreen):
            resources.help_requested.connect(self.help_requested)
            resources.checkin_requested.connect(lambda: self.show_screen("checkin"))
            if isinstance(checkin, CheckinScreen):
                checkin.checkin_saved.connect(lambda _id: resources.refresh_suggestions())

        reflect, journal = self.screens["reflect"], self.screens["journal"]
        if isinstance(reflect, ReflectScreen) and isinstance(journal, JournalScreen):
            journal.open_entry_requested.connect(self._on_journal_open_entry)
            journal.new_entry_requested.connect(lambda: self.show_screen("reflect"))
            reflect.reflection_saved.connect(lambda _id: journal.refresh())

        home = self.screens["home"]
        if isinstance(home, HomeScreen):
            home.reflection_requested.connect(lambda: self.show_screen("reflect"))
            home.checkin_requested.connect(lambda: self.show_screen("checkin"))
            home.open_entry_requested.connect(self._on_journal_open_entry)
            home.open_resources_requested.connect(self._on_open_resources_requested)
            home.open_plan_requested.connect(self._on_open_plan_requested)
            home.open_understanding_requested.connect(self._on_open_understanding_requested)
            home.help_requested.connect(self.help_requested)
            if isinstance(journal, JournalScreen):
                home.follow_ups_changed.connect(journal.refresh)

        trends = self.screens["trends"]
        if isinstance(trends, TrendsScreen):
            trends.open_resources_requested.connect(self._on_open_resources_requested)
            trends.open_plan_requested.connect(self._on_open_plan_requested)
            trends.open_understanding_requested.connect(self._on_open_understanding_requested)
            if isinstance(checkin, CheckinScreen):
                checkin.checkin_saved.connect(lambda _id: trends.refresh())
            if isinstance(reflect, ReflectScreen):
                reflect.reflection_saved.connect(lambda _id: trends.refresh())
                reflect.exposure_changed.connect(trends.refresh)
            if isinstance(home, HomeScreen):
                home.exposure_changed.connect(trends.refresh)

        settings = self.screens["settings"]
        if isinstance(settings, SettingsScreen):
            settings.setting_changed.connect(self.setting_changed)
            settings.restore_requested.connect(self.restore_requested)
            settings.delete_profile_requested.connect(self.delete_profile_requested)
            settings.data_imported.connect(self.refresh_after_import)
            settings.setting_changed.connect(self._on_settings_setting_changed)
        if self.session.team.visible:
            self.set_team_screen_shown(True)

        supervision = self.screens.get("supervision")
        debrief = self.screens["debrief"]
        if supervision is not None and isinstance(debrief, DebriefScreen):
            debrief.debrief_saved.connect(lambda _id: supervision.refresh())  # type: ignore[attr-defined]
        if isinstance(debrief, DebriefScreen) and isinstance(home, HomeScreen):
            # Actions that arrive in a supervisor's reply appear on Home at once.
            debrief.debrief_saved.connect(lambda _id: home.refresh())

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
                self.refresh_after_import()
                self.show_screen("supervision" if opened.kind == "packet" else "home")
        QMessageBox.information(self, tr("Sealed file"), message)
        return message

    def refresh_after_import(self) -> None:
        """Imported records show up everywhere without locking."""
        for screen in self.screens.values():
            refresh = getattr(screen, "refresh", None)
            if callable(refresh):
                refresh()

    def _on_journal_open_entry(self, reflection_id: int) -> None:
        reflect = self.screens["reflect"]
        if isinstance(reflect, ReflectScreen) and reflect.edit_reflection(reflection_id):
            self.show_screen("reflect")

    def _on_open_resources_requested(self) -> None:
        """Early-warning cards lead to the suggestions that follow the latest check-in."""
        self.show_screen("resources")
        show_suggestions = getattr(self.screens.get("resources"), "show_suggestions", None)
        if callable(show_suggestions):
            show_suggestions()

    def _on_open_plan_requested(self) -> None:
        """The plan lives on the resources screen; open it there if that screen can."""
        self.show_screen("resources")
        show_plan = getattr(self.screens.get("resources"), "show_plan", None)
        if callable(show_plan):
            show_plan()

    def _on_open_understanding_requested(self) -> None:
        """Early-warning notes and the first check-in link to Understanding vicarious trauma."""
        self.show_screen("resources")
        show = getattr(self.screens.get("resources"), "show_understanding", None)
        if callable(show):
            show()

    def before_lock(self) -> None:
        """Give screens a chance to save drafts before the database closes."""
        for screen in self.screens.values():
            save = getattr(screen, "save_draft_now", None)
            if callable(save):
                save()


def _supervision_screen(session: Session) -> QWidget:
    from reflect.ui.screens.supervision_screen import SupervisionScreen

    return SupervisionScreen(session)
