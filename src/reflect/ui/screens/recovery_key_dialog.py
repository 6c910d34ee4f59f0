"""Shows a new recovery key once, with a way to print it. Reflect keeps no copy of it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr
from reflect.ui.native_dialogs import print_accepted
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_NO = b"\x00\x00\x00\x00"  # a DWORD 0


def secret_mime_data(text: str) -> QMimeData:
    """``text`` marked as a secret: clipboard histories (KDE's Klipper writes its history to
    disk; Windows keeps one and may upload it to the cloud) are asked not to keep it."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData("x-kde-passwordManagerHint", b"secret")
    mime.setData(_WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"), b"1")
    mime.setData(_WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"), _NO)
    mime.setData(_WINDOWS_FORMAT.format("CanUploadToCloudClipboard"), _NO)
    return mime


CLIPBOARD_CLEAR_MS = 60_000

EXPLANATION = (
    "This recovery key opens your profile if you ever forget your passphrase. Print it or "
    "write it down and keep it somewhere safe and private, away from this computer. Anyone "
    "holding it can open your profile. Reflect does not keep a copy and will not show it again."
)


def recovery_sheet_html(profile_name: str, code: str) -> str:
    return (
        "<h1>" + tr("Reflect recovery key") + "</h1>"
        "<p>" + tr("Profile: <b>{name}</b>").format(name=escape(profile_name, quote=False)) + "</p>"
        f"<p style='font-size:20pt; font-family:monospace'>{escape(code, quote=False)}</p>"
        "<p>"
        + tr(
            "On the lock screen choose <i>Forgot passphrase?</i>, type this key and choose a "
            "new passphrase. Keep this sheet private: it opens your profile."
        )
        + "</p>"
    )


class RecoveryKeyDialog(QDialog):
    def __init__(self, profile_name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("Your recovery key"))
        self.setMinimumWidth(480)
        self._profile_name = profile_name
        self._code = code
        layout = QVBoxLayout(self)
        text = QLabel(tr(EXPLANATION))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.code_label = QLabel(code)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(tr("Recovery key"))
        layout.addWidget(self.code_label)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setAccessibleName(tr("Print the recovery key"))
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setAccessibleName(tr("Copy the recovery key"))
        self.copy_button.setToolTip(tr("Copy it to paste into a password manager"))
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.copy_note = QLabel()
        self.copy_note.setObjectName("mutedLabel")
        self.copy_note.setWordWrap(True)
        layout.addWidget(self.copy_note)
        self.stored = QCheckBox(tr("I have written down or printed this key"))
        layout.addWidget(self.stored)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Done"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.stored.toggled.connect(self.ok_button.setEnabled)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.copy_button.clicked.connect(self.copy_to_clipboard)

    def copy_to_clipboard(self) -> None:
        """Copy the key, and take it off the clipboard a minute later (if it is still there):
        a key left on the clipboard could be pasted anywhere by accident."""
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setMimeData(secret_mime_data(self._code))
        code = self._code

        def clear() -> None:
            if clipboard.text() == code:
                clipboard.clear()

        # Parented to the application, so it still runs after this dialog is closed.
        QTimer.singleShot(CLIPBOARD_CLEAR_MS, app, clear)
        self.copy_note.setText(tr("Copied. Reflect clears the clipboard in one minute."))

    def _on_print_clicked(self) -> None:
        # Printing goes straight to the printer chosen in the dialog; no file is written
        # unless the person picks "print to file" themselves.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not print_accepted(QPrintDialog(printer, self)):
            return
        document = QTextDocument()
        document.setHtml(recovery_sheet_html(self._profile_name, self._code))
        document.print_(printer)

    def reject(self) -> None:
        # Closing before confirming would lose the only copy of the key, so ask to confirm.
        if self.stored.isChecked():
            super().reject()
        else:
            self.stored.setFocus()
