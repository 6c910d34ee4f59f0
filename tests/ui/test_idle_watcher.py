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
