"""Which parts of a ticked reflection to share: one tick box per answered question, plus
feelings, intensity, tags and follow-ups. The preview beside it shows exactly the result."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflect.services.debrief import Choice
from reflect.ui.i18n import tr

LABEL_CHARS = 48  # longer questions are shortened here; the tooltip holds the whole question


class ReflectionPartsChooser(QGroupBox):
    parts_changed = Signal(str, tuple)  # reflection ref, the parts now ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Parts of this reflection to share"), parent)
        self.ref = ""
        layout = QVBoxLayout(self)
        hint = QLabel(
            tr(
                "Only the ticked parts are shared; its date, setting and template always "
                "head the card."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("mutedLabel")
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(hint)
        # A template with many questions scrolls here instead of squeezing the preview.
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self._scroll)
        self.checks: dict[str, QCheckBox] = {}
        self.setAccessibleName(tr("Parts of this reflection to share"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_parts(self, ref: str, choices: Sequence[Choice], chosen: Sequence[str]) -> None:
        self.ref = ref
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        self.checks = {}
        for choice in choices:
            text = choice.label
            short = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
            check = QCheckBox(short)
            check.setToolTip(text)
            check.setAccessibleName(text)
            check.setChecked(choice.ref in chosen)
            check.toggled.connect(self._emit)
            self.checks[choice.ref] = check
            column.addWidget(check)
        column.addStretch(1)
        self._scroll.setWidget(inner)  # the old tick boxes go with their widget
        rows = inner.sizeHint().height()
        self._scroll.setFixedHeight(min(rows, 7 * max(1, self.fontMetrics().lineSpacing()) + 40))
        self.setVisible(bool(choices))

    def chosen(self) -> tuple[str, ...]:
        return tuple(ref for ref, check in self.checks.items() if check.isChecked())

    def _emit(self, _on: bool) -> None:
        self.parts_changed.emit(self.ref, self.chosen())
