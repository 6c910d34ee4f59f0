"""The OK / Cancel row at the foot of Reflect's dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from reflect.ui.i18n import tr


def ok_cancel(
    dialog: QDialog, on_ok: Callable[[], object], ok_text: str | None = None
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK runs ``on_ok`` (which accepts when it is satisfied), Cancel rejects; returns the
    row to place and its OK button, named ``ok_text`` when given (already translated)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text is not None:
        ok.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
