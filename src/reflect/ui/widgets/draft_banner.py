"""The notice that an unsaved reflection was recovered, with keep and discard choices."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reflect.ui.i18n import local_date, tr
from reflect.ui.widgets.kept_work_banner import KeptWorkBanner


class DraftBanner(KeptWorkBanner):
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Recovered draft"), tr("Keep writing"), tr("Discard draft"), parent)
        self.keep_button = self.go_on_button
        self.discard_button = self.let_go_button
        self.discard_button.clicked.connect(self.discard_requested)

    def show_recovered(self, saved_at: datetime, edits_saved_entry: bool) -> None:
        if edits_saved_entry:
            text = tr(
                "Reflect kept your changes to a saved reflection from {when} and put them back "
                "here. Save them when you are ready, or discard them."
            )
        else:
            text = tr(
                "Reflect kept an unsaved reflection from {when} and put it back here. Save it "
                "when you are ready, or discard it."
            )
        self.say(text.format(when=local_date(saved_at, "d MMM, HH:mm")))
