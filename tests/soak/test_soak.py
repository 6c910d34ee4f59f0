"""The soak (soak.py) as a test: Reflect's real window under random actions and an eager
garbage collector, in a child process so that a crash fails this test instead of ending the
run. Seed 1 crashed within 40 s before the GUI-thread collector (ui/gui_collector.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def soak(seconds: float, seed: int, language: str, *options: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.soak.soak", "--seconds", str(seconds)]
    command += ["--seed", str(seed), "--language", language, *options]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 150
    )
    # A crash (faulthandler's stacks), an exception in a slot or a hang shows in stderr.
    assert result.returncode == 0, result.stderr[-6000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["exceptions"] == 0 and summary["live_objects_in_garbage"] == []
    return summary


def test_half_a_minute_of_random_use_never_crashes():
    summary = soak(25, seed=1, language="en")
    # The monkey reached the screens, dialogs, locks and the language switch.
    assert summary["actions"] > 150, summary
    assert summary["kinds"].get("dialog", 0) > 0 and summary["kinds"].get("unlock", 0) > 0
    # The errands reached what random clicks seldom do (their names say which).
    assert any(name.startswith("errand:") for name in summary["seen"]), summary


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("seed", "language", "options"),
    [
        (2, "en", ()),
        (3, "fr", ()),
        (4, "en", ()),
        # A fresh profile's empty states; a dark system with a large font, at the smallest.
        (11, "en", ("--empty",)),
        (13, "fr", ("--empty", "--scheme", "dark", "--points", "18", "--smallest")),
        (12, "fr", ("--scheme", "dark", "--points", "18", "--smallest")),
    ],
)
def test_two_minutes_of_random_use_never_crash(seed, language, options):
    soak(120, seed, language, *options)
