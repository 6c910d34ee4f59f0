"""benchmarks/search_floor.py, the reference beside the `reflect search` bar, finds what
`reflect search` finds: otherwise the benchmark would compare Reflect with a script that
does less work than a search must."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reflect.cli import main

from .test_search_command import PASSPHRASE, data_dir  # noqa: F401  (the fixture)

FLOOR = Path(__file__).resolve().parents[2] / "benchmarks" / "search_floor.py"


def test_the_floor_script_finds_the_same_reflections_in_the_same_order(
    data_dir,  # noqa: F811
    monkeypatch,
    capsys,
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["search", "outreach", "--json", "--data-dir", data_dir]) == 0
    found = json.loads(capsys.readouterr().out)["results"]
    floor = subprocess.run(
        [sys.executable, str(FLOOR), "outreach", "50", data_dir],
        capture_output=True,
        text=True,
        check=True,
        env={"REFLECT_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"},
    )
    lines = floor.stdout.splitlines()
    assert [line.split(" ", 1)[0][:16] for line in lines] == [r["occurred_at"] for r in found]
    assert "Court support was heavy" in lines[0]
    assert len(found) == 2
