"""The calm line above a check-in or questionnaire whose unsaved answers were kept and put back
(after a lock or a change of language), with Carry on and Start over."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from reflect.domain.form_draft import is_old
from reflect.ui.i18n import local_date, tr
from reflect.ui.widgets.kept_work_banner import KeptWorkBanner

CARRY_ON = "Carry on where you left off, or start over."
LOOK_OVER = "They are more than a day old: look them over before you save, or start over."


class KeptAnswersBanner(KeptWorkBanner):
    """Styled like the reflection's recovered draft (the same frame, see kept_work_banner.py)."""

    start_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Answers kept"), tr("Carry on"), tr("Start over"), parent)
        self.carry_on_button = self.go_on_button
        self.carry_on_button.setToolTip(tr("Hide this note; your answers stay as they are"))
        self.start_over_button = self.let_go_button
        self.start_over_button.setToolTip(tr("Clear these answers and the kept copy"))
        self.start_over_button.clicked.connect(self.start_over_requested)

    def show_kept(self, kept: str, saved_at: datetime | None, **values: str) -> None:
        """``kept``: an English template with ``{when}``, said before what to do next."""
        now = datetime.now()
        old = is_old(saved_at, now)
        when = saved_at or now
        if old:
            pattern = "d MMM yyyy, HH:mm"
        elif when.date() == now.date():
            pattern = "HH:mm"
        else:
            pattern = "d MMM, HH:mm"
        first = tr(kept).format(when=local_date(when, pattern), **values)
        self.say(f"{first} {tr(LOOK_OVER if old else CARRY_ON)}")
