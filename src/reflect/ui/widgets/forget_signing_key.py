"""The confirmation before forgetting the signing key pinned for a supervisee or supervisor.

Forgetting a pin is how a person recovers when a forged file came before someone's first real
one (services/signing_pins.py). It also lets the next signed file in that name be trusted,
whoever wrote it, so the box says when it is right to do it and defaults to keeping the key.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reflect.ui.asked_across_lock import run_modal
from reflect.ui.i18n import tr
from reflect.ui.widgets.confirm import build_confirmation


def forget_key_confirmation(
    parent: QWidget | None, name: str, signing: str
) -> tuple[QMessageBox, object]:
    """The dialog and its "Forget" button, not shown (``ask_to_forget`` runs it)."""
    return build_confirmation(
        parent,
        tr("Forget this signing key?"),
        tr("Forget the signing key kept for {name} (signing fingerprint {fingerprint})?").format(
            name=name, fingerprint=signing
        ),
        tr("Forget signing key"),
        details=tr(
            "Do this only after comparing signing fingerprints with {name} in person or by "
            "phone, for instance when their real files are refused because a forged one came "
            "first. The next signed file in their name will be trusted in its place, whoever "
            "wrote it: import only a file you know is theirs. Files already kept stay as "
            "they are."
        ).format(name=name),
        keep=tr("Keep this key"),
    )


def ask_to_forget(parent: QWidget | None, name: str, signing: str) -> bool:
    """True only when the person chose "Forget signing key" itself."""
    box, act = forget_key_confirmation(parent, name, signing)
    locked = run_modal(box) is None
    chosen = box.clickedButton()
    box.deleteLater()
    return chosen is act and not locked
