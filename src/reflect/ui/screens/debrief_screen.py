"""Debrief screen: prepare a debrief (what to share, topics), see history and open actions,
start debrief mode and export a summary of the shared material."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.debrief import Debrief
from reflect.domain.errors import ReflectError
from reflect.paths import write_private_file
from reflect.services.debrief import Choice
from reflect.services.debrief_markdown import debrief_markdown
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.data_events import follow
from reflect.ui.debrief_pdf import ask_export_path, render_debrief_pdf
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import open_file_name
from reflect.ui.screens.debrief_editor_view import DebriefEditorView
from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.screens.debrief_untitled import name_untitled, remember_to_reopen, reopen_kept
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.debrief_cards import KIND_LABELS
from reflect.ui.widgets.signature_marks import reply_heading, reply_tip
from reflect.ui.widgets.wall_clock import from_qdatetime, to_qdatetime


class DebriefScreen(DebriefEditorView, QWidget):
    debrief_saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        follow(session, ("debriefs_changed",), self.refresh, self)
        self.service = session.debrief
        # The screen is rebuilt when the language changes, so its wording is fixed here.
        self.words = interface_words()
        self.debrief: Debrief = self.service.new(words=self.words)
        self.mode: DebriefMode | None = None

        split = QSplitter(self)
        outer = QVBoxLayout(self)
        self._build_view(outer, split, self.service)

        self.new_button.clicked.connect(self.new_debrief)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save)
        self.start_button.clicked.connect(self.start_mode)
        self.markdown_button.clicked.connect(lambda: self.export("md"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.send_button.clicked.connect(self.send_to_supervisor)
        self.reply_button.clicked.connect(self.choose_reply)
        self.sidebar.open_requested.connect(self.open_debrief)
        self.picker.current_changed.connect(self._show_preview)
        self.picker.search_changed.connect(self._search_reflections)
        self.picker.changed.connect(lambda: self._show_preview(*self.picker.current()))
        self.picker.reflection_ticked.connect(self._on_picker_reflection_ticked)
        self.parts.parts_changed.connect(self._on_parts_changed)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        # Arriving on the screen starts in the form, not in the history list (which would
        # otherwise highlight its first row and look as if that debrief were open).
        self.setFocusProxy(self.title)
        self._load(self.debrief)
        reopen_kept(self)  # saved under a filled-in title at the last lock
        self.refresh()

    # --- loading and saving ----------------------------------------------------------

    def refresh(self) -> None:
        self.sidebar.refresh(self.debrief.id)

    def _select_in_history(self) -> None:
        self.sidebar.select(self.debrief.id)

    def _show_preview(self, kind: str, ref: str) -> None:
        shared = (kind, ref) in self.picker.shared()
        parts = self.picker.parts_of(ref) if kind == "reflection" and shared else None
        self._show_parts(kind, ref, shared, parts)
        if not ref:
            self.preview.show_card(None)
            return
        try:
            when = from_qdatetime(self.when.dateTime())  # charts as of the debrief's date
            card = self.service.preview(kind, ref, when, self.words, parts)  # type: ignore[arg-type]
        except (ReflectError, ValueError):
            self.preview.show_card(None)
            return
        self.preview.show_card(card, shared=shared)

    def _show_parts(self, kind: str, ref: str, shared: bool, parts: tuple[str, ...] | None) -> None:
        """The parts chooser belongs to a ticked reflection only."""
        if kind != "reflection" or not shared or not ref:
            self.parts.hide()
            return
        choices = self.service.reflection_parts(ref, self.words)
        chosen = parts if parts is not None else tuple(c.ref for c in choices)
        if self.parts.isVisible() and self.parts.chosen() == chosen and self.parts.ref == ref:
            return  # the person is ticking parts here: keep focus where it is
        self.parts.show_parts(ref, choices, chosen)

    def _on_picker_reflection_ticked(self, ref: str) -> None:
        remembered = self.session.settings.get("debrief_share_parts")
        self.picker.set_parts(ref, self.service.default_parts(ref, remembered))

    def _on_parts_changed(self, ref: str, parts: tuple[str, ...]) -> None:
        # Remembered as the starting point for the next reflection ticked ("the summary
        # fields the person picks").
        self.session.settings.set("debrief_share_parts", list(parts))
        self.picker.set_parts(ref, parts)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Coming back to the screen: list reflections, check-ins and actions written or
        ticked elsewhere since, keeping the form and the ticks exactly as they are."""
        super().showEvent(event)
        if self.mode is None:
            self.reload_lists()

    def reload_lists(self) -> None:
        shared = self.picker.shared()
        choices = self._choices(shared)
        for kind in ("checkin", "chart"):
            self.picker.set_kind_choices(kind, [c for c in choices if c.kind == kind])
        self._search_reflections(self.picker.query())
        self.refresh()

    def _search_reflections(self, query: str) -> None:
        if query:
            choices = self.service.reflection_choices(query, words=self.words)
        else:
            choices = [c for c in self._choices(self.picker.shared()) if c.kind == "reflection"]
        self.picker.set_kind_choices("reflection", choices)

    def _choices(self, shared: list[tuple[str, str]]) -> list[Choice]:
        choices = [
            *self.service.reflection_choices(words=self.words),
            *self.service.checkin_choices(words=self.words),
            *self.service.chart_choices(self.words),
        ]
        known = {(c.kind, c.ref) for c in choices}
        # Something shared earlier but no longer among the recent ones must stay listed (and
        # ticked), or saving would silently unshare it.
        extra = [
            Choice(k, r, tr("Shared earlier ({kind} {number})").format(kind=_kind(k), number=r))
            for k, r in shared
            if (k, r) not in known
        ]
        return extra + choices

    def _load(self, debrief: Debrief) -> None:
        self.debrief = debrief
        self.title.setText(debrief.title)
        self.supervisor.setText(debrief.supervisor)
        if debrief.scheduled_for:
            self.when.setDateTime(to_qdatetime(debrief.scheduled_for))
        self.topics.setPlainText("\n".join(debrief.topics))
        self.picker.set_choices(self._choices(debrief.shared), debrief.shared, debrief.parts)
        self.delete_button.setEnabled(debrief.id is not None)
        self.status.setText("")
        self._show_replies()
        self._select_in_history()

    def _from_form(self) -> Debrief:
        return replace(
            self.debrief,
            title=self.title.text(),
            supervisor=self.supervisor.text(),
            scheduled_for=from_qdatetime(self.when.dateTime()).replace(second=0),
            topics=self.topics.toPlainText().splitlines(),
            shared=self.picker.shared(),
            parts=self.picker.parts(),
        )

    def save(self) -> bool:
        try:
            form = self._from_form()
            stored = self.service.get(form.id) if form.id is not None else None
            if stored is not None:
                # Notes and completion belong to debrief mode, which may have written them
                # since this form was loaded; the form must not put older ones back.
                form = replace(form, notes=stored.notes, completed_at=stored.completed_at)
            saved = self.service.save(form)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            self.title.setFocus()
            return False
        except Exception as error:  # noqa: BLE001 - a full disk, a read-only folder: say so
            self.status.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(error))
            )
            return False
        self.debrief = saved
        self.delete_button.setEnabled(True)
        self.status.setText(
            self.words.plural(
                len(saved.shared), "Saved. Sharing {count} item.", "Saved. Sharing {count} items."
            )
        )
        self.refresh()
        if saved.id is not None:
            self.debrief_saved.emit(saved.id)
        return True

    def _is_dirty(self) -> bool:
        # Any change counts, for a new debrief too: a typed supervisor or topic is intent.
        return self._from_form() != self.debrief

    def save_draft_now(self) -> None:
        """Before locking: close debrief mode (it saves its notes) and keep form edits,
        under a filled-in title if the title was emptied (debrief_untitled)."""
        if self.mode is not None:
            self.mode.leave_without_asking()
        named = name_untitled(self)
        if not self._keep_edits():
            # The lock goes on; the lock screen says why the edits were not kept.
            raise RuntimeError(self.status.text())
        if named:
            remember_to_reopen(self)

    def _keep_edits(self) -> bool:
        """Save what was prepared before moving away; False (and a message) if it could not
        be saved, so the caller stays put rather than dropping the edits."""
        return not self._is_dirty() or self.save()

    def new_debrief(self) -> None:
        if not self._keep_edits():
            return
        self._load(self.service.new(words=self.words))
        self.title.setFocus()
        self.title.selectAll()

    def open_debrief(self, debrief_id: int) -> None:
        if not self._keep_edits():
            self._select_in_history()
            return
        found = self.service.get(debrief_id)
        if found is not None:
            self._load(found)

    def delete_current(self) -> None:
        if self.debrief.id is None:
            return
        if confirm_destructive(
            self,
            tr("Delete this debrief?"),
            tr("Delete “{title}” with its notes and agreed actions? This cannot be undone.").format(
                title=self.debrief.title
            ),
            tr("Delete"),
        ):
            self.service.delete(self.debrief.id)
            self._load(self.service.new(words=self.words))
            self.refresh()

    # --- debrief mode and exports -----------------------------------------------------

    def start_mode(self) -> DebriefMode | None:
        if not self.save() or self.debrief.id is None:
            return None
        self.mode = DebriefMode(self.service.room(self.debrief.id, self.words), self)
        self.mode.closed.connect(self._mode_closed)
        self.mode.showFullScreen()
        return self.mode

    def _mode_closed(self) -> None:
        self.mode = None
        if self.debrief.id is not None:
            self.open_debrief(self.debrief.id)
        self.refresh()

    def export_bytes(self, kind: str) -> bytes:
        assert self.debrief.id is not None
        # The summary is written in the language the person is using.
        view = self.service.shared_view(self.debrief.id, self.words)
        if kind == "pdf":
            return render_debrief_pdf(view)
        return debrief_markdown(view, self.words).encode("utf-8")

    def export_to(self, kind: str, path: Path) -> None:
        write_private_file(path, self.export_bytes(kind))

    def export(self, kind: str) -> None:
        if not self.save():
            return
        target = ask_export_path(self, kind, self.debrief.title)
        if target is None:
            return
        try:
            self.export_to(kind, target)
        except OSError as error:
            QMessageBox.warning(
                self,
                tr("Export failed"),
                tr("Could not write {name}: {error}").format(
                    name=target.name, error=error.strerror or error
                ),
            )
            return
        self.status.setText(tr("Saved the summary to {path}.").format(path=target))

    # --- supervision by files ------------------------------------------------------------

    def _show_replies(self) -> None:
        """What the supervisor sent back for this debrief: shared notes and message."""
        found = (
            self.session.supervision_send.replies(self.debrief.id)
            if self.debrief.id is not None
            else []
        )
        titles = {s.id: s.title for s in self.service.room_agenda(self.words)}
        lines = []
        for reply in found:
            who = reply["supervisor"] or tr("your supervisor")
            lines.append(reply_heading(reply["signature"]).format(name=who))
            lines += [f"  {titles.get(step, step)}: {text}" for step, text in reply["notes"]]
            if reply["message"]:
                lines.append(f"  {reply['message']}")
        self.replies.setText("\n".join(lines))
        self.replies.setToolTip(reply_tip())
        self.replies.setVisible(bool(lines))

    def send_to_supervisor(self, dialog: object = None) -> Path | None:
        from reflect.ui.screens.supervisor_dialogs import SendPacketDialog

        if not self.save() or self.debrief.id is None:
            return None
        box = (
            dialog
            if isinstance(dialog, SendPacketDialog)
            else SendPacketDialog(self.session, self.debrief.id, self)
        )
        if not run_modal(box) or box.written is None:
            return None
        self.status.setText(
            tr("Sealed into {path}. Send this file to your supervisor.").format(path=box.written)
        )
        return box.written

    def choose_reply(self) -> None:
        path, _ = open_file_name(
            self, tr("Import a reply from your supervisor"), str(Path.home()), "age (*.age);;* (*)"
        )
        if path:
            self.import_reply(Path(path))

    def import_reply(self, path: Path) -> bool:
        try:
            receipt = self.session.supervision_send.import_reply(path)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return False
        done = tr(
            "Reply imported: {count} action(s) added; they are on Home and in your next debrief."
        ).format(count=receipt.actions_added)
        if not receipt.reply.sender.signing_key:
            done += " " + tr("Not signed (sent by an older Reflect).")
        self.status.setText(done)
        self.refresh()
        self.open_debrief(receipt.debrief_id)
        if receipt.debrief_id is not None:
            self.debrief_saved.emit(receipt.debrief_id)
        return True


def _kind(kind: str) -> str:
    """ "reflection" → "Reflection" / "Réflexion", for labels that name a kind of item."""
    return tr(KIND_LABELS[kind]) if kind in KIND_LABELS else kind
