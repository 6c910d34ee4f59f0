"""The Trends screen at the smallest window with a long imported questionnaire name: an
imported definition with no short name is listed and charted by its whole name."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtWidgets import QApplication

from reflect.resources import asset_path
from reflect.ui.theme import apply_theme
from reflect.ui.workspace import Workspace

LONG_NAME = "Bien-être de l'équipe d'accompagnement de nuit et des permanences téléphoniques"


def trends_at_the_smallest(
    qtbot, session, tmp_path, fill: Callable[[object], None] | None = None
) -> Iterator[object]:
    """Yield the Trends screen, ready, at the smallest window; every questionnaire scored
    once. ``fill`` adds more data (for example a demo profile's) before the screen opens."""
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data.update(id="nightteam", name=LONG_NAME)
    data.pop("short_name", None)  # so Trends names it by its whole name
    definition = tmp_path / "night-team.json"
    definition.write_text(json.dumps(data), encoding="utf-8")
    session.instruments.import_definition(definition)
    if fill is not None:
        fill(session)
    for taken in session.instruments.definitions():
        answers = [taken.scale.minimum + 1] * taken.item_count
        session.instruments.record(taken.id, answers, taken_at=datetime.now())
    apply_theme("light", QApplication.instance())
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("trends")
    workspace.resize(1, 1)  # the smallest window
    screen = workspace.screens["trends"]
    qtbot.waitUntil(lambda: screen.is_ready, timeout=60_000)
    yield screen
    workspace.close()
