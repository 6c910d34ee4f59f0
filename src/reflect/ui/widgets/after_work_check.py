"""The optional after-work part of the check-in: did I switch off, and what helped me detach.

Detaching from work after hours is one of the recovery experiences that buffer exhaustion
(second-wave-facts.md). Both questions are optional; an empty part saves nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reflect.services.exposure import AFTER_WORK_HELPED_MAX
from reflect.ui.i18n import tr
from reflect.ui.widgets.rating_row import RatingRow

SCALE = ("Not at all", "A little", "Somewhat", "Quite a bit", "A lot")


class AfterWorkCheck(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel()
        heading.setText("<b>" + tr("After work (optional)") + "</b>")
        heading.setContentsMargins(0, 10, 0, 2)
        layout.addWidget(heading)
        self.switched_off = RatingRow(
            tr("After my last shift, I managed to switch off from work."),
            [tr(word) for word in SCALE],
        )
        self.helped = QLineEdit()
        self.helped.setMaxLength(AFTER_WORK_HELPED_MAX)
        self.helped.setPlaceholderText(tr("What helped me detach? (optional)"))
        self.helped.setAccessibleName(tr("What helped me detach"))
        layout.addWidget(self.switched_off)
        layout.addWidget(self.helped)

    @property
    def is_empty(self) -> bool:
        return self.switched_off.value() is None and not self.helped.text().strip()

    def values(self) -> tuple[int | None, str]:
        return self.switched_off.value(), self.helped.text()

    def clear(self) -> None:
        self.switched_off.set_value(None)
        self.helped.clear()
