"""One write, every screen that shows it: the workspace refreshes through change events,
not hand wiring; background work keeps to its own connection and its owner's lifetime."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from reflect.domain.reflection import Reflection
from reflect.ui.data_events import data_events
from reflect.ui.screens.data_dialog import DataDialog
from reflect.ui.workers import run_in_background
from reflect.ui.workspace import Workspace

NOW = datetime.now().replace(microsecond=0)


def _window(qtbot, session) -> Workspace:
    window = Workspace(session)
    qtbot.addWidget(window)
    window.show()
    return window


def _jrnl(tmp_path):
    path = tmp_path / "jrnl.json"
    entries = [
        {"date": "2024-03-30", "time": "21:05", "title": "Long shift.", "body": "", "tags": []},
        {"date": "2024-04-02", "time": "07:40", "title": "Slept well.", "body": "", "tags": []},
    ]
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    return path


def test_saving_a_checkin_refreshes_home_trends_resources_and_the_checkin_screen(qtbot, session):
    window = _window(qtbot, session)
    assert window.home.checkin_card.headline.text() == "No check-in yet"
    assert window.checkin.history.list.count() == 0
    assert not window.trends._needs_refresh  # built now, out of sight (screens build lazily)
    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 2), taken_at=NOW - timedelta(hours=1))
    # The screen in sight redraws on the next turn of the event loop...
    headline = window.home.checkin_card.headline
    qtbot.waitUntil(lambda: headline.text().startswith("Last check-in"), timeout=3000)
    assert window.trends._needs_refresh  # hidden: redrawn when next shown
    # ...and one out of sight when it is next shown, not while the write waits.
    assert window.checkin.history.list.count() == 0
    window.show_screen("checkin")
    assert window.checkin.history.list.count() == 1


def test_saving_a_reflection_anywhere_refreshes_the_journal_and_home(qtbot, session):
    window = _window(qtbot, session)
    assert window.journal.model.rowCount() == 0
    assert not window.trends._needs_refresh
    assert window.home.welcome.isVisible()
    session.journal.save(Reflection("free_write", NOW, answers={"text": "A quiet walk."}))
    qtbot.waitUntil(lambda: not window.home.welcome.isVisible(), timeout=3000)
    assert window.trends._needs_refresh
    assert window.journal.model.rowCount() == 0  # out of sight: read when shown
    window.show_screen("journal")
    assert window.journal.model.rowCount() == 1


def test_an_import_from_settings_runs_on_its_own_connection_and_refreshes_everything(
    qtbot, session, tmp_path, monkeypatch
):
    window = _window(qtbot, session)
    window.trends._needs_refresh = False
    dialog = DataDialog(session, window)
    qtbot.addWidget(dialog)
    used: list[tuple[object, bool]] = []
    import reflect.ui.screens.data_dialog as module

    real_import = module.import_file

    def spy(worker_session, path, secret, **options):
        on_gui = threading.current_thread() is threading.main_thread()
        used.append((worker_session.db, on_gui))
        return real_import(worker_session, path, secret, **options)

    monkeypatch.setattr(module, "import_file", spy)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    path = _jrnl(tmp_path)
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(data_events(session).imported, timeout=10_000):
        dialog.import_button.click()
    assert used and used[0][0] is not session.db and not used[0][1]
    assert window.trends._needs_refresh
    window.show_screen("journal")
    assert window.journal.model.rowCount() == 2
    qtbot.waitUntil(lambda: "Imported 2 records" in dialog.status.text(), timeout=5000)


def test_an_announcement_from_a_worker_reaches_screens_on_the_gui_thread(qtbot, session):
    events = data_events(session)
    threads: list[object] = []
    events.checkins_changed.connect(lambda: threads.append(QThread.currentThread()))
    worker = threading.Thread(target=lambda: session.changes.announce("checkins_changed"))
    with qtbot.waitSignal(events.checkins_changed, timeout=5000):
        worker.start()
        worker.join()
    assert threads == [QApplication.instance().thread()]


def test_a_callback_never_runs_for_a_destroyed_owner(qtbot):
    owner = QObject()
    ran: list[object] = []
    gate = threading.Event()
    run_in_background(lambda: gate.wait(5) and 42, ran.append, ran.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner), timeout=2000)
    gate.set()
    qtbot.wait(300)
    assert ran == []
    kept = QObject()
    run_in_background(lambda: 7, ran.append, ran.append, owner=kept)
    qtbot.waitUntil(lambda: ran == [7], timeout=2000)


def _valid(obj: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_before_lock_asks_every_built_screen_through_the_protocol(qtbot, session, monkeypatch):
    window = _window(qtbot, session)
    assert list(window.screens.built()) == ["home"]  # the others wait for a first visit
    window.show_screen("reflect")
    window.show_screen("settings")
    asked: list[str] = []
    for screen in window._screen_hooks():
        name = type(screen).__name__
        monkeypatch.setattr(screen, "save_draft_now", lambda name=name: asked.append(name))
    window.before_lock()
    assert sorted(asked) == ["HomeScreen", "ReflectScreen", "SettingsScreen"]
    assert len(window.screens) == 8


def test_a_follower_in_sight_refreshes_once_on_the_next_turn_and_one_out_of_sight_when_shown(
    qtbot, session
):
    from PySide6.QtWidgets import QWidget

    from reflect.ui.data_events import follow

    seen, hidden = QWidget(), QWidget()
    for widget in (seen, hidden):
        qtbot.addWidget(widget)
    seen.show()
    calls = {"seen": 0, "hidden": 0}
    follow(
        session,
        ("reflections_changed",),
        lambda: calls.__setitem__("seen", calls["seen"] + 1),
        seen,
    )
    follow(
        session,
        ("reflections_changed",),
        lambda: calls.__setitem__("hidden", calls["hidden"] + 1),
        hidden,
    )
    for _ in range(3):
        session.changes.announce("reflections_changed")
    assert calls == {"seen": 0, "hidden": 0}  # the writer does not wait for any screen
    qtbot.waitUntil(lambda: calls["seen"] == 1, timeout=2000)
    qtbot.wait(50)
    assert calls == {"seen": 1, "hidden": 0}  # three changes, one refresh
    session.changes.announce("checkins_changed")  # not a kind either follows
    hidden.show()
    assert calls == {"seen": 1, "hidden": 1}
    hidden.hide()
    hidden.show()
    assert calls["hidden"] == 1  # nothing changed in between: no second read
