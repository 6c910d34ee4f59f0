from reflect.ui.idle_watcher import IdleWatcher


def test_wall_clock_jump_after_sleep_locks_at_once(qtbot):
    now = [1000.0]
    watcher = IdleWatcher(60_000, wall_clock=lambda: now[0])
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    now[0] += 30  # half the delay: still unlocked
    watcher.check_wall_clock()
    assert not fired
    now[0] += 3600  # the laptop slept for an hour; the Qt timer did not advance
    watcher.check_wall_clock()
    assert fired == [True]
    assert not watcher.is_active()


def test_stopped_watcher_never_fires(qtbot):
    now = [0.0]
    watcher = IdleWatcher(100, wall_clock=lambda: now[0])
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    now[0] += 10
    watcher.check_wall_clock()
    assert not fired


def test_the_watcher_listens_to_the_application_only_while_it_runs(qtbot):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    now = [0.0]
    watcher = IdleWatcher(60_000, wall_clock=lambda: now[0])
    target = QWidget()
    qtbot.addWidget(target)

    def press() -> None:
        now[0] += 10
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, event)

    press()
    assert watcher._last_input == 0.0  # not started (the lock screen): not listening
    watcher.start()
    press()
    assert watcher._last_input == 20.0
    watcher.stop()
    press()
    assert watcher._last_input == 20.0  # locked again: the application is left alone
    watcher.start()
    watcher.start()  # twice: still one filter, and one stop removes it
    watcher.stop()
    press()
    assert watcher._last_input == 30.0  # set by start(); no key press counted since
