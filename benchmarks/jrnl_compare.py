"""Reflect's command line beside jrnl's on the same 10,000 entries (whole processes).

jrnl (https://jrnl.sh, on PyPI) is the reference the quality bars name: `reflect search`
must take at most a quarter of jrnl's search, and `reflect import` of jrnl's JSON export
at most twice jrnl's own export. jrnl is installed only into a benchmark virtual
environment (`make bench` creates build/jrnl-venv), never as a Reflect dependency.

The jrnl journal is written from the benchmark profile's own reflections (same dates,
same text), unencrypted, since jrnl's encryption needs an interactive password or a
keyring; Reflect's side runs on its encrypted profile and includes its key derivation.
The search is timed twice: on the benchmark profile (Argon2id calibrated like a real
profile's, about half a second) and on the same ten years keyed as `reflect demo` keys
its profile (the Argon2id floor), which is the profile the issue's bar names, and beside
it `search_floor.py`, the least any search of that encrypted profile can do (a reference
for how far the bar is reachable at all).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEARCH_WORD = "supervision"
SEARCH_LIMIT = 50


def _seconds(args: list[str], env: dict[str, str], stdout=subprocess.DEVNULL) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=stdout, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def write_jrnl_journal(session, folder: Path) -> Path:
    """The profile's reflections as a jrnl text journal; returns jrnl's config file."""
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    lines = []
    for r in sorted(session.journal.all_reflections(), key=lambda r: r.occurred_at):
        text = " ".join(str(v) for v in r.answers.values() if isinstance(v, str) and v.strip())
        title, _, body = text.partition(". ")
        tags = " ".join(f"@{t.replace(' ', '_')}" for t in r.tags)
        lines.append(f"[{r.occurred_at:%Y-%m-%d %H:%M}] {title.strip() or 'Entry'}.")
        lines.append(f"{body.strip()} {tags}".strip())
        lines.append("")
    journal.write_text("\n".join(lines), encoding="utf-8")
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: false\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config


def measure(
    jrnl: str, config: Path, data_dir: Path, src: Path, runs: int, demo_keyed: Path | None = None
) -> dict[str, object]:
    """Medians (and ranges) of interleaved runs: search and export/import, both programs."""
    from generate import BENCH_PASSPHRASE

    env = {**os.environ, "PYTHONPATH": str(src), "REFLECT_PASSPHRASE": BENCH_PASSPHRASE}
    reflect = [sys.executable, "-m", "reflect"]
    jrnl_cmd = [jrnl, "--config-file", str(config)]
    work = config.parent
    export = work / "export.json"
    # jrnl's export once, outside the timing, to import; also checks jrnl works at all.
    with open(export, "w", encoding="utf-8") as handle:
        subprocess.run([*jrnl_cmd, "--format", "json"], env=env, check=True, stdout=handle)
    entries = len(json.loads(export.read_text(encoding="utf-8"))["entries"])
    empty = work / "empty-profile"
    if not empty.exists():
        _empty_profile(empty)

    keys = ["reflect_search", "jrnl_search", "jrnl_export", "reflect_import"]
    if demo_keyed is not None:
        keys += ["reflect_search_demo_keyed", "search_floor"]
    samples: dict[str, list[float]] = {k: [] for k in keys}
    search = [*reflect, "search", SEARCH_WORD, "--limit", str(SEARCH_LIMIT), "--data-dir"]
    floor_script = str(Path(__file__).with_name("search_floor.py"))
    floor = [sys.executable, floor_script, SEARCH_WORD, str(SEARCH_LIMIT)]
    for _ in range(runs):
        samples["jrnl_search"].append(
            _seconds([*jrnl_cmd, "-n", str(SEARCH_LIMIT), "-contains", SEARCH_WORD], env)
        )
        samples["reflect_search"].append(_seconds([*search, str(data_dir)], env))
        if demo_keyed is not None:
            samples["reflect_search_demo_keyed"].append(_seconds([*search, str(demo_keyed)], env))
            samples["search_floor"].append(_seconds([*floor, str(demo_keyed)], env))
        with open(work / "export-timed.json", "w", encoding="utf-8") as handle:
            samples["jrnl_export"].append(_seconds([*jrnl_cmd, "--format", "json"], env, handle))
        target = work / "import-run"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(empty, target)
        samples["reflect_import"].append(
            _seconds([*reflect, "import", str(export), "--data-dir", str(target)], env)
        )
    shutil.rmtree(work / "import-run", ignore_errors=True)
    result: dict[str, object] = {"entries": entries, "runs": runs}
    for key, values in samples.items():
        result[key] = {
            "median_ms": statistics.median(values) * 1000,
            "min_ms": min(values) * 1000,
            "max_ms": max(values) * 1000,
        }
    return result


def _empty_profile(folder: Path) -> None:
    """An empty profile keyed like a real one (calibrated Argon2id), to import into."""
    from generate import BENCH_PASSPHRASE

    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    service = ProfileService(AppPaths(folder).ensure())
    service.create(BENCH_PASSPHRASE, "Import target (fictional)")
