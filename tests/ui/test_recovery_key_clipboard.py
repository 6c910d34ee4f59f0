"""A copied recovery key is marked secret, so clipboard histories do not keep it on disk."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

CODE = "ABCDE-12345-FGHJK-67890-MNPQR"


def test_the_copied_key_carries_the_password_manager_hints(qtbot):
    dialog = RecoveryKeyDialog("Tester", CODE)
    qtbot.addWidget(dialog)
    dialog.copy_to_clipboard()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None and mime.text() == CODE
    # KDE's Klipper and other Linux clipboard managers write their history to disk; the
    # hint asks them not to keep this one. Windows: not in history, not uploaded to the cloud.
    assert bytes(mime.data("x-kde-passwordManagerHint")) == b"secret"
    assert mime.hasFormat(
        'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
    )
    assert (
        bytes(mime.data('application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'))
        == b"\x00\x00\x00\x00"
    )
    assert (
        bytes(mime.data('application/x-qt-windows-mime;value="CanUploadToCloudClipboard"'))
        == b"\x00\x00\x00\x00"
    )
    QGuiApplication.clipboard().clear()
