"""Random actions a person could take in Reflect's window, drawn from a seeded generator.

The monkey acts on whatever is on top: a menu, a modal dialog, Debrief mode's own window, or
the workspace (or the lock screen). Each action is one small thing a person does: click a
button, type a few words, pick a choice, switch screens, resize the window, lock and unlock.
What is done is logged with a number, so a failure can be matched to the action before it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from reflect.ui.app_window import AppWindow
from tests.soak.errands import ERRANDS

WORDS = (
    "tired",
    "a long shift",
    "the client called twice",
    "I took a walk",
    "épuisée",
    "supervision helped",
    "slept badly",
    "12",
    "",
)
LARGE = QSize(1600, 1100)
# Dialogs the monkey never accepts: they reach outside the temporary profile (files, printers).
# (A print dialog was still reached, 2 times in 4 minutes: a shortcut or a caption without
# "Print", hence the print dialog itself.)
ALWAYS_CANCELLED = (QFileDialog, QPrintDialog)
PASS_WORDS = ("Print", "Imprimer")


def _usable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


class Monkey:
    def __init__(
        self, window: AppWindow, rng: random.Random, passphrase: str, log, smallest: bool = False
    ) -> None:
        self.window = window
        self.smallest = smallest
        self.rng = rng
        self.passphrase = passphrase
        self.log = log
        self.actions = 0
        self.counts: dict[str, int] = {}
        # What the actions reached: screens ("screen:journal") and windows on top
        # ("dialog:CheckInDialog"), to see what a run never visited.
        self.seen: dict[str, int] = {}

    # --- what is on top -----------------------------------------------------------------

    def step(self) -> None:
        """One action on whatever a person would see on top."""
        self.actions += 1
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            return self._do("menu", lambda: self._on_menu(popup))
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self._saw(f"dialog:{type(modal).__name__}")
            return self._do("dialog", lambda: self._on_dialog(modal))
        other = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and w.isWindow() and not isinstance(w, QMenu)
        ]
        if other:
            window = self.rng.choice(other)
            self._saw(f"window:{type(window).__name__}")
            return self._do("other-window", lambda: self._on_other_window(window))
        if self.window.is_locked:
            return self._do("unlock", self._unlock)
        self._on_workspace()

    def _saw(self, name: str) -> None:
        self.seen[name] = self.seen.get(name, 0) + 1

    def _do(self, name: str, action: Callable[[], None]) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        self.log(f"{self.actions} {name}")
        action()

    # --- the workspace ------------------------------------------------------------------

    def _on_workspace(self) -> None:
        choices: list[tuple[int, str, Callable[[], None]]] = [
            (20, "screen", self._switch_screen),
            (25, "click", lambda: self._click_in(self._screen())),
            (20, "type", lambda: self._type_in(self._screen())),
            (20, "choose", lambda: self._choose_in(self._screen())),
            (5, "resize", self._resize),
            (2, "language", self._switch_language),
            (2, "lock", self.window.lock),
            (2, "help", self.window.show_help),
            (3, "template", self._new_reflection),
            (1, "hide", self._hide_and_show),
            (2, "debrief-mode", self._debrief_mode),
            (4, "errand", self._errand),
        ]
        self._saw(f"screen:{type(self._screen()).__name__}")
        weights = [weight for weight, _, _ in choices]
        _, name, action = self.rng.choices(choices, weights)[0]
        self._do(name, action)

    def _screen(self) -> QWidget:
        workspace = self.window.workspace
        assert workspace is not None
        return workspace.stack.currentWidget() or workspace

    def _switch_screen(self) -> None:
        workspace = self.window.workspace
        assert workspace is not None
        row = self.rng.randrange(workspace.nav.count())
        if self.rng.random() < 0.5:
            workspace._arrive_at_row(row)
        else:
            workspace.nav.setCurrentRow(row)

    def _resize(self) -> None:
        smallest = self._smallest()
        size = self.rng.choice((smallest, LARGE, QSize(1100, 740)))
        if self.smallest:  # the rng is still drawn: the same seed replays the same actions
            size = smallest
        self.window.resize(size)

    def _smallest(self) -> QSize:
        return self.window.minimumSizeHint().expandedTo(self.window.minimumSize())

    def _switch_language(self) -> None:
        workspace = self.window.workspace
        assert workspace is not None
        combo = workspace.settings.language_combo
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())

    def _new_reflection(self) -> None:
        workspace = self.window.workspace
        assert workspace is not None
        templates = [template.id for template in workspace.session.journal.templates]
        workspace.start_reflection(self.rng.choice(templates))

    def _debrief_mode(self) -> None:
        workspace = self.window.workspace
        assert workspace is not None
        workspace.show_screen("debrief")
        workspace.debrief.start_mode()

    def _errand(self) -> None:
        workspace = self.window.workspace
        assert workspace is not None
        name = self.rng.choice(sorted(ERRANDS))
        self._saw(f"errand:{name}")
        self.log(f"  errand {name}")
        ERRANDS[name](workspace, self.rng)

    def _hide_and_show(self) -> None:
        self.window.quick_hide()
        self.window.bring_to_front()

    def _unlock(self) -> None:
        lock_screen = self.window.lock_screen
        if lock_screen.unlock_button.isEnabled() and lock_screen.isVisible():
            lock_screen.passphrase_edit.setText(self.passphrase)
            lock_screen.unlock_button.click()
            if self.smallest and self.window.workspace is not None:
                self.window.resize(self._smallest())

    # --- dialogs, menus and other windows -----------------------------------------------

    def _on_menu(self, menu: QMenu) -> None:
        actions = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
        if actions and self.rng.random() < 0.3:
            self.rng.choice(actions).trigger()
        menu.close()

    def _on_dialog(self, dialog: QWidget) -> None:
        roll = self.rng.random()
        if isinstance(dialog, ALWAYS_CANCELLED) or roll < 0.35:
            self._close(dialog)
        elif roll < 0.55:
            self._type_in(dialog)
        elif roll < 0.75:
            self._choose_in(dialog)
        else:
            self._click_in(dialog)

    def _on_other_window(self, window: QWidget) -> None:
        roll = self.rng.random()
        if roll < 0.15:
            window.close()
        elif roll < 0.4:
            self._type_in(window)
        elif roll < 0.6:
            self._choose_in(window)
        else:
            self._click_in(window)

    def _close(self, dialog: QWidget) -> None:
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    # --- generic widget actions ---------------------------------------------------------

    def _pick(self, root: QWidget, kind: type) -> QWidget | None:
        found = [w for w in root.findChildren(kind) if _usable(w)]
        return self.rng.choice(found) if found else None

    def _click_in(self, root: QWidget) -> None:
        button = self._pick(root, QAbstractButton)
        if button is None:
            return
        if any(word in button.text() for word in PASS_WORDS):
            return  # a print dialog would reach the system's printers
        self.log(f"  click {type(button).__name__} {button.text()!r}")
        button.click()

    def _type_in(self, root: QWidget) -> None:
        kinds = (QLineEdit, QPlainTextEdit, QTextEdit)
        fields = [
            w
            for kind in kinds
            for w in root.findChildren(kind)
            if _usable(w) and not getattr(w, "isReadOnly", lambda: False)()
        ]
        if not fields:
            return
        field = self.rng.choice(fields)
        field.setFocus()
        text = " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 4)))
        self.log(f"  type {type(field).__name__} {field.accessibleName()!r}")
        for char in text:  # key events with their text: QTest.keyClicks takes ASCII only
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                key = Qt.Key.Key_Space if char == " " else Qt.Key.Key_unknown
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(field, event)
        if self.rng.random() < 0.1:
            QTest.keyClick(field, Qt.Key.Key_Return)

    def _choose_in(self, root: QWidget) -> None:
        kinds = (QComboBox, QAbstractSpinBox, QAbstractSlider, QCheckBox, QTabWidget, QListWidget)
        widget = self.rng.choice(kinds)
        chosen = self._pick(root, widget)
        if chosen is None:
            return
        self.log(f"  choose {type(chosen).__name__} {chosen.accessibleName()!r}")
        rng = self.rng
        if isinstance(chosen, QComboBox) and chosen.count():
            chosen.setCurrentIndex(rng.randrange(chosen.count()))
        elif isinstance(chosen, QAbstractSpinBox):
            chosen.stepBy(rng.randint(-3, 3))
        elif isinstance(chosen, QAbstractSlider):
            chosen.setValue(rng.randint(chosen.minimum(), chosen.maximum()))
        elif isinstance(chosen, QCheckBox):
            chosen.click()
        elif isinstance(chosen, QTabWidget) and chosen.count():
            chosen.setCurrentIndex(rng.randrange(chosen.count()))
        elif isinstance(chosen, QListWidget) and chosen.count():
            chosen.setCurrentRow(rng.randrange(chosen.count()))
