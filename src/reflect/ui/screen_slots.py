"""The workspace's screens by key, each built the first time it is shown or asked for.

Unlocking used to build all eight screens: on a ten-year profile that was about half a
second and 30 MiB for screens a person may never open in that sitting. Each key now holds an
empty placeholder in the stack; the first time the stack shows it (or code asks for the
screen), the real screen is built and takes the placeholder's place at the same index, so
the navigation rows and the stack keep matching.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from reflect.ui.i18n import tr


class ScreenSlots(Mapping[str, QWidget]):
    def __init__(self, stack: QStackedWidget, build: Callable[[str], QWidget]) -> None:
        self._stack = stack
        self._build = build
        self._built: dict[str, QWidget] = {}
        self._waiting: dict[str, QWidget] = {}  # key -> placeholder in the stack
        stack.currentChanged.connect(self._on_current_changed)

    def add_waiting(self, key: str, index: int = -1) -> None:
        """A slot at ``index`` of the stack (the end by default); the screen is built when
        first needed."""
        placeholder = QWidget()
        placeholder.setObjectName(f"waiting-{key}")
        self._waiting[key] = placeholder
        self._stack.insertWidget(index, placeholder)

    def remove(self, key: str) -> QWidget:
        """Take a screen (or its placeholder) out of the stack; the caller deletes it."""
        widget = self._built.pop(key, None) or self._waiting.pop(key)
        self._stack.removeWidget(widget)
        return widget

    def built(self) -> dict[str, QWidget]:
        """The screens that exist so far, without building any."""
        return dict(self._built)

    def built_screen(self, key: str) -> QWidget | None:
        return self._built.get(key)

    def __getitem__(self, key: str) -> QWidget:
        if key in self._built:
            return self._built[key]
        if key not in self._waiting:
            raise KeyError(key)
        return self._replace(key)

    def __iter__(self) -> Iterator[str]:
        """Keys in stack order (the navigation's order)."""
        keys = {id(widget): key for key, widget in {**self._waiting, **self._built}.items()}
        widgets = (self._stack.widget(index) for index in range(self._stack.count()))
        return iter([keys[id(w)] for w in widgets if id(w) in keys])

    def __len__(self) -> int:
        return len(self._built) + len(self._waiting)

    def __contains__(self, key: object) -> bool:
        return key in self._built or key in self._waiting

    def _replace(self, key: str) -> QWidget:
        placeholder = self._waiting[key]
        screen = self._build(key)
        # Built before it is recorded: a screen that fails to build leaves its slot waiting,
        # so the next visit tries again instead of showing an empty page for good.
        del self._waiting[key]
        self._built[key] = screen
        index = self._stack.indexOf(placeholder)
        was_current = self._stack.currentWidget() is placeholder
        self._stack.insertWidget(index, screen)
        if was_current:
            self._stack.setCurrentWidget(screen)
        self._stack.removeWidget(placeholder)
        placeholder.deleteLater()
        return screen

    def _on_current_changed(self, index: int) -> None:
        widget = self._stack.widget(index)
        for key, placeholder in list(self._waiting.items()):
            if placeholder is widget:
                try:
                    self._replace(key)
                except Exception as exc:  # noqa: BLE001 - say so rather than show a blank page
                    _say_it_failed(placeholder)
                    sys.excepthook(type(exc), exc, exc.__traceback__)  # the diagnostic log
                return


def _say_it_failed(placeholder: QWidget) -> None:
    if placeholder.findChild(QLabel) is not None:
        return
    note = QLabel(
        tr(
            "This screen could not open. Nothing you wrote was changed. Try it again from "
            "the navigation, or lock and unlock Reflect."
        )
    )
    note.setWordWrap(True)
    layout = QVBoxLayout(placeholder)
    layout.addWidget(note)
    layout.addStretch(1)
