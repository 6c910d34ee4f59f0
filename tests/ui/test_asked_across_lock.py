"""A question open when Reflect locks returns into the code that asked it, with the session
closed. Its answer must count as Cancel: nothing deleted or written, no closed-database error,
the draft kept by the lock intact (ui/asked_across_lock.py).

The lock closes Reflect's own dialogs; a dialog it cannot close (no parent in the window)
could still bring back the destructive choice after the lock. The tests answer that way:
lock, then click the action on the box that was open."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from reflect.domain.crisis_lines import HelpContact
from reflect.domain.errors import ReflectError
from reflect.domain.recovery import SelfCheck
from reflect.domain.reflection import Reflection
from tests.ui.app_windows import unlock

UI = Path(__file__).parents[2] / "src" / "reflect" / "ui"


def _lock_then_answer(window, button: str | None = "destructiveChoice") -> list[str]:
    """While the next question is open: lock, then (if named) click ``button`` on it."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        seen.append(type(box).__name__)
        window.lock()
        if button is not None and box is not None:
            box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)
    return seen


def test_a_delete_confirmed_across_a_lock_deletes_nothing(qtbot, window):
    unlock(qtbot, window)
    saved = window.session.journal.save(
        Reflection("quick", datetime.now() - timedelta(hours=1), answers={"what_happened": "x"})
    )
    journal = window.workspace.journal
    window.workspace.show_screen("journal")
    journal.refresh()
    journal.table.selectRow(journal.model.row_of(saved.id))
    seen = _lock_then_answer(window)
    journal.delete_selected()
    assert seen == ["QMessageBox"], "the delete asks first"
    assert window.is_locked
    unlock(qtbot, window)
    assert window.session.journal.get(saved.id) is not None


def test_discard_and_start_new_answered_across_a_lock_keeps_the_draft(qtbot, window):
    unlock(qtbot, window)
    screen = window.workspace.reflect
    window.workspace.show_screen("reflect")
    qtbot.keyClicks(screen.form.first_input(), "Words typed before walking away")
    seen = _lock_then_answer(window)
    screen.new_button.click()
    assert seen == ["QMessageBox"]
    assert window.is_locked
    unlock(qtbot, window)
    draft = window.session.journal.load_draft()
    assert draft is not None
    assert "Words typed before walking away" in str(draft.reflection.answers)


def test_a_self_check_closed_by_the_lock_reads_nothing_afterwards(qtbot, window):
    """Its rejected path refreshed Home after the lock (refresh_recovery happens to check
    that the session is open; the asking code must not rely on every callee doing so)."""
    unlock(qtbot, window)
    window.workspace.show_screen("home")
    home = window.workspace.screens["home"]
    refreshed: list[bool] = []
    home.refresh_recovery = lambda: refreshed.append(True)
    seen = _lock_then_answer(window, button=None)
    home._on_self_check_start_requested(SelfCheck("3d", date.today()))
    assert seen == ["SelfCheckDialog"]
    assert window.is_locked
    assert refreshed == []


def test_self_checks_offered_across_a_lock_are_not_planned(qtbot, window):
    """A question inside a dialog: the shift is saved before it asks; a Yes given across the
    lock plans nothing, and Home reads nothing afterwards."""
    unlock(qtbot, window)
    window.workspace.show_screen("home")
    home = window.workspace.screens["home"]
    seen: list[str] = []

    def yes_after_locking() -> None:
        box = QApplication.activeModalWidget()
        seen.append(type(box).__name__)
        window.lock()
        yes = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole]
        yes[0].click()

    def log_a_hard_shift() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.form.critical.setChecked(True)
        QTimer.singleShot(0, yes_after_locking)
        dialog.save()

    QTimer.singleShot(0, log_a_hard_shift)
    home.log_shift()
    assert seen == ["ShiftLogDialog", "QMessageBox"]
    assert window.is_locked
    unlock(qtbot, window)
    assert len(window.session.exposure.shifts()) == 1, "saved before the question"
    assert window.session.exposure.self_checks() == []


