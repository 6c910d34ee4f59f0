"""Debrief mode: a full-screen, screen-share safe walk through the agenda with a supervisor.

Built ONLY from a DebriefRoom, whose one read is the shared view: this window never sees
the session, so an unshared reflection or check-in cannot reach the screen.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.services.debrief import DebriefRoom
from reflect.services.debrief_content import SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_view import SharedView
from reflect.ui.asked_across_lock import ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.widgets.card_batches import CardBatches
from reflect.ui.widgets.debrief_actions import ActionsPanel


class DebriefMode(QWidget):
    closed = Signal()

    def __init__(self, room: DebriefRoom, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._room = room
        self._view: SharedView = room.view()
        self._step = 0
        self._confirm_leave = True
        self.setWindowTitle(tr("Debrief: {title}").format(title=self._view.title))
        self.setAccessibleName(tr("Debrief mode"))
        # Larger type: this window is often shown on a shared screen or projector.
        self._base_point_size = self.font().pointSizeF() * 1.15
        self.zoom = 1.0
        self._apply_type_size()
        # The workspace window behind this one, hidden while it is open (see showEvent).
        self._hidden_workspace: QWidget | None = None

        root = QVBoxLayout(self)
        self._build_top(root)
        split = QSplitter()
        root.addWidget(split, 1)
        split.addWidget(self._build_agenda())
        split.addWidget(self._build_shared())
        split.setSizes([520, 760])
        self._connect()
        self._add_zoom_shortcuts()
        self.actions_panel.set_actions(self._view.actions, self._view.carried_over)
        self.steps.setCurrentRow(0)
        self.finish_button.setEnabled(self._view.completed_at is None)
        if self._view.completed_at is not None:
            self.finish_button.setText(tr("Completed"))

    def _build_top(self, root: QVBoxLayout) -> None:
        """The share banner, Mark as completed and Leave, then the debrief's heading."""
        banner_html = f"<b>{tr(SHARE_BANNER)}.</b> {tr(VOLUNTARY_NOTE)}"
        banner = QLabel(banner_html)
        banner.setObjectName("shareBanner")
        banner.setTextFormat(Qt.TextFormat.RichText)
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel#shareBanner { background: #e6f0f7; color: #1d3b53; border: 1px solid #9cbcd6;"
            " border-radius: 6px; padding: 10px; }"  # the window's own (larger) type
        )
        top = QHBoxLayout()
        top.addWidget(banner, 1)
        self.finish_button = QPushButton(tr("Mark as completed"))
        self.leave_button = QPushButton(tr("Leave (Esc)"))
        self.leave_button.setAccessibleName(tr("Leave debrief mode"))
        top.addWidget(self.finish_button)
        top.addWidget(self.leave_button)
        root.addLayout(top)
        heading = QLabel()
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setText(self._heading_html())
        root.addWidget(heading)

    def _build_agenda(self) -> QScrollArea:
        # Left: the agenda, with notes for the current step.
        agenda = QWidget()
        left = QVBoxLayout(agenda)
        left.setContentsMargins(0, 0, 0, 0)
        self.steps = QListWidget()
        self.steps.setAccessibleName(tr("Agenda"))
        for _step in self._view.agenda:
            self.steps.addItem("")
        self._mark_steps()
        self._fit_steps()
        left.addWidget(self.steps)
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")  # a quarter larger: _apply_type_size
        self.step_title.setWordWrap(True)
        self.step_prompt = QLabel()
        self.step_prompt.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(tr("Notes for this step (optional)"))
        self.notes.setAccessibleName(tr("Notes for this step"))
        left.addWidget(self.step_title)
        left.addWidget(self.step_prompt)
        left.addWidget(self.notes, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(tr("Previous step"))
        self.next_button = QPushButton(tr("Next step"))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        left.addLayout(nav)
        self.actions_panel = ActionsPanel()
        left.addWidget(self.actions_panel)
        # On a short screen at large type the agenda column scrolls instead of squeezing
        # the action form until its fields overlap.
        agenda_scroll = QScrollArea()
        agenda_scroll.setWidgetResizable(True)
        agenda_scroll.setFrameShape(QFrame.Shape.NoFrame)
        agenda_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        agenda_scroll.setWidget(agenda)
        return agenda_scroll

    def _build_shared(self) -> QScrollArea:
        # Right: topics, shared items, actions.
        right_inner = QWidget()
        right = QVBoxLayout(right_inner)
        if self._view.topics:
            right.addWidget(QLabel("<b>{}</b>".format(tr("Topics"))))
            for topic in self._view.topics:
                label = QLabel(f"• {topic}")
                label.setWordWrap(True)
                right.addWidget(label)
        right.addWidget(QLabel("<b>{}</b>".format(tr("Shared for this debrief"))))
        if not self._view.cards:
            empty = QLabel(tr("Nothing was chosen to share. You can still talk things through."))
            empty.setWordWrap(True)
            right.addWidget(empty)
        # A batch at a time, like a received packet: a debrief sharing many long
        # reflections would otherwise take seconds to appear on the shared screen.
        self.shared_cards = CardBatches(self._view.cards)
        right.addWidget(self.shared_cards)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right_inner)
        return scroll

    def _connect(self) -> None:
        self._save_timer = QTimer(self, singleShot=True, interval=800)
        self._save_timer.timeout.connect(self._save_note)
        self.notes.textChanged.connect(self._save_timer.start)
        self.steps.currentRowChanged.connect(self._show_step)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentRow(max(0, self._step - 1)))
        self.next_button.clicked.connect(
            lambda: self.steps.setCurrentRow(min(len(self._view.agenda) - 1, self._step + 1))
        )
        self.actions_panel.add_requested.connect(self._add_action)
        self.actions_panel.done_toggled.connect(self._toggle_done)
        self.finish_button.clicked.connect(self._finish)
        self.leave_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)

    def _add_zoom_shortcuts(self) -> None:
        # Larger or smaller text for a shared screen: Ctrl+plus / Ctrl+minus, Ctrl+0 resets.
        for keys, step in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence("Ctrl+="), 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
            (QKeySequence("Ctrl+0"), 0),
        ):
            zoom = QShortcut(QKeySequence(keys), self)
            zoom.activated.connect(lambda s=step: self.change_zoom(s))

    def _fit_steps(self) -> None:
        """Fit the seven steps exactly; the notes get the rest of the height. Again once
        shown and on every zoom: built apart from this window, the list first measures its
        rows in the smaller default type, and then hid its last step behind a scroll bar."""
        row_height = max(self.steps.sizeHintForRow(0), self.steps.fontMetrics().lineSpacing())
        self.steps.setFixedHeight(row_height * self.steps.count() + 2 * self.steps.frameWidth() + 4)

    def _heading_html(self) -> str:
        title = _esc(self._view.title)
        bits = [f"<span style='font-size:large; font-weight:600'>{title}</span>"]
        if self._view.supervisor:
            bits.append(tr("with {name}").format(name=_esc(self._view.supervisor)))
        if self._view.scheduled_for:
            bits.append(interface_words().day(self._view.scheduled_for))
        return " · ".join(bits)

    def _show_step(self, row: int) -> None:
        if row < 0:
            return
        self._save_note()
        self._step = row
        step = self._view.agenda[row]
        self.step_title.setText(step.title)
        self.step_prompt.setText(step.prompt)
        self.notes.blockSignals(True)
        self.notes.setPlainText(self._view.note(step.id))
        self.notes.blockSignals(False)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self._view.agenda) - 1)

    def _save_note(self) -> None:
        self._save_timer.stop()
        step = self._view.agenda[self._step]
        text = self.notes.toPlainText()
        if text != self._view.note(step.id):
            self._room.save_note(step.id, text)
            # Only the notes changed: update them here rather than rebuilding every card
            # (charts included) on each pause in typing.
            notes = tuple((sid, text if sid == step.id else old) for sid, old in self._view.notes)
            self._view = replace(self._view, notes=notes)
            self._mark_steps()

    def _mark_steps(self) -> None:
        """Number the steps and tick the ones that have notes, so the pair sees where they are."""
        for row, step in enumerate(self._view.agenda):
            has_notes = bool(self._view.note(step.id).strip())
            item = self.steps.item(row)
            item.setText(f"{row + 1}. {step.title}" + ("  ✓" if has_notes else ""))
            item.setToolTip(tr("Has notes") if has_notes else tr("No notes yet"))

    def _add_action(self, text: str, owner: str, due) -> None:
        try:
            self._room.add_action(text, owner, due)
        except ReflectError as error:
            QMessageBox.warning(self, tr("Action not added"), message_in_language(error))
            return
        self.actions_panel.clear_form()
        self._refresh_actions()

    def _toggle_done(self, action_id: int, done: bool) -> None:
        self._room.set_action_done(action_id, done)
        QTimer.singleShot(0, self._refresh_actions)  # not while the checkbox is still emitting

    def _refresh_actions(self) -> None:
        # The actions alone: reading every shared card again took a tenth of a second per
        # tick on a large debrief.
        actions, carried_over = self._room.actions()
        self._view = replace(self._view, actions=actions, carried_over=carried_over)
        self.actions_panel.set_actions(actions, carried_over)

    def _finish(self) -> None:
        self._save_note()
        self._room.complete()
        self._view = self._room.view()
        self.finish_button.setEnabled(False)
        self.finish_button.setText(tr("Completed"))

    def change_zoom(self, step: int) -> None:
        """One step is 15% larger or smaller text, from 70% to 250%; 0 goes back to 100%."""
        zoom = 1.0 if step == 0 else self.zoom * (1.15**step)
        self.zoom = max(0.7, min(2.5, zoom))
        self._apply_type_size()
        self._fit_steps()

    def _apply_type_size(self) -> None:
        """Everything in the window at its type size (base times zoom), the step title a
        quarter larger and semi-bold. A style sheet rather than setFont: under the theme's
        application style sheet a font set on this window stopped at its direct settings,
        and the cards, notes and agenda kept the default size whatever the zoom."""
        size = self._base_point_size * self.zoom
        self.setStyleSheet(
            f"* {{ font-size: {size:.2f}pt; }}"
            f" QLabel#stepTitle {{ font-size: {size * 1.25:.2f}pt; font-weight: 600; }}"
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Hide the workspace while debrief mode is open: where the window manager ignores
        full screen (this window then opens small, over the workspace), nothing private
        may show around it on a shared screen. ``closeEvent`` brings the workspace back."""
        super().showEvent(event)
        self._fit_steps()
        parent = self.parentWidget()
        workspace = parent.window() if parent is not None else None
        if workspace is not None and workspace is not self and workspace.isVisible():
            self._hidden_workspace = workspace
            workspace.hide()

    def _restore_workspace(self) -> None:
        workspace, self._hidden_workspace = self._hidden_workspace, None
        if workspace is not None:
            workspace.show()

    def leave_without_asking(self) -> None:
        """Used on lock: save and close without a question."""
        self._confirm_leave = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        if self._confirm_leave and not ask_yes(
            self,
            tr("Leave debrief mode?"),
            tr("Your notes and actions are saved. Leave debrief mode?"),
        ):
            event.ignore()
            return
        # the database closed underneath us (locked); nothing more can be saved
        with contextlib.suppress(ReflectError):
            self._save_note()
        event.accept()
        self._restore_workspace()
        self.closed.emit()


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
