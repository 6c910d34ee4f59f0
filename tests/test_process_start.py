"""How a Reflect process starts: its collector policy (reflect/process_gc.py) and its style.

Started as a process (the `reflect` command, `python -m reflect`, the bundle), Reflect sets
aside what it built while starting and collects from there (the desktop app from a timer on
its GUI thread, ui/gui_collector.py); called as a function (tests, scripts), it leaves the
collector alone. The application is born with its style.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reflect import cli, process_gc
from reflect.commands import instruments

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector_restored(monkeypatch):
    monkeypatch.setattr(process_gc, "_entry_point", False)
    yield
    gc.unfreeze()
    gc.enable()


def _seeing_handler(seen: dict[str, object]):
    def handler(_args) -> int:
        seen["enabled"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()
        return 0

    return handler


def test_a_command_runs_with_the_collector_on_and_start_up_set_aside(
    monkeypatch, collector_restored
):
    seen: dict[str, object] = {}
    monkeypatch.setattr(instruments, "run", _seeing_handler(seen))
    monkeypatch.setattr(sys, "argv", ["reflect", "instruments"])
    assert cli.run() == 0
    assert seen["enabled"] is True  # a long import or export still collects its garbage
    assert seen["frozen"] > 1000  # the modules imported to get here


def test_main_called_as_a_function_leaves_the_collector_alone(monkeypatch, collector_restored):
    seen: dict[str, object] = {}
    monkeypatch.setattr(instruments, "run", _seeing_handler(seen))
    assert cli.main(["instruments"]) == 0
    assert seen == {"enabled": True, "frozen": 0}
    process_gc.ending()
    assert gc.get_freeze_count() == 0


def test_every_way_of_starting_reflect_goes_through_run():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["reflect"] == "reflect.cli:run"
    for entry in (ROOT / "src/reflect/__main__.py", ROOT / "packaging/reflect_launcher.py"):
        assert "raise SystemExit(run())" in entry.read_text(encoding="utf-8")


PROBE = """
import atexit, enum, gc, json, sys
built = []
_new = enum.EnumType.__new__
def _counting(mcls, *args, **kwargs):
    made = _new(mcls, *args, **kwargs)
    built.append(made.__qualname__)
    return made
enum.EnumType.__new__ = _counting
import reflect.app
_quit = reflect.app._quit_once_shown
def _report(app, window):
    state = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(), "enums": built[:]}
    state["parser"] = "reflect.cli_parser" in sys.modules
    from reflect.ui.gui_collector import GuiThreadCollector  # after the enums are counted
    collectors = app.findChildren(GuiThreadCollector)
    state["gui_collector"] = [c._timer.isActive() for c in collectors]
    print(json.dumps(state), flush=True)
    _quit(app, window)
reflect.app._quit_once_shown = _report
atexit.register(lambda: print(json.dumps({"tracked_at_exit": len(gc.get_objects())})))
sys.argv = ["reflect", "--data-dir", sys.argv[1]]
from reflect.cli import run
raise SystemExit(run())
"""


def test_the_app_shows_the_lock_screen_then_collects_on_the_gui_thread(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REFLECT_EXIT_AFTER_SHOW": "1"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    shown, at_exit = (json.loads(line) for line in out.stdout.splitlines()[-2:])
    # Collection goes on, from a timer on the GUI thread only (ui/gui_collector.py).
    assert shown["enabled"] is False
    assert shown["gui_collector"] == [True]
    assert shown["frozen"] > 10_000  # PySide6 and the lock screen, set aside
    # Everything still alive at exit was set aside: the last collection has nothing to walk.
    assert at_exit["tracked_at_exit"] < 1000
    # `reflect --data-dir DIR` is read without argparse's parser (reflect/app_arguments.py;
    # PySide6's shiboken imports argparse itself).
    assert shown["parser"] is False
    # Born with its style: setting it later builds QStyle's Python type and enums.
    assert not {"PixelMetric", "StandardPixmap", "StyleHint"} & set(shown["enums"])


def test_the_application_is_born_with_fusion_whatever_the_environment_says():
    probe = (
        "from reflect.ui.theme import new_application\n"
        "app = new_application(['reflect', '--data-dir', '/nowhere'])\n"
        "print(app.style().objectName(), app.arguments()[1:])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "fusion"
    assert "['--data-dir', '/nowhere']" in out.stdout