def test_a_menu_open_when_reflect_locks_closes_without_an_answer(qtbot, window):
    """The spelling menu (a popup, not a dialog) would stay over the lock screen and its
    "Add to my words" would still write."""
    unlock(qtbot, window)
    menu = QMenu(window.workspace)
    menu.addAction("Add to my words")
    open_after_lock: list[bool] = []

    def lock() -> None:
        assert QApplication.activePopupWidget() is menu
        window.lock()
        open_after_lock.append(menu.isVisible())
        menu.close()  # only for a failing run: the menu's loop must end

    QTimer.singleShot(0, lock)
    chosen = menu.exec(window.mapToGlobal(window.rect().center()))
    assert open_after_lock == [False]
    assert chosen is None


def test_a_failed_remove_answered_across_a_lock_reads_no_contacts_afterwards(
    qtbot, window, monkeypatch
):
    """Get help now stays open over the lock; the error box about a contact that could not
    be removed does not. Once it is closed by the lock, the dialog must not read the own
    contacts again from the closed session (its lock watch hides them instead)."""
    from reflect.ui.screens import get_help_dialog

    unlock(qtbot, window)
    resources = window.session.resources
    contact = resources.save_help_contact(HelpContact(name="My EAP", phone="1-800-555-0199"))
    dialog = get_help_dialog.GetHelpDialog(session=window.session, parent=window)
    dialog._lock_watch.stop()  # the guard must hold before the watch's next look
    reads: list[bool] = []

    def refuse(_contact_id: int) -> None:
        raise ReflectError("The disk is full.")

    monkeypatch.setattr(get_help_dialog, "confirm_destructive", lambda *_a, **_k: True)
    monkeypatch.setattr(resources, "delete_help_contact", refuse)
    monkeypatch.setattr(resources, "help_contacts", lambda: reads.append(True) or [])
    seen = _lock_then_answer(window, button=None)
    dialog._remove_contact(contact)
    assert seen == ["QMessageBox"], "the failure is said in a box"
    assert window.is_locked
    assert reads == []


def test_contributions_imported_across_a_lock_are_not_announced(qtbot, window, tmp_path):
    """The import is written before its summary box; a lock while the box is open must stop
    the panel there, so nothing listening acts on the closed session."""
    from tests.ui.test_team_ui import _files

    unlock(qtbot, window)
    window.workspace.set_team_screen_shown(True)
    figures = window.workspace.screens["team"].figures
    announced: list[int] = []
    figures.contributions_imported.connect(announced.append)
    seen = _lock_then_answer(window, button=None)
    assert figures.import_paths(_files(tmp_path, 5))
    assert seen == ["QMessageBox"], "the summary is said in a box"
    assert window.is_locked
    assert announced == []
    unlock(qtbot, window)
    assert window.session.team.contribution_count() == 5, "imported before the box"


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def _inside_unless_locked(call: ast.Call, tree: ast.AST) -> bool:
    """``unless_locked(lambda: QInputDialog.getText(...))`` is the guarded form."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "unless_locked"
            and any(call in ast.walk(arg) for arg in node.args)
        ):
            return True
    return False


ALLOWED = {"asked_across_lock.py"}
# Shown from the lock screen (no session to close) or a worker's own event loop.
LOCK_SCREEN = {"lock_screen_flows.py", "workers.py"}


def test_no_question_in_ui_runs_outside_the_guard():
    bare = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in ALLOWED | LOCK_SCREEN:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree):
            name = call.func.attr
            owner = ast.unparse(call.func.value)
            asks = name == "exec" and not call.args
            asks |= owner == "QMessageBox" and name == "question"
            asks |= owner == "QMessageBox" and name == "warning" and len(call.args) > 3
            asks |= owner == "QInputDialog" and name.startswith("get")
            if asks and not _inside_unless_locked(call, tree):
                bare.append(f"{path.relative_to(UI)}:{call.lineno} {ast.unparse(call)}")
    assert not bare, "use run_modal / accepted / ask_yes (ui/asked_across_lock.py):\n" + (
        "\n".join(bare)
    )
