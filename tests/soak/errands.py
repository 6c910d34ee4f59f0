"""Errands: the places random clicks seldom reach, opened on purpose by the monkey.

Random clicks on the screen on top reach most dialogs, but a run of minutes never made a
recovery key, cancelled an export at its file dialog, scored a questionnaire or opened the
tag manager. Each errand calls what the button would, then the monkey acts on the dialog it
opens like on any other (a file dialog is always cancelled). The errand is drawn from the
monkey's seeded generator, so a seed still replays the same run.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox

from reflect.ui.workspace import Workspace


def _recovery_key(workspace: Workspace, _rng: random.Random) -> None:
    workspace.show_screen("settings")
    workspace.settings.make_recovery_key()


def _change_passphrase(workspace: Workspace, _rng: random.Random) -> None:
    workspace.show_screen("settings")
    workspace.settings.change_passphrase()


def _data(workspace: Workspace, rng: random.Random) -> None:
    workspace.show_screen("settings")
    workspace.settings.open_data_dialog(rng.choice(("", "backup", "restore", "export", "import")))


def _settings_toggle(workspace: Workspace, rng: random.Random) -> None:
    workspace.show_screen("settings")
    boxes = [box for box in workspace.settings.findChildren(QCheckBox) if box.isEnabled()]
    if boxes:
        rng.choice(boxes).click()


def _trends_export(workspace: Workspace, _rng: random.Random) -> None:
    workspace.show_screen("trends")
    workspace.trends.export_current()


def _debrief_export(workspace: Workspace, rng: random.Random) -> None:
    workspace.show_screen("debrief")
    screen = workspace.debrief
    if screen.debrief.id is not None:
        screen.export(rng.choice(("pdf", "md")))


def _questionnaire(workspace: Workspace, rng: random.Random) -> None:
    workspace.show_screen("checkin")
    screen = workspace.checkin
    screen.tabs.setCurrentWidget(screen.instruments)
    picker = screen.instruments.picker
    if picker.count():
        picker.setCurrentIndex(rng.randrange(picker.count()))


def _account(workspace: Workspace, _rng: random.Random) -> None:
    workspace.show_screen("journal")
    workspace.journal.write_account()


def _tags(workspace: Workspace, _rng: random.Random) -> None:
    workspace.show_screen("journal")
    workspace.journal.manage_tags()


ERRANDS: dict[str, Callable[[Workspace, random.Random], None]] = {
    "recovery-key": _recovery_key,
    "change-passphrase": _change_passphrase,
    "data": _data,
    "settings-toggle": _settings_toggle,
    "trends-export": _trends_export,
    "debrief-export": _debrief_export,
    "questionnaire": _questionnaire,
    "account": _account,
    "tags": _tags,
}
