"""Measure Reflect against the quality bars in PRODUCT.md, on a ten-year demo profile.

    python benchmarks/run_benchmarks.py [--years 10] [--keep DIR]

Builds the profile in a temporary folder (3,650 check-ins, 10,000 reflections), then prints
each bar with the figure measured and the reference measured in the same run:

- lock screen shown vs a bare PySide6 window (both: a fresh process that shows its window
  and quits, median), and the same up to the first frame only;
- unlock to the populated workspace minus the key derivation alone;
- full-text search over 10,000 reflections, saving a reflection (median and p95, in process);
- dashboard first render vs matplotlib's own import-and-draw of the same data, and the
  re-render after a filter change (when the trends dashboard is present);
- peak memory (max RSS) of the process with the workspace (and dashboard) open;
- opening a debrief that shares 500 long reflections, on the Debrief screen and in debrief
  mode (its own small profile, benchmarks/debrief_bench.py);
- with jrnl (``--jrnl PATH``, `make bench` installs it into build/jrnl-venv): `reflect
  search` as a whole process vs jrnl's search of the same 10,000 entries, and `reflect
  import` of jrnl's JSON export vs jrnl's own export (benchmarks/jrnl_compare.py).

Timings run in separate processes so one measurement cannot warm up another. Each row
shows the median and, in brackets, the lowest and highest sample of this run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

ENV = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
ENV.pop("REFLECT_PASSPHRASE", None)
RUNS = 9

BARE_WINDOW = """
import time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(900, 640); w.setWindowTitle("bare"); w.show()
def shown():  # what Reflect does with REFLECT_EXIT_AFTER_SHOW: say so, then quit
    import sys
    print("bare: shown QWidget", file=sys.stderr, flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

MATPLOTLIB_REFERENCE = """
import json, sys, time
t0 = time.perf_counter()
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
data = json.load(sys.stdin)
fig = Figure(figsize=(9, 6), dpi=100)
axes = fig.subplots(2, 1)
for name, values in data["series"].items():
    axes[0].plot(data["x"], values, label=name, linewidth=1)
axes[0].legend(fontsize=7)
axes[1].bar(range(len(data["weekly"])), data["weekly"])
FigureCanvasAgg(fig).draw()
print(time.perf_counter() - t0)
"""


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] * 1000


def _spread(samples: list[float]) -> str:
    return f"[{min(samples) * 1000:.0f}-{max(samples) * 1000:.0f}]"


def _shown_and_whole_seconds(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the process to its "shown" line (the first frame), and to its end."""
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    shown = None
    for line in process.stderr:
        if b": shown " in line:
            shown = time.perf_counter() - started
            break
    process.stderr.read()
    if process.wait() != 0 or shown is None:
        raise RuntimeError(f"{args[:3]} did not show its window")
    return shown, time.perf_counter() - started


def measure_windows(data_dir: Path) -> dict[str, Any]:
    """Whole processes (start to exit, the bar's measure) and start to first frame, both."""
    bare, lock, bare_frame, lock_frame = [], [], [], []
    env = {**ENV, "REFLECT_EXIT_AFTER_SHOW": "1", "PYTHONPATH": str(ROOT / "src")}
    reflect = [sys.executable, "-m", "reflect", "--data-dir", str(data_dir)]
    for _ in range(RUNS):  # interleaved, so a busy moment affects both equally
        frame, whole = _shown_and_whole_seconds([sys.executable, "-c", BARE_WINDOW], ENV)
        bare_frame.append(frame)
        bare.append(whole)
        frame, whole = _shown_and_whole_seconds(reflect, env)
        lock_frame.append(frame)
        lock.append(whole)
    ratios = [b and x / b for x, b in zip(lock, bare, strict=True)]
    return {
        "bare_window_ms": _median_ms(bare),
        "lock_screen_ms": _median_ms(lock),
        "bare_spread": _spread(bare),
        "lock_spread": _spread(lock),
        "ratio_range": f"[{min(ratios):.2f}-{max(ratios):.2f}x]",
        "bare_first_frame_ms": _median_ms(bare_frame),
        "lock_first_frame_ms": _median_ms(lock_frame),
    }


IN_PROCESS_RUNS = 3


def measure_in_process(data_dir: Path) -> dict[str, Any]:
    """Run ``--measure`` in fresh processes and keep the median of each figure.

    One cold run is at the mercy of whatever else the machine is doing; three give a figure
    that can be compared from one run of the script to the next.
    """
    from fresh_runs import fresh_runs

    env = {**ENV, "PYTHONPATH": str(ROOT / "src")}
    runs = fresh_runs(__file__, data_dir, IN_PROCESS_RUNS, env)
    merged = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)):
            merged[key] = statistics.median(run[key] for run in runs)
            merged[f"{key}_range"] = f"[{min(r[key] for r in runs):.0f}-" + (
                f"{max(r[key] for r in runs):.0f}]"
            )
    dash = [run["dashboard"] for run in runs if run["dashboard"].get("available")]
    if dash:
        merged["dashboard"] = {
            key: (statistics.median(d[key] for d in dash) if key != "available" else True)
            for key in dash[0]
        }
        firsts = [d["first_ms"] for d in dash]
        merged["dashboard"]["first_range"] = f"[{min(firsts):.0f}-{max(firsts):.0f}]"
    return merged


