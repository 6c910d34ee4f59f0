"""A file or print dialog that returns after Reflect locked does nothing with its answer.

The system's own file and print dialogs cannot be closed by the lock (ui/lock_dialogs.py
closes Reflect's dialogs only). If the idle lock, Ctrl+L or SIGTERM locks the profile while
one is open, it later returns the path or "Print" chosen before the person walked away.
Before: the code went on with a closed database (a traceback) or wrote a plain copy, or
printed, after the person had left. Each test stands in for the dialog with a function that
locks the window, then answers as the person would have.
"""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reflect.domain.reflection import Reflection
from reflect.ui import native_dialogs
from tests.ui.app_windows import unlock

UI = Path(native_dialogs.__file__).parent


def _locks_then_answers(window, answer):
    def dialog(*_args, **_kwargs):
        window.lock()
        return answer

    return dialog


@pytest.fixture
def unlocked(qtbot, window):
    unlock(qtbot, window)
    return window


@pytest.fixture
def printed(monkeypatch):
    pages: list[object] = []
    monkeypatch.setattr(QTextDocument, "print_", lambda _doc, printer: pages.append(printer))
    return pages


def _yes(monkeypatch):
    for name in ("question", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Yes)


def test_a_debrief_summary_is_not_written_after_the_lock(unlocked, monkeypatch, tmp_path):
    window = unlocked
    window.workspace.show_screen("debrief")
    screen = window.workspace.debrief
    screen.title.setText("Tuesday supervision")
    screen.topics.setPlainText("Sleep after late shifts")
    _yes(monkeypatch)
    target = tmp_path / "summary.md"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", _locks_then_answers(window, (str(target), ""))
    )
    screen.export("md")
    assert window.is_locked
    assert not target.exists()


def test_a_supervisor_reply_is_not_read_after_the_lock(unlocked, monkeypatch, tmp_path):
    window = unlocked
    window.workspace.show_screen("debrief")
    screen = window.workspace.debrief
    reply = tmp_path / "reply.age"
    reply.write_bytes(b"age-encryption.org/v1\nnot really a reply\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", _locks_then_answers(window, (str(reply), ""))
    )
    screen.choose_reply()  # before: the closed database raised out of here
    assert window.is_locked


def test_a_reflection_pdf_is_not_written_after_the_lock(unlocked, monkeypatch, tmp_path):
    window = unlocked
    window.session.journal.save(
        Reflection("free_write", datetime(2026, 12, 1, 9), answers={"text": "quiet evening"})
    )
    journal = window.workspace.journal
    window.workspace.show_screen("journal")
    journal.refresh()
    journal.table.selectRow(0)
    assert journal.selected_id() is not None
    _yes(monkeypatch)
    target = tmp_path / "reflection.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", _locks_then_answers(window, (str(target), ""))
    )
    journal.save_selected_pdf()
    assert window.is_locked
    assert not target.exists()


def test_closing_the_window_while_the_dialog_is_open_writes_nothing(
    unlocked, monkeypatch, tmp_path
):
    """The SIGTERM path (and the tray's Quit) closes the window, which locks it first."""
    window = unlocked
    window.session.journal.save(
        Reflection("free_write", datetime(2026, 12, 1, 9), answers={"text": "quiet evening"})
    )
    journal = window.workspace.journal
    window.workspace.show_screen("journal")
    journal.refresh()
    journal.table.selectRow(0)
    _yes(monkeypatch)
    target = tmp_path / "reflection.pdf"

    def closes_then_answers(*_args, **_kwargs):
        window.close()
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", closes_then_answers)
    journal.save_selected_pdf()
    assert window.is_locked
    assert not target.exists()


def test_a_reflection_is_not_printed_after_the_lock(unlocked, monkeypatch, printed):
    window = unlocked
    window.session.journal.save(
        Reflection("free_write", datetime(2026, 12, 1, 9), answers={"text": "quiet evening"})
    )
    journal = window.workspace.journal
    window.workspace.show_screen("journal")
    journal.refresh()
    journal.table.selectRow(0)
    assert journal.selected_id() is not None
    _yes(monkeypatch)
    monkeypatch.setattr(
        QPrintDialog, "exec", _locks_then_answers(window, QPrintDialog.DialogCode.Accepted)
    )
    journal.print_selected()
    assert window.is_locked
    assert printed == []


def test_a_recovery_key_is_not_printed_after_the_lock(unlocked, monkeypatch, printed):
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    window = unlocked
    dialog = RecoveryKeyDialog("Tester", "ABCDE-12345-FGHJK-67890-MNPQR", window.workspace)
    dialog.show()
    monkeypatch.setattr(
        QPrintDialog, "exec", _locks_then_answers(window, QPrintDialog.DialogCode.Accepted)
    )
    dialog.print_button.click()
    assert window.is_locked
    assert printed == []


def test_a_plain_export_is_not_written_after_the_lock(qtbot, unlocked, monkeypatch, tmp_path):
    from reflect.ui.screens.data_dialog import DataDialog

    window = unlocked
    dialog = DataDialog(window.session, window.workspace)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.show()
    _yes(monkeypatch)
    target = tmp_path / "everything.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", _locks_then_answers(window, (str(target), ""))
    )
    dialog.export_button.click()
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert window.is_locked
    assert not target.exists()


def test_an_answer_given_without_a_lock_goes_through(unlocked, monkeypatch, tmp_path):
    window = unlocked
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("/x/y.md", "md"))
    assert native_dialogs.save_file_name(window, "Save") == ("/x/y.md", "md")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (["/a", "/b"], ""))
    assert native_dialogs.open_file_names(window, "Open") == (["/a", "/b"], "")


def test_a_lock_during_the_dialog_turns_the_answer_into_cancel(qtbot, unlocked, monkeypatch):
    window = unlocked
    monkeypatch.setattr(QFileDialog, "getOpenFileName", _locks_then_answers(window, ("/a", "")))
    assert native_dialogs.open_file_name(window, "Open") == ("", "")
    # A lock that came and went before the dialog opened does not void its answer.
    unlock(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("/a", ""))
    assert native_dialogs.open_file_name(window.workspace, "Open") == ("/a", "")


# --- every call site goes through native_dialogs -------------------------------------------

STATIC_DIALOGS = {
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
    "getOpenFileUrl",
    "getOpenFileUrls",
    "getSaveFileUrl",
    "getExistingDirectoryUrl",
}


def _direct_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in STATIC_DIALOGS:
            found.append(f"{path.name}:{node.lineno} QFileDialog.{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QPrintDialog"
        ):
            outer = parents.get(node)
            wrapped = (
                isinstance(outer, ast.Call)
                and isinstance(outer.func, ast.Name)
                and outer.func.id == "print_accepted"
            )
            if not wrapped:
                found.append(f"{path.name}:{node.lineno} QPrintDialog(...) not in print_accepted")
    return found


def test_no_file_or_print_dialog_is_used_outside_native_dialogs():
    sources = [p for p in UI.rglob("*.py") if p.name != "native_dialogs.py"]
    direct = [use for path in sources for use in _direct_uses(path)]
    assert direct == []
