"""Measuring in fresh processes: a cold run is what a person starting Reflect meets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def fresh_runs(script: str, folder: Path, count: int, env: dict[str, str]) -> list[dict[str, Any]]:
    """Run ``script --measure folder`` ``count`` times, each in a new process with ``env``,
    and return what each printed as JSON on its last line."""
    runs = []
    for _ in range(count):
        out = subprocess.run(
            [sys.executable, script, "--measure", str(folder)],
            env=env,
            text=True,
            check=True,
            capture_output=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return runs
