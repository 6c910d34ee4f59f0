"""Settings → Writing: spell-checking and the opt-in "A year ago today" card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from reflect.ui.i18n import tr


class WritingSettings(QGroupBox):
    def __init__(
        self,
        values: dict[str, Any],
        save: Callable[[str, Any], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Writing"), parent)
        box = QVBoxLayout(self)
        self.spell_check = QCheckBox(tr("Check &spelling as I write (offline, English or French)"))
        self.spell_check.setChecked(bool(values.get("spell_check", True)))
        self.on_this_day = QCheckBox(tr("Show “A year ago today” on Home"))
        self.on_this_day.setChecked(bool(values.get("on_this_day", False)))
        note = QLabel(
            tr(
                "Off unless you turn it on: meeting an old entry unasked can be painful. "
                "When on, Home mentions what you wrote on this day last year; you can "
                "dismiss it for the day."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("fieldHelp")
        for widget in (self.spell_check, self.on_this_day, note):
            box.addWidget(widget)
        self.spell_check.toggled.connect(lambda on: save("spell_check", bool(on)))
        self.on_this_day.toggled.connect(lambda on: save("on_this_day", bool(on)))
