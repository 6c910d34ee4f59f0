"""Your data: back up now, restore, export and import, with progress and plain-text warnings.

Opened from Settings. Slow work runs on a worker thread; the buttons wait meanwhile. Restore
needs the profile closed, so this dialog only asks (file, confirmation, passphrase) and emits
``restore_requested``; the window locks, restores and reports on the lock screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.passphrase import MIN_PASSPHRASE_LENGTH
from reflect.services.backups import backup_now, list_backups
from reflect.services.export import PLAIN_TEXT_WARNING, available_formats, export_profile
from reflect.services.importing import detect_format, import_file, preview_import
from reflect.services.record_kinds import kind
from reflect.services.session import Session
from reflect.services.worker_session import separate_session
from reflect.ui.asked_across_lock import Button, accepted, ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, tr
from reflect.ui.native_dialogs import open_file_name, save_file_name
from reflect.ui.screens.passphrase_prompt import PassphrasePrompt
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole
from reflect.ui.workers import run_in_background


class DataDialog(QDialog):
    restore_requested = Signal(Path, str)  # backup file, passphrase
    data_imported = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.session = session
        self.setWindowTitle(tr("Your data"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        layout.addWidget(self._build_backups())
        layout.addWidget(self._build_export())
        layout.addWidget(self._build_import())
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Status"))
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        # Enter outside a button closes; it never starts a backup nobody asked for.
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self._refresh_backups()

    # --- helpers ---------------------------------------------------------------------------

    def _build_backups(self) -> QGroupBox:
        """Back up now and restore."""
        backups = QGroupBox(tr("Backups"))
        box = QVBoxLayout(backups)
        self.backup_summary = QLabel()
        self.backup_summary.setWordWrap(True)
        box.addWidget(self.backup_summary)
        row = QHBoxLayout()
        self.backup_button = QPushButton(tr("&Back up now"))
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button = QPushButton(tr("&Restore from a backup…"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        box.addLayout(row)
        return backups

    def _build_export(self) -> QGroupBox:
        """The export format and button, with the plain-text warning."""
        export = QGroupBox(tr("Export"))
        box = QVBoxLayout(export)
        note = QLabel(
            tr(
                "The encrypted archive is the safe way to move your data; it has its own "
                "passphrase. JSON, CSV and Markdown are plain text that anyone can read."
            )
        )
        note.setWordWrap(True)
        box.addWidget(note)
        row = QHBoxLayout()
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(tr("Export format"))
        for name, exporter in available_formats().items():
            self.format_combo.addItem(tr(exporter.label), name)
        self.export_button = QPushButton(tr("&Export…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        row.addWidget(self.format_combo, 1)
        row.addWidget(self.export_button)
        box.addLayout(row)
        return export

    def _build_import(self) -> QGroupBox:
        """Import a Reflect archive or a jrnl export."""
        importing = QGroupBox(tr("Import"))
        box = QVBoxLayout(importing)
        note = QLabel(
            tr(
                "Add a Reflect archive or a jrnl JSON export (jrnl --format json). You see "
                "what would be added before anything is written; duplicates are skipped."
            )
        )
        note.setWordWrap(True)
        box.addWidget(note)
        self.import_button = QPushButton(tr("&Import…"))
        self.import_button.clicked.connect(self._on_import_clicked)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        box.addLayout(row)
        return importing

    def _refresh_backups(self) -> None:
        found = list_backups(self.session.profile)
        if not found:
            self.backup_summary.setText(
                tr(
                    "No backups yet. Reflect makes one each day when you unlock (7 daily and 4 "
                    "weekly copies are kept)."
                )
            )
            return
        latest = found[0]
        count = (
            tr("1 encrypted backup.")
            if len(found) == 1
            else tr("{count} encrypted backups.").format(count=len(found))
        )
        latest_text = tr("Latest: {when} ({kind}).").format(
            when=local_date(latest.modified, "d MMM yyyy, HH:mm"), kind=tr(latest.kind)
        )
        kept = tr("7 daily and 4 weekly copies are kept automatically.")
        self.backup_summary.setText(f"{count} {latest_text} {kept}")

    def _busy(self, busy: bool, text: str = "") -> None:
        for button in (
            self.backup_button,
            self.restore_button,
            self.export_button,
            self.import_button,
        ):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.status.setText(text)

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if text:
            self.status.setText(message_in_language(text))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText(tr("That did not work: {error}").format(error=message_in_language(exc)))

    def _ask_passphrase(self, title: str, text: str, *, confirm: bool = False) -> str | None:
        prompt = PassphrasePrompt(
            title,
            text,
            confirm=confirm,
            minimum=MIN_PASSPHRASE_LENGTH if confirm else 1,
            parent=self,
        )
        if not accepted(prompt):
            return None
        secret = prompt.passphrase()
        prompt.clear()
        return secret

    # --- backup and restore ----------------------------------------------------------------

    def _on_backup_clicked(self) -> None:
        self._busy(True, tr("Writing and checking a backup…"))

        def done(report: Any) -> None:
            self._busy(
                False,
                tr("Backup written and verified: {name}").format(name=report.written[0].name),
            )
            self._refresh_backups()

        def work() -> Any:
            with separate_session(self.session) as reader:
                return backup_now(reader)

        run_in_background(work, done, self._failed, owner=self)

    def _on_restore_clicked(self) -> None:
        folder = str(self.session.profile.directory / "backups")
        path, _ = open_file_name(
            self,
            tr("Restore from a backup"),
            folder,
            tr("Reflect backups") + " (*.reflect-backup)",
        )
        if not path:
            return
        if not confirm_destructive(
            self,
            tr("Restore this backup?"),
            tr(
                "Restoring replaces everything in this profile with the backup. Your current "
                "data is first kept as a backup of its own, so you can go back.\n\nReflect "
                "will lock, restore, and then ask for your passphrase again."
            ),
            tr("Restore"),
        ):
            return
        secret = self._ask_passphrase(
            tr("Passphrase"),
            tr(
                "Your passphrase (or, for a backup made before you changed it, the one you "
                "had then)."
            ),
        )
        if secret:
            self.restore_requested.emit(Path(path), secret)
            self.accept()

    # --- export ----------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        name = self.format_combo.currentData()
        exporter = available_formats()[name]
        if exporter.plain and not ask_yes(
            self,
            tr("This export is not encrypted"),
            tr(PLAIN_TEXT_WARNING),
            buttons=Button.Yes | Button.Cancel,
            default=Button.Cancel,
            warning=True,
        ):
            return
        path, _ = save_file_name(
            self,
            tr("Export to"),
            str(Path.home() / f"reflect-export{exporter.suffix}"),
            f"*{exporter.suffix}",
        )
        if not path:
            return
        secret = None
        if not exporter.plain:
            secret = self._ask_passphrase(
                tr("Archive passphrase"),
                tr(
                    "Choose a passphrase for the archive. You will need it to import the "
                    "archive later; it can differ from your profile's passphrase."
                ),
                confirm=True,
            )
            if secret is None:
                return
        self._busy(True, tr("Exporting…"))

        def work(report_progress: Any) -> Any:
            with separate_session(self.session) as reader:
                return export_profile(
                    reader,
                    name,
                    Path(path),
                    plain_ok=exporter.plain,
                    archive_passphrase=secret,
                    progress=report_progress,
                )

        def done(report: Any) -> None:
            if report.plain:
                text = tr("Wrote a plain-text export to {path} (only you can open it).")
            else:
                text = tr("Wrote an encrypted export to {path} (only you can open it).")
            self._busy(False, text.format(path=report.path))

        run_in_background(work, done, self._failed, self._on_progress, owner=self)

    # --- import ----------------------------------------------------------------------------

    def _on_import_clicked(self) -> None:
        path, _ = open_file_name(
            self,
            tr("Import"),
            str(Path.home()),
            tr("Reflect archives or jrnl JSON")
            + " (*.reflect-archive *.json);;"
            + tr("All files")
            + " (*)",
        )
        if not path:
            return
        try:
            kind = detect_format(Path(path))
        except Exception as exc:  # noqa: BLE001 - shown to the person, nothing written
            self.status.setText(message_in_language(exc))
            return
        secret = None
        if kind == "reflect-archive":
            secret = self._ask_passphrase(
                tr("Archive passphrase"), tr("The passphrase this archive was exported with.")
            )
            if secret is None:
                return
        self._busy(True, tr("Reading the file…"))

        def work() -> Any:
            with separate_session(self.session) as reader:
                return preview_import(reader, Path(path), secret)

        run_in_background(
            work,
            lambda preview: self._confirm_import(Path(path), secret, preview),
            self._failed,
            owner=self,
        )

    def _confirm_import(self, path: Path, secret: str | None, preview: Any) -> None:
        self._busy(False)
        if preview.new_total == 0:
            # The notes still say what was not taken (a setting refused, a link lost).
            nothing = tr("Nothing new in {name}: {count} records are already here.").format(
                name=path.name, count=preview.duplicate_total
            )
            notes = [message_in_language(note) for note in preview.notes]
            self.status.setText("\n".join([nothing, *notes]))
            return
        lines = [
            tr("{count} new {records} ({duplicates} already here)").format(
                count=c["new"], records=tr(kind(name)), duplicates=c["duplicates"]
            )
            for name, c in preview.counts.items()
            if c["new"]
        ]
        if preview.date_from:
            lines.append(
                tr("Dates: {start} to {end}").format(start=preview.date_from, end=preview.date_to)
            )
        notes = [message_in_language(note) for note in preview.notes]
        if not ask_yes(
            self,
            tr("Import these records?"),
            "\n".join([*lines, *notes]),
            buttons=Button.Yes | Button.Cancel,
            default=Button.NoButton,
        ):
            self.status.setText(tr("Nothing was imported."))
            return
        self._busy(True, tr("Importing…"))

        def done(report: Any) -> None:
            total = sum(report.written.values())
            self._busy(
                False,
                tr("Imported {count} records from {name}.").format(count=total, name=path.name),
            )
            self.data_imported.emit()

        def work(report: Callable[[int, str], None]) -> Any:
            # Its own connection, as for every worker: the GUI keeps reading and saving on
            # its own meanwhile. The import announces "imported" on the shared change feed,
            # which refreshes every screen (see ui/data_events.py).
            with separate_session(self.session) as writer:
                return import_file(writer, path, secret, progress=report)

        run_in_background(work, done, self._failed, self._on_progress, owner=self)
