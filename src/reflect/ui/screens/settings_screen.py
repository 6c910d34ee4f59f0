"""Settings: appearance, language, locking, help-line country, reminder, data and profile.

Every change is saved at once (there is no Apply button to forget) and announced through
``setting_changed`` so the window can act on it live (idle timeout, theme, reminder).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reminders import DAY_NAMES, format_time, parse_days, parse_time
from reflect.services.profiles import ProfileService
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted, run_modal
from reflect.ui.i18n import LANGUAGES, tr
from reflect.ui.screens.profile_key_actions import change_passphrase, make_recovery_key
from reflect.ui.widgets.scroll_page import scroll_page
from reflect.ui.widgets.writing_settings import WritingSettings

THEME_CHOICES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
COUNTRY_CHOICES = (("CA", "Canada"), ("US", "United States"))


def _combo(name: str, choices: tuple[tuple[str, str], ...], current: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for value, label in choices:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


def _screen_title(text: str) -> QLabel:
    title = QLabel(text)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    title.setFont(font)
    return title


class SettingsScreen(QWidget):
    setting_changed = Signal(str, object)
    restore_requested = Signal(Path, str)
    delete_profile_requested = Signal()

    def __init__(
        self,
        session: Session,
        profiles: ProfileService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.profiles = profiles
        self.settings = session.settings
        self.setAccessibleName(tr("Settings"))
        values = self.settings.all()

        layout = self._scroll_body()
        layout.addWidget(_screen_title(tr("Settings")))
        self._build_look(values, layout)
        layout.addWidget(self._build_privacy(values))
        layout.addWidget(self._build_reminder(values))
        self._build_recovery(session, layout)
        layout.addWidget(self._build_data(values))
        self._build_roles(session, layout)
        layout.addWidget(self._build_profile())
        self._build_footer(layout)
        self._connect()
        self._sync_reminder_enabled()

    def _scroll_body(self) -> QVBoxLayout:
        """The screen scrolls as one page; returns the layout of the page."""
        return scroll_page(self, (24, 20, 24, 20), spacing=12)

    def _build_recovery(self, session: Session, layout: QVBoxLayout) -> None:
        """Exposure and recovery (its own widget, saving through this screen)."""
        from reflect.ui.widgets.recovery_settings import RecoverySettings

        self.recovery = RecoverySettings(session, self._save)
        layout.addWidget(self.recovery)

    def _build_roles(self, session: Session, layout: QVBoxLayout) -> None:
        """Supervision (the role, my key, my supervisors) and the team."""
        from reflect.ui.widgets.supervision_settings import SupervisionSettings
        from reflect.ui.widgets.team_settings_box import TeamSettingsBox

        self.supervision = SupervisionSettings(session)
        self.supervision.role_changed.connect(lambda role: self.setting_changed.emit("role", role))
        layout.addWidget(self.supervision)
        self.team_box = TeamSettingsBox(session)  # contributing to a team, or coordinating one
        self.team_box.coordinator_changed.connect(
            lambda on: self.setting_changed.emit("team_coordinator", on)
        )
        layout.addWidget(self.team_box)

    def _build_footer(self, layout: QVBoxLayout) -> None:
        """The status line (what was just saved) and About Reflect."""
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Status"))
        layout.addWidget(self.status)
        about_row = QHBoxLayout()
        self.about_button = QPushButton(tr("About Reflect…"))
        self.about_button.clicked.connect(self.show_about)
        about_row.addWidget(self.about_button)
        about_row.addStretch(1)
        layout.addLayout(about_row)
        layout.addStretch(1)

    def _build_look(self, values: dict[str, Any], layout: QVBoxLayout) -> None:
        """Theme, language and writing aids."""
        look = QGroupBox(tr("Appearance and language"))
        form = QFormLayout(look)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.theme_combo = _combo(
            tr("Theme"), tuple((v, tr(label)) for v, label in THEME_CHOICES), str(values["theme"])
        )
        self.language_combo = _combo(
            tr("Language"), tuple(LANGUAGES.items()), str(values["language"])
        )
        self.language_combo.setAccessibleDescription(
            tr("English or French; the workspace is rebuilt in the new language")
        )
        form.addRow(tr("&Theme"), self.theme_combo)
        form.addRow(tr("&Language"), self.language_combo)
        layout.addWidget(look)
        self.writing = WritingSettings(values, self._save)
        layout.addWidget(self.writing)

    def _build_privacy(self, values: dict[str, Any]) -> QWidget:
        """Automatic lock and the country of the help lines."""
        privacy = QGroupBox(tr("Privacy and help"))
        form = QFormLayout(privacy)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.lock_spin = QSpinBox()
        self.lock_spin.setRange(1, 120)
        self.lock_spin.setValue(int(float(values["auto_lock_minutes"] or 5)))
        self.lock_spin.setSuffix(tr(" min"))
        self.lock_spin.setAccessibleName(tr("Lock after this many minutes without activity"))
        self.country_combo = _combo(
            tr("Country for help lines"),
            tuple((v, tr(n)) for v, n in COUNTRY_CHOICES),
            str(values["country"]),
        )
        form.addRow(tr("Lock after &inactivity"), self.lock_spin)
        form.addRow(tr("Help lines for"), self.country_combo)
        return privacy

    def _build_reminder(self, values: dict[str, Any]) -> QWidget:
        """The post-shift reminder: on or off, time and days."""
        reminder = QGroupBox(tr("Post-shift reminder"))
        box = QVBoxLayout(reminder)
        note = QLabel(
            tr(
                "A quiet note in the system tray at the time you choose. It never counts days "
                "or says what you have or have not done, and it shows nothing private."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("mutedLabel")
        box.addWidget(note)
        from reflect.ui.tray_reminder import tray_available

        if not tray_available():
            missing = QLabel(
                tr(
                    "This desktop has no system tray, so the reminder cannot appear "
                    "here. Your choice is kept for a computer that has one."
                )
            )
            missing.setWordWrap(True)
            box.addWidget(missing)
        self.reminder_check = QCheckBox(tr("&Remind me after my shift"))
        self.reminder_check.setChecked(bool(values["reminder_enabled"]))
        box.addWidget(self.reminder_check)
        row = QHBoxLayout()
        time_label = QLabel(tr("At"))
        self.reminder_time = QTimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        at = parse_time(values["reminder_time"])
        self.reminder_time.setTime(QTime(at.hour, at.minute))
        self.reminder_time.setAccessibleName(tr("Reminder time"))
        time_label.setBuddy(self.reminder_time)
        row.addWidget(time_label)
        row.addWidget(self.reminder_time)
        row.addSpacing(12)
        days = parse_days(values["reminder_days"])
        self.day_checks: list[QCheckBox] = []
        for number, name in enumerate(DAY_NAMES):
            check = QCheckBox(tr(name))
            check.setChecked(number in days)
            check.setAccessibleName(tr("Remind me on {day}").format(day=tr(name)))
            self.day_checks.append(check)
            row.addWidget(check)
        row.addStretch(1)
        box.addLayout(row)
        return reminder

    def _build_data(self, values: dict[str, Any]) -> QWidget:
        """Daily backups, the data dialog buttons and the data folder."""
        data = QGroupBox(tr("Your data"))
        box = QVBoxLayout(data)
        # What is kept goes under the box, wrapped: a check box's text never wraps, and in
        # French the whole sentence made Settings wider than the smallest window.
        self.backup_check = QCheckBox(tr("Make an encrypted &backup every day"))
        kept = QLabel(tr("Kept: the last 7 daily backups and 4 weekly ones."))
        kept.setObjectName("mutedLabel")
        kept.setWordWrap(True)
        self.backup_check.setAccessibleDescription(kept.text())
        self.backup_check.setChecked(bool(values["backup_enabled"]))
        box.addWidget(self.backup_check)
        box.addWidget(kept)
        row = QHBoxLayout()
        self.data_buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("backup", "Back up now"),
            ("restore", "Restore…"),
            ("export", "Export…"),
            ("import", "Import…"),
        ):
            button = QPushButton(tr(label))
            button.setAccessibleName(tr(label).rstrip("…"))
            button.clicked.connect(lambda _=False, k=key: self.open_data_dialog(k))
            self.data_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(str(self.data_folder))
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(tr("Data folder"))
        self.copy_button = QPushButton(tr("&Copy path"))
        self.copy_button.setAccessibleName(tr("Copy the data folder path"))
        folder_row.addWidget(QLabel(tr("Data folder:")))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.copy_button)
        box.addLayout(folder_row)
        return data

    def _build_profile(self) -> QWidget:
        """Passphrase, recovery key and deleting the profile."""
        profile = QGroupBox(tr("This profile"))
        row = QVBoxLayout(profile)
        self.passphrase_button = QPushButton(tr("Change &passphrase…"))
        self.passphrase_button.setAccessibleName(tr("Change passphrase"))
        self.passphrase_button.setEnabled(self.profiles is not None)
        self.delete_button = QPushButton(tr("Delete this profile…"))
        self.delete_button.setAccessibleName(tr("Delete this profile"))
        self.delete_button.setEnabled(self.profiles is not None)
        self.recovery_button = QPushButton(tr("New &recovery key…"))
        self.recovery_button.setAccessibleName(tr("Make a new recovery key"))
        self.recovery_button.setToolTip(
            tr("A printable key that opens this profile if the passphrase is forgotten.")
        )
        self.recovery_button.setEnabled(self.profiles is not None)
        # Deleting on a line of its own: apart from the keys, and three buttons side by side
        # made Settings wider than the smallest window in French.
        keys = QHBoxLayout()
        keys.addWidget(self.passphrase_button)
        keys.addWidget(self.recovery_button)
        keys.addStretch(1)
        row.addLayout(keys)
        row.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        return profile

    @property
    def data_folder(self) -> Path:
        return self.session.paths.profile_dir(self.session.profile.profile_id)

    def refresh(self) -> None:
        """Settings are read when built and written as they change: nothing to redraw."""

    def save_draft_now(self) -> None:
        """Every setting is saved as it changes: no draft to keep."""

    def _connect(self) -> None:
        self.theme_combo.currentIndexChanged.connect(
            lambda _i: self._save("theme", self.theme_combo.currentData())
        )
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self._save("language", self.language_combo.currentData())
        )
        self.lock_spin.valueChanged.connect(lambda v: self._save("auto_lock_minutes", int(v)))
        self.country_combo.currentIndexChanged.connect(
            lambda _i: self._save("country", self.country_combo.currentData())
        )
        self.reminder_check.toggled.connect(self._on_reminder_toggled)
        self.reminder_time.timeChanged.connect(
            lambda t: self._save("reminder_time", format_time(parse_time(t.toString("HH:mm"))))
        )
        for check in self.day_checks:
            check.toggled.connect(lambda _on: self._save("reminder_days", self.chosen_days()))
        self.backup_check.toggled.connect(lambda on: self._save("backup_enabled", bool(on)))
        self.copy_button.clicked.connect(self._copy_path)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.recovery_button.clicked.connect(self.make_recovery_key)
        self.delete_button.clicked.connect(self.confirm_delete)

    def chosen_days(self) -> list[int]:
        return [n for n, check in enumerate(self.day_checks) if check.isChecked()]

    def _save(self, key: str, value: Any) -> None:
        self.settings.set(key, value)
        self.status.setText(tr("Saved."))
        self.setting_changed.emit(key, value)

    def _on_reminder_toggled(self, on: bool) -> None:
        self._sync_reminder_enabled()
        self._save("reminder_enabled", bool(on))

    def _sync_reminder_enabled(self) -> None:
        on = self.reminder_check.isChecked()
        self.reminder_time.setEnabled(on)
        for check in self.day_checks:
            check.setEnabled(on)

    def set_reminder_enabled(self, on: bool) -> None:
        """Called when the tray menu turns the reminder off, so the two agree."""
        self.reminder_check.blockSignals(True)
        self.reminder_check.setChecked(on)
        self.reminder_check.blockSignals(False)
        self._sync_reminder_enabled()

    def _copy_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self.data_folder))
        self.status.setText(tr("Data folder path copied."))

    def open_data_dialog(self, action: str = "") -> None:
        from reflect.ui.screens.data_dialog import DataDialog

        dialog = DataDialog(self.session, self)
        dialog.restore_requested.connect(self.restore_requested)
        button = {
            "backup": "backup_button",
            "restore": "restore_button",
            "export": "export_button",
            "import": "import_button",
        }.get(action)
        target = getattr(dialog, button, None) if button else None
        if isinstance(target, QPushButton):
            QTimer.singleShot(0, target.click)  # once the dialog is up, start what was asked
        run_modal(dialog)

    def change_passphrase(self) -> None:
        if self.profiles is not None:
            change_passphrase(self, self.profiles, self.session, self.status.setText)

    def make_recovery_key(self) -> None:
        if self.profiles is not None:
            make_recovery_key(self, self.profiles, self.session, self.status.setText)

    def confirm_delete(self) -> None:
        from reflect.ui.screens.delete_profile_dialog import DeleteProfileDialog

        dialog = DeleteProfileDialog(
            self.session.profile.display_name or self.session.profile.profile_id, self
        )
        if accepted(dialog):
            self.delete_profile_requested.emit()

    def show_about(self) -> None:
        from reflect.ui.screens.about_dialog import AboutDialog

        run_modal(AboutDialog(self))

    def show_message(self, text: str) -> None:
        QMessageBox.information(self, tr("Settings"), text)