def matplotlib_reference(chart_data: dict[str, object]) -> tuple[float, str]:
    samples = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", MATPLOTLIB_REFERENCE],
            env=ENV,
            input=json.dumps(chart_data),
            text=True,
            check=True,
            capture_output=True,
        ).stdout
        samples.append(float(out.strip()))
    return _median_ms(samples), _spread(samples)


# --- the in-process part (runs in its own process) ---------------------------------------


def _measure(data_dir: Path) -> None:
    import resource

    from generate import BENCH_PASSPHRASE
    from PySide6.QtWidgets import QApplication

    from reflect.domain.journal import JournalFilter
    from reflect.domain.reflection import Reflection
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    app = QApplication.instance() or QApplication([])
    paths = AppPaths(data_dir)
    # Opened as the app opens it: a writer, which also compares the search index with the
    # reflections on unlock (about 2 ms for 10,000; storage/search_index.py).
    service = ProfileService(paths, writer=True)
    info = service.list_profiles()[0]

    from reflect.storage.kdf import KdfParams, derive_key, wipe

    vault = json.loads(info.vault_path.read_text(encoding="utf-8"))
    params = KdfParams.from_dict(vault["passphrase"]["kdf"])
    kdf = []
    for _ in range(3):
        started = time.perf_counter()
        wipe(derive_key(BENCH_PASSPHRASE, params))
        kdf.append(time.perf_counter() - started)

    from reflect.ui.workspace import Workspace

    started = time.perf_counter()
    session = service.unlock(info, BENCH_PASSPHRASE)
    window = Workspace(session)
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    unlock_total = time.perf_counter() - started

    journal = session.journal
    queries = ["walk", "court", "tired", '"waiting lists"', "supervision", "shelter calm"]
    search = []
    for _ in range(10):
        for query in queries:
            started = time.perf_counter()
            journal.search(JournalFilter(query=query), limit=50)
            search.append(time.perf_counter() - started)
    count = journal.count()

    save = []
    for i in range(30):
        reflection = Reflection(
            "quick",
            datetime_now(),
            tags=["benchmark"],
            intensity=i % 10,
            answers={"what_happened": f"Benchmark entry {i}", "keep": "Breathing"},
        )
        started = time.perf_counter()
        saved = journal.save(reflection)
        save.append(time.perf_counter() - started)
        journal.delete(saved.id)  # keep a --keep profile at exactly the benchmark size

    dashboard = _measure_dashboard(session, app)
    app.processEvents()
    # Read before the reference data below: loading all 10,000 reflections for matplotlib's
    # reference chart is the benchmark's own work, not the app's footprint.
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chart = _chart_data(session)
    print(
        json.dumps(
            {
                "reflections": count,
                "checkins": session.checkins.count(),
                "kdf_ms": _median_ms(kdf),
                "unlock_total_ms": unlock_total * 1000,
                "search_median_ms": _median_ms(search),
                "search_p95_ms": _p95_ms(search),
                "save_median_ms": _median_ms(save),
                "save_p95_ms": _p95_ms(save),
                "peak_mib": peak_kib / 1024,
                "dashboard": dashboard,
                "chart_data": chart,
            }
        )
    )
    window.close()
    session.close()


def datetime_now():
    from datetime import datetime

    return datetime.now().replace(microsecond=0)


