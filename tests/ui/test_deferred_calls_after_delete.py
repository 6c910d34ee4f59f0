"""A call a widget defers to the next turn of the event loop is dropped when the widget is
deleted first (a lock in the same turn: the workspace goes before timers fire).

Qt cancels a single-shot timer whose context object is gone; a bare lambda had none and
ran on the deleted widget ("Internal C++ object already deleted"), or against the closed
database."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.widgets.follow_ups_panel import FollowUpsPanel


def _deleted_now(widget) -> None:
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_follow_up_ticked_just_before_the_lock_is_left_alone(qtbot, session):
    session.journal.save(
        Reflection(
            "quick",
            datetime(2026, 11, 20, 18, 0),
            answers={"what_happened": "a long day"},
            follow_ups=[FollowUp("call my supervisor", due=date(2099, 11, 25))],
        )
    )
    panel = FollowUpsPanel(session.journal)
    panel.refresh()
    panel.list.item(0).setCheckState(Qt.CheckState.Checked)  # marked done on the next turn
    _deleted_now(panel)
    qtbot.wait(50)  # the deferred call would run here
    assert len(session.journal.open_follow_ups()) == 1


def test_no_deferred_lambda_goes_without_a_context_object():
    """``QTimer.singleShot(ms, lambda: ...)`` has nothing Qt can watch: every deferred
    lambda in ui/ names the widget it belongs to (``singleShot(ms, self, lambda: ...)``)."""
    import ast
    from pathlib import Path

    import reflect.ui

    bare = []
    for path in Path(reflect.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "singleShot"
                and len(node.args) == 2
                and isinstance(node.args[1], ast.Lambda)
            ):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
