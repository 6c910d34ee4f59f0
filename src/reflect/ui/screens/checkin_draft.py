"""Keeps a half-answered check-in as an encrypted draft, and puts it back.

Written a moment after the answers change and whenever the profile locks or the language
changes (``CheckinScreen.save_draft_now``), only when the form differs from what is already
kept: a restored draft left as it was keeps its date, so an old one still looks old. Saving
the check-in ends the draft in the same transaction (``record(end_draft=True)``); Start over
and Clear end it too. Nothing is ever submitted for the person.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QBoxLayout

from reflect.domain.form_draft import CheckinDraft
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.screens.questionnaire_draft import (
    AUTOSAVE_MS,
    NOT_KEPT,
    QuestionnaireDraftKeeper,
)
from reflect.ui.widgets.kept_answers_banner import KeptAnswersBanner

if TYPE_CHECKING:
    from reflect.domain.checkin import CheckIn
    from reflect.ui.screens.checkin_screen import CheckinScreen

KEPT = "Your answers from {when} were kept."


class CheckinDraftKeeper(QObject):
    def __init__(self, screen: CheckinScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._drafts = screen.session.checkins.draft
        self._kept = CheckinDraft()  # what the database holds for this form (no date)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._autosave_now)
        self.banner = KeptAnswersBanner()
        # At the top of the form page, above the title: the first thing seen on coming back.
        page_layout = screen.pages.widget(0).layout()  # type: ignore[union-attr]
        if isinstance(page_layout, QBoxLayout):
            page_layout.insertWidget(0, self.banner)
        self.banner.start_over_requested.connect(self.start_over)
        self._follow_changes()
        screen.checkin_saved.connect(self._on_saved)
        self.questionnaire = QuestionnaireDraftKeeper(
            screen.instruments, screen.session.instruments
        )
        restored = self._offer()
        if not restored and self.questionnaire.restored:
            screen.tabs.setCurrentWidget(screen.instruments)

    def _follow_changes(self) -> None:
        s = self._screen
        rows = [*s.item_rows.values(), s.sleep_row, s.energy_row]
        rows += [*s.helping_rows.values(), *s.strength_rows.values(), s.after_work.switched_off]
        for row in rows:
            row.value_changed.connect(self._on_changed)
        for edit in (s.helped_note, s.note, s.after_work.helped):
            edit.textChanged.connect(self._on_changed)

    # --- the form's answers ----------------------------------------------------------------

    def read(self) -> CheckinDraft:
        s = self._screen

        def answered(rows: dict) -> dict[str, int]:  # type: ignore[type-arg]
            return {key: row.value() for key, row in rows.items() if row.value() is not None}

        return CheckinDraft(
            item_scores={**answered(s.item_rows), **answered(s.strength_rows)},
            sleep=s.sleep_row.value(),
            energy=s.energy_row.value(),
            helping=answered(s.helping_rows),
            helped_note=s.helped_note.text(),
            note=s.note.text(),
            switched_off=s.after_work.switched_off.value(),
            detach_note=s.after_work.helped.text(),
        )

    def fill(self, draft: CheckinDraft, *, after_work: bool = True) -> None:
        """Put answers in the form (a restored draft, or a check-in whose save was undone,
        which leaves the after-work part as it stands)."""
        s = self._screen
        for item_id, value in draft.item_scores.items():
            row = s.item_rows.get(item_id) or s.strength_rows.get(item_id)
            if row is not None:
                row.set_value(value)
        s.sleep_row.set_value(draft.sleep)
        s.energy_row.set_value(draft.energy)
        for area, value in draft.helping.items():
            if area in s.helping_rows:
                s.helping_rows[area].set_value(value)
        s.helped_note.setText(draft.helped_note)
        s.note.setText(draft.note)
        if after_work:
            s.after_work.switched_off.set_value(draft.switched_off)
            s.after_work.helped.setText(draft.detach_note)

    def put_back(self, checkin: CheckIn) -> None:
        """The answers of a check-in whose save was undone; the after-work part stayed."""
        values = (checkin.item_scores, checkin.sleep, checkin.energy, checkin.helping)
        self.fill(CheckinDraft(*values, checkin.helped_note, checkin.note), after_work=False)

    # --- keeping, offering, ending ----------------------------------------------------------

    def _offer(self) -> bool:
        try:
            draft = self._drafts.load()
        except Exception:  # noqa: BLE001 - a damaged draft must not stop the screen opening
            return False
        if draft is None:
            return False
        self.fill(draft)
        self._kept = replace(draft, saved_at=None)
        self.banner.show_kept(KEPT, draft.saved_at)
        return True

    def _on_changed(self, _value: object = None) -> None:
        self._autosave.start()

    def _autosave_now(self) -> None:
        """The autosave never raises into the event loop: the form's error line says it."""
        with contextlib.suppress(Exception):
            self._save_checkin()

    def _save_checkin(self) -> None:
        if self._screen.pages.currentIndex() != 0:
            return  # the result of a saved check-in is showing: nothing is waiting
        current = self.read()
        if current == self._kept:
            return
        try:
            self._drafts.save(current)
        except Exception as exc:  # say it here, then raise for the lock screen to say too
            self._screen.error.setText(tr(NOT_KEPT).format(error=message_in_language(exc)))
            raise
        self._kept = current

    def save_now(self) -> None:
        """Before a lock or a change of language. Both drafts get their chance even when one
        fails; the first failure is raised afterwards."""
        self._autosave.stop()
        failure: Exception | None = None
        for save in (self._save_checkin, self.questionnaire.save_now):
            try:
                save()
            except Exception as exc:  # noqa: BLE001 - the other draft still saves
                failure = failure or exc
        if failure is not None:
            raise failure

    def start_over(self) -> None:
        self._autosave.stop()
        self._screen.clear_form()
        self._drafts.discard()
        self._kept = CheckinDraft()
        self.banner.hide()

    def _on_saved(self, _checkin_id: int) -> None:
        # record(end_draft=True) removed the draft with the save.
        self._autosave.stop()
        self._kept = CheckinDraft()
        self.banner.hide()
