"""Keeps a half-typed paper questionnaire (or items half answered on an imported definition)
as an encrypted draft, and puts it back; see checkin_draft.py for when it is written.

Saving the result ends the draft in the same transaction (``record(end_draft=True)``).
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QBoxLayout

from reflect.domain.form_draft import InstrumentDraft
from reflect.services.instruments import InstrumentService
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.screens.instrument_panel import InstrumentPanel
from reflect.ui.widgets.kept_answers_banner import KeptAnswersBanner
from reflect.ui.widgets.rating_row import RatingRow

AUTOSAVE_MS = 2000  # also the check-in's (checkin_draft.py)
KEPT = "Your {name} answers from {when} were kept."
NOT_KEPT = "Your answers could not be kept ({error}); please save soon."


class QuestionnaireDraftKeeper(QObject):
    def __init__(self, panel: InstrumentPanel, service: InstrumentService) -> None:
        super().__init__(panel)
        self._panel = panel
        self._drafts = service.draft
        self._kept: InstrumentDraft | None = None  # what the database holds (no date)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._autosave_now)
        self.banner = KeptAnswersBanner()
        panel_layout = panel.layout()
        if isinstance(panel_layout, QBoxLayout):
            panel_layout.insertWidget(0, self.banner)
        self.banner.start_over_requested.connect(self.start_over)
        panel.answers.textChanged.connect(self._on_changed)
        # Rows are rebuilt for each definition with item text; a lock compares the answers
        # anyway, so a row this misses is still kept then.
        panel.picker.currentIndexChanged.connect(self._follow_rows)
        panel.result_saved.connect(self._on_saved)
        self._follow_rows()
        self.restored = self._offer()

    def _item_rows(self) -> list[RatingRow]:
        panel = self._panel
        host = panel.items_scroll.widget()
        if panel.picker.currentData() is None or not panel.definition.has_item_text or not host:
            return []
        layout = host.layout()
        if layout is None:
            return []
        rows: list[RatingRow] = []
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, RatingRow):
                rows.append(widget)
        return rows

    def _follow_rows(self, _index: int = 0) -> None:
        for row in self._item_rows():
            row.value_changed.connect(self._on_changed)
        self._on_changed()

    def read(self) -> InstrumentDraft | None:
        instrument_id = self._panel.picker.currentData()
        if instrument_id is None:
            return None
        rows = self._item_rows()
        if rows:
            return InstrumentDraft(str(instrument_id), items=tuple(r.value() for r in rows))
        return InstrumentDraft(str(instrument_id), typed=self._panel.answers.text())

    def _offer(self) -> bool:
        try:
            draft = self._drafts.load()
        except Exception:  # noqa: BLE001 - a damaged draft must not stop the screen opening
            return False
        panel = self._panel
        if draft is None or panel.picker.findData(draft.instrument_id) < 0:
            return False  # (a definition since removed: the draft waits, untouched)
        panel.select(draft.instrument_id)
        rows = self._item_rows()
        if rows:
            for row, value in zip(rows, draft.items, strict=False):
                row.set_value(value)
        else:
            panel.answers.setText(draft.typed)
        self._autosave.stop()
        self._kept = replace(draft, saved_at=None)
        self.banner.show_kept(KEPT, draft.saved_at, name=panel.definition.short_name)
        return True

    def _on_changed(self, _value: object = None) -> None:
        self._autosave.start()

    def _autosave_now(self) -> None:
        with contextlib.suppress(Exception):  # the status line says it
            self.save_now()

    def save_now(self) -> None:
        """Keep the answers if they differ from what is kept; say it here if that fails."""
        self._autosave.stop()
        current = self.read()
        if current is None or current == self._kept:
            return
        if self._kept is None and current.is_empty:
            return  # nothing typed and nothing kept: no write at all
        try:
            self._drafts.save(current)
        except Exception as exc:  # say it here, then raise for the lock screen to say too
            self._panel.show_status(tr(NOT_KEPT).format(error=message_in_language(exc)))
            raise
        self._kept = current

    def start_over(self) -> None:
        self._autosave.stop()
        self._panel.answers.clear()
        for row in self._item_rows():
            row.set_value(None)
        self._drafts.discard()
        self._kept = self.read()
        self.banner.hide()

    def _on_saved(self) -> None:
        # record(end_draft=True) removed the draft with the result; what the panel still
        # shows is saved, so a lock now keeps nothing.
        self._autosave.stop()
        self._kept = self.read()
        self.banner.hide()
