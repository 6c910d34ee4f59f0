"""The reflection editor: a form built from the chosen template plus the details every
reflection shares (when, where, tags, intensity, follow-ups).

Drafts autosave into the encrypted database a few seconds after a change, so a crash or a
lock loses at most a few seconds of typing; the next unlock restores the draft and says so.
The identity guard watches the text and offers initials, without ever blocking a save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from reflect.domain.errors import ReflectError
from reflect.domain.reflection import Reflection
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, tr
from reflect.ui.screens.reflect_editor_view import ReflectEditorView
from reflect.ui.screens.reflect_stale import StaleEditGuard
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.identity_watch import IdentityWatch, TextBox
from reflect.ui.widgets.intensity_input import IntensityInput
from reflect.ui.widgets.template_form import TemplateForm
from reflect.ui.widgets.template_picker import last_template, remember_template
from reflect.ui.widgets.text_aids import Speller, attach_tag_completer

AUTOSAVE_MS = 3000


def ask(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Asks before writing is thrown away; keeping it is the default (Enter keeps)."""
    return confirm_destructive(parent, title, text, action, keep=tr("Keep my writing"))


class ReflectScreen(StaleEditGuard, ReflectEditorView, QWidget):
    reflection_saved = Signal(int)
    open_saved_requested = Signal(int)  # "Open" on the after-save line: read what was saved

    def __init__(
        self, session: Session, parent: QWidget | None = None, autosave_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Write a reflection"))
        self.journal = session.journal
        self.session = session
        self._unlinked_shifts: list[int] = []
        self.settings = session.settings
        self.speller: Speller | None = None
        if self.settings.get("spell_check"):
            words = [str(w) for w in self.settings.get("spelling_words") or []]
            self.speller = Speller(str(self.settings.get("language")), words, self)
            self.speller.word_added.connect(self._on_spelling_word_added)
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, action: ask(
            self, title, text, action
        )
        self._current = self.journal.new_reflection(self.last_template())
        self._init_stale_guard()
        self._loading = False
        self._dirty = False
        self.form: TemplateForm | None = None

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self._autosave_draft)
        self._build_editor(QVBoxLayout(self), self.journal)
        self.identity = IdentityWatch(self.identity_banner, self._guarded_texts, self)
        self._connect()
        self._load(self._current)
        self._offer_draft()

    # --- layout -------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.template_combo.currentIndexChanged.connect(self._on_template_changed)
        self.details.changed.connect(self._on_changed)
        self.extra_intensity.changed.connect(self._on_changed)
        self.follow_ups.changed.connect(self._on_changed)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.shift_button.clicked.connect(self.log_shift)
        # A new follow-up row appears at the very bottom: scroll so it can be seen.
        self.follow_ups.add_button.clicked.connect(
            lambda: QTimer.singleShot(
                0, self, lambda: self.scroll_area.ensureWidgetVisible(self.follow_ups.add_button)
            )
        )
        self.draft_banner.discard_requested.connect(self._on_discard_draft_clicked)
        self.saved_line.open_requested.connect(self.open_saved_requested)
        self.saved_line.write_another_requested.connect(self.focus_first_box)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.New, self._on_new_clicked),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- loading --------------------------------------------------------------------------------

    def _build_form(self, template_id: str) -> None:
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
        template = self.journal.template_for(Reflection(template_id, datetime.now()))
        self.form = TemplateForm(template)
        self.form.changed.connect(self._on_changed)
        self.form.changed.connect(self._update_word_total)
        self.form_holder.addWidget(self.form)
        for widget in self.form.texts.values():
            if self.speller is not None and isinstance(widget, QPlainTextEdit):
                self.speller.attach(widget)
        self.tag_completer = attach_tag_completer(self.details.tags, self.journal.tags())
        self.extra_intensity_box.setVisible(self.form.intensity is None)

    def _intensity_widget(self) -> IntensityInput:
        assert self.form is not None
        return self.form.intensity or self.extra_intensity

    def _load(self, reflection: Reflection) -> None:
        self._loading = True
        self._unlinked_shifts = []  # another reflection: earlier shifts are not about it
        try:
            self._current = reflection
            self._base = reflection if reflection.id is not None else None
            template = self.journal.template_for(reflection)
            index = self.template_combo.findData(template.id)
            if index < 0:  # a reflection whose template was removed: list it so it stays editable
                self.template_combo.addItem(tr(template.name), template.id)
                index = self.template_combo.count() - 1
            self.template_combo.setCurrentIndex(index)
            self._build_form(template.id)
            assert self.form is not None
            self.form.set_answers(reflection.answers)
            self.details.set_values(reflection.occurred_at, reflection.setting, reflection.tags)
            widget = self._intensity_widget()
            widget.set_value(reflection.intensity)
            widget.set_feelings(reflection.feelings)
            self.follow_ups.set_follow_ups(reflection.follow_ups)
        finally:
            self._loading = False
        self._dirty = False
        self.identity.reset()
        self._update_word_total()
        self._update_heading()
        self.check_identity()

    def _on_spelling_word_added(self, word: str) -> None:
        words = [str(w) for w in self.settings.get("spelling_words") or []]
        if word.lower() not in words:
            self.settings.set("spelling_words", [*words, word.lower()][-2000:])

    def _offer_draft(self) -> None:
        draft = self.journal.load_draft()
        if draft is None:
            return
        self._load(draft.reflection)
        self._base = draft.base  # the reflection as first loaded, to check when it is saved
        self._dirty = True  # it is still unsaved
        self.draft_banner.show_recovered(draft.saved_at, draft.editing_id is not None)

    # --- state --------------------------------------------------------------------------------

    def current_reflection(self) -> Reflection:
        """What the editor shows, as a Reflection (not yet validated or saved)."""
        assert self.form is not None
        widget = self._intensity_widget()
        return Reflection(
            template_id=self.form.template.id,
            occurred_at=self.details.occurred_at(),
            setting=self.details.setting_text(),
            tags=self.details.tag_list(),
            intensity=widget.value(),
            feelings=widget.feelings(),
            answers=self.form.answers(),
            follow_ups=self.follow_ups.follow_ups(),
            created_at=self._current.created_at,
            id=self._current.id,
        )

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def _on_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.saved_line.hide()
        self._dirty = True
        if not self._autosave.isActive():
            self._autosave.start()  # at most a few seconds after the first unsaved change
        self.identity.schedule()

    def _on_template_changed(self, _index: int) -> None:
        if self._loading or self.form is None:
            return
        before = self.current_reflection()
        new_id = str(self.template_combo.currentData())
        # Asked while the old form holds every answer: a lock meanwhile drafts it whole.
        template = self.journal.template_for(Reflection(new_id, datetime.now()))
        keys = {k for f in template.fields() for k in f.answer_keys()}
        dropped = [k for k in before.answers if k not in keys]
        change = not dropped or self.confirm(
            tr("Change template?"),
            tr(
                "{count} answer(s) do not fit the new template and would be left out. "
                "Change anyway?"
            ).format(count=len(dropped)),
            tr("Change template"),
        )
        if not self.session.is_open:
            return  # locked while asking: this screen goes, its draft is kept
        self._loading = True
        if change:
            self._build_form(new_id)
            self._put_back(before, {k: v for k, v in before.answers.items() if k in keys})
        else:  # the form stayed; the combo goes back
            self.template_combo.setCurrentIndex(self.template_combo.findData(before.template_id))
        self._loading = False
        if change:
            self._on_changed()

    def _put_back(self, before: Reflection, answers: dict[str, Any]) -> None:
        """After a template change: the answers that fit, and the intensity and feelings."""
        assert self.form is not None
        self.form.set_answers(answers)
        self._intensity_widget().set_value(before.intensity)
        self._intensity_widget().set_feelings(before.feelings)

    # --- actions ------------------------------------------------------------------------------

    def save(self) -> Reflection | None:
        self._autosave.stop()
        try:
            edited = self._settle_stale(self.current_reflection())
            if edited is None:
                return None
            saved = self.journal.save(edited)
        except ReflectError as exc:
            self.status.setText(tr("Not saved yet: {error}").format(error=message_in_language(exc)))
            return None
        except Exception as exc:  # noqa: BLE001 - keep the writing whatever went wrong
            self._dirty = True
            self._autosave_draft()
            self.status.setText(
                tr(
                    "Reflect could not save this ({error}). Your text is still here and kept "
                    "as a draft."
                ).format(error=message_in_language(exc))
            )
            return None
        self._remember_template(saved.template_id)
        self.status.setText(self._stale_note)  # empty unless it had changed elsewhere
        self.draft_banner.hide()
        if self._unlinked_shifts and saved.id is not None:
            # Shifts logged while this new reflection was being written belong to it.
            self.session.exposure.link_reflection(self._unlinked_shifts, saved.id)
            self._unlinked_shifts = []
        self._load(self.journal.new_reflection(saved.template_id))
        # A fresh form, read from the top, and one line to open what was saved or go on.
        self.scroll_area.verticalScrollBar().setValue(0)
        self.saved_line.show_saved(
            int(saved.id or 0),
            tr(self.journal.templates.name_of(saved.template_id)),
            local_date(saved.occurred_at, "d MMM, HH:mm"),
        )
        self.reflection_saved.emit(int(saved.id or 0))
        return saved

    # --- templates and focus ------------------------------------------------------------------

    def last_template(self) -> str | None:
        """The template this profile used last, if it still exists."""
        return last_template(self.settings, self.journal.templates)

    def _remember_template(self, template_id: str) -> None:
        remember_template(self.settings, template_id)

    def template_ids(self) -> list[str]:
        return self.template_combo.template_ids()

    def start_with_template(self, template_id: str) -> None:
        """Home's menu and Ctrl+1..Ctrl+5: this template, cursor in its first text box."""
        index = self.template_combo.findData(template_id)
        if index >= 0 and index != self.template_combo.currentIndex():
            self.template_combo.setCurrentIndex(index)  # asks before dropping answers
        self.focus_first_box()

    def arrive(self) -> None:
        """Reached on purpose (Alt+2, Home, a shortcut): ready to type."""
        self.focus_first_box()

    def refresh(self) -> None:
        """The form shows what is being written, not stored data: nothing to redraw."""

    def log_shift(self) -> None:
        """The shift this reflection is about, logged beside it (linked once saved)."""
        from reflect.services.exposure import NO_SELF_CHECKS_SETTING
        from reflect.ui.screens.shift_log_dialog import ShiftLogDialog

        dialog = ShiftLogDialog(
            self.session.exposure,
            self,
            day=self.details.occurred_at().date(),
            reflection_id=self._current.id,
            offer_self_checks=not self.session.settings.get(NO_SELF_CHECKS_SETTING),
        )
        if run_modal(dialog) is None or dialog.saved is None:
            return
        if dialog.saved.reflection_id is None and dialog.saved.id is not None:
            self._unlinked_shifts.append(dialog.saved.id)
        self.status.setText(tr("Shift logged."))

    def _autosave_draft(self) -> None:
        """The autosave never raises into the event loop: the status line says it failed."""
        with contextlib.suppress(Exception):
            self.save_draft_now()

    def save_draft_now(self) -> None:
        """Keep the writing as a draft; also called before locking, where a failure is
        raised (after the status line says it) so the lock screen can say it too."""
        self._autosave.stop()
        if not self._dirty:
            return
        try:
            self.journal.save_draft(self.current_reflection(), self._base)
        except Exception as exc:  # say it here, then raise for the caller
            self.status.setText(
                tr("The draft could not be kept ({error}); please save soon.").format(
                    error=message_in_language(exc)
                )
            )
            raise
        self.status.setText(
            tr("Draft kept safely at {time}.").format(time=datetime.now().strftime("%H:%M:%S"))
        )

    def new_reflection(self) -> None:
        self.journal.discard_draft()
        self.draft_banner.hide()
        self.saved_line.hide()
        self._load(self.journal.new_reflection(str(self.template_combo.currentData())))
        self.status.clear()

    def _on_new_clicked(self) -> None:
        if self._dirty and not self.confirm(
            tr("Start a new reflection?"),
            tr("What you have written here is not saved yet. Discard it?"),
            tr("Discard and start new"),
        ):
            return
        self.new_reflection()
        self.focus_first_box()

    def _on_discard_draft_clicked(self) -> None:
        if self.confirm(
            tr("Discard the draft?"),
            tr("The recovered text will be deleted for good."),
            tr("Discard draft"),
        ):
            self.new_reflection()

    def edit_reflection(self, reflection_id: int) -> bool:
        """Open a saved reflection; asks first if unsaved writing would be replaced."""
        if self._current.id == reflection_id and self._dirty:
            return True
        reflection = self.journal.get(reflection_id)
        if reflection is None:
            self.status.setText(tr("That reflection no longer exists."))
            return False
        if self._dirty and not self.confirm(
            tr("Open another reflection?"),
            tr("What you are writing now is not saved yet. Replace it?"),
            tr("Discard and open"),
        ):
            return False
        self.journal.discard_draft()
        self.draft_banner.hide()
        self._load(reflection)
        self.status.clear()
        return True

    # --- identity guard ---------------------------------------------------------------------

    def _guarded_texts(self) -> list[TextBox]:
        boxes: list[TextBox] = list(self.form.text_widgets().values()) if self.form else []
        boxes.extend(row.text for row in self.follow_ups.rows)
        boxes.append(self.tags)
        return boxes

    def check_identity(self) -> None:
        self.identity.check()
