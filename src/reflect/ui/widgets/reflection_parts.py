"""Which parts of a ticked reflection to share: one tick box per answered question, plus
feelings, intensity, tags and follow-ups. The preview beside it shows exactly the result."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from reflect.services.debrief import Choice
from reflect.ui.i18n import tr


class ReflectionPartsChooser(QGroupBox):
    parts_changed = Signal(str, tuple)  # reflection ref, the parts now ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Parts of this reflection to share"), parent)
        self.ref = ""
        self._layout = QVBoxLayout(self)
        hint = QLabel(
            tr(
                "Only the ticked parts are shared; its date, setting and template always "
                "head the card."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("mutedLabel")
        self._layout.addWidget(hint)
        self.checks: dict[str, QCheckBox] = {}
        self.setAccessibleName(tr("Parts of this reflection to share"))

    def show_parts(self, ref: str, choices: Sequence[Choice], chosen: Sequence[str]) -> None:
        self.ref = ref
        for check in self.checks.values():
            self._layout.removeWidget(check)
            check.deleteLater()
        self.checks = {}
        for choice in choices:
            check = QCheckBox(choice.label)
            check.setChecked(choice.ref in chosen)
            check.toggled.connect(self._emit)
            self.checks[choice.ref] = check
            self._layout.addWidget(check)
        self.setVisible(bool(choices))

    def chosen(self) -> tuple[str, ...]:
        return tuple(ref for ref, check in self.checks.items() if check.isChecked())

    def _emit(self, _on: bool) -> None:
        self.parts_changed.emit(self.ref, self.chosen())
