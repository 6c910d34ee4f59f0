"""The one way Reflect asks before it destroys or discards something.

Qt's ready-made question boxes make "Yes" the default, so a person who presses Enter out of
habit would delete a reflection or throw away a draft. Here the safe choice is the default
button and holds the focus; Enter and Escape both keep things as they are, and only a
deliberate click (or Tab to the action, then Enter/Space) destroys. The action button names
what it does ("Discard draft"), never a bare "Yes".
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.ui.asked_across_lock import run_modal
from reflect.ui.i18n import tr


def build_confirmation(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    *,
    details: str = "",
    keep: str = "",
) -> tuple[QMessageBox, object]:
    """The dialog and its action button, not shown; ``confirm_destructive`` runs it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    act = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    act.setAutoDefault(False)
    safe = box.addButton(keep or tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    safe.setObjectName("safeChoice")
    act.setObjectName("destructiveChoice")
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    safe.setFocus()
    return box, act


def confirm_destructive(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    *,
    details: str = "",
    keep: str = "",
) -> bool:
    """Ask before destroying; True only when the person chose ``action`` itself."""
    box, act = build_confirmation(parent, title, text, action, details=details, keep=keep)
    locked = run_modal(box) is None  # then Cancel: the session it would act on is closed
    chosen = box.clickedButton()
    box.deleteLater()
    return chosen is act and not locked