def _chart_data(session) -> dict[str, object]:
    """The check-in categories over ten years and reflections per week: the reference data."""
    from collections import Counter

    scored = session.checkins.scored_history()
    x = list(range(len(scored)))
    categories = sorted({k for s in scored for k in s.scores.categories})
    series = {c: [s.scores.get(c) or 0 for s in scored] for c in categories}
    weeks = Counter(r.occurred_at.isocalendar()[:2] for r in session.journal.search(None))
    return {"x": x, "series": series, "weekly": [weeks[k] for k in sorted(weeks)]}


def _measure_dashboard(session, app) -> dict[str, object]:
    """First render and re-render of the trends dashboard, if this build has one."""
    try:
        from reflect.ui.screens.trends_screen import TrendsScreen
    except ImportError:
        return {"available": False}
    started = time.perf_counter()
    screen = TrendsScreen(session)
    screen.resize(1100, 760)
    screen.show()
    # The screen prepares its data on a worker thread, then draws: wait for real pixels.
    deadline = time.perf_counter() + 60
    while not getattr(screen, "is_ready", True) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    # The chart's pixels come from its pending draw_idle, which runs (with the paint) here;
    # an explicit draw as well would time two renders.
    app.processEvents()
    app.processEvents()
    first = time.perf_counter() - started
    result: dict[str, object] = {"available": True, "first_ms": first * 1000}
    change = getattr(screen, "benchmark_filter_change", None)
    prepare = getattr(screen, "benchmark_prepare", None)
    if callable(prepare):
        prepare()  # the whole history cached, as a moment after opening (read off the GUI)
    if callable(change):
        samples = []
        for step in range(5):
            started = time.perf_counter()
            change(step)
            app.processEvents()
            samples.append(time.perf_counter() - started)
        result["rerender_ms"] = _median_ms(samples)
    return result


# --- main ----------------------------------------------------------------------------------


def _jrnl_figures(jrnl: str | None, folder: Path, years: int) -> dict[str, Any] | None:
    if not jrnl:
        return None
    import jrnl_compare
    from generate import BENCH_PASSPHRASE, build_profile

    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    service = ProfileService(AppPaths(folder))
    session = service.unlock(service.list_profiles()[0], BENCH_PASSPHRASE)
    try:
        config = jrnl_compare.write_jrnl_journal(session, folder.parent / f"{folder.name}-jrnl")
    finally:
        session.close()
    # The same years keyed as `reflect demo` keys its profile (a few seconds to build).
    demo_keyed = _demo_keyed_folder(folder)
    if not (demo_keyed / "profiles").is_dir():
        build_profile(demo_keyed, years, calibrated_kdf=False)
    return jrnl_compare.measure(jrnl, config, folder, ROOT / "src", JRNL_RUNS, demo_keyed)


def _demo_keyed_folder(folder: Path) -> Path:
    return folder.parent / f"{folder.name}-demo-keyed"


def _debrief_folder(folder: Path) -> Path:
    return folder.parent / f"{folder.name}-large-debrief"


JRNL_RUNS = 5


def main() -> int:
    parser = argparse.ArgumentParser(description="Reflect quality-bar benchmark")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the profile in DIR")
    parser.add_argument("--jrnl", metavar="PATH", help="jrnl executable for the CLI comparisons")
    parser.add_argument("--measure", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(Path(args.measure))
        return 0

    import debrief_bench
    from generate import build_profile
    from report import print_report

    # An installed app runs from compiled bytecode (pip writes it at install time); a source
    # checkout with PYTHONDONTWRITEBYTECODE set would recompile Reflect on every start while
    # the bare window's PySide6 is already compiled, which is not the comparison the bar means.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="reflect-bench-"))
    load_before = os.getloadavg()
    try:
        if not (folder / "profiles").is_dir():
            print(f"Building a {args.years}-year profile in {folder} …", flush=True)
            _, seconds = build_profile(folder, args.years)
            print(f"  generated in {seconds:.1f} s", flush=True)
        windows = measure_windows(folder)
        inner = measure_in_process(folder)
        reference = matplotlib_reference(inner["chart_data"])  # type: ignore[arg-type]
        jrnl = _jrnl_figures(args.jrnl, folder, args.years)
        debrief = debrief_bench.measure(_debrief_folder(folder))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(_debrief_folder(folder), ignore_errors=True)
            shutil.rmtree(folder.parent / f"{folder.name}-jrnl", ignore_errors=True)
            shutil.rmtree(_demo_keyed_folder(folder), ignore_errors=True)
    print_report(windows, inner, reference, jrnl, (load_before, os.getloadavg()), debrief)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
