"""Opening a very large debrief: the provider's Debrief screen and debrief mode.

    python benchmarks/debrief_bench.py [--keep DIR] [--profile]

Builds its own small profile (fast key, no ten-year history): ``REFLECTIONS`` reflections
with long multi-paragraph answers, all ticked in one debrief with a few check-ins and a
chart. Then, in fresh processes, times from "open it" until the window has laid out and
painted (offscreen):

- the Debrief screen, already shown, opening that debrief from its history;
- debrief mode opening on it (started from that screen, as the button does);
- then one press of "Show the next items" there.

``run_benchmarks.py`` calls ``measure`` for its report; run alone, this prints the two
figures (median and lowest-highest of ``RUNS`` processes). ``--profile`` prints a cProfile
of one opening of each instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fresh_runs import fresh_runs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ENV = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
ENV.pop("REFLECT_PASSPHRASE", None)
PASSPHRASE = "large debrief benchmark (fictional data)"
REFLECTIONS = 500
RUNS = 3
TITLE = "Quarter review: everything since the summer"

# Several paragraphs per answer, as a person catching up on a season of shifts might write.
PARAGRAPH = (
    "The outreach van stopped at the usual corner and we waited longer than planned. "
    "Nobody came at first, then two people asked about the night shelter and whether the "
    "clinic still opened on Thursdays. I answered what I could and wrote down what I did "
    "not know, so I can find out before the next shift. "
)
ANSWER = "\n\n".join(PARAGRAPH * k for k in (2, 1, 3))


def build(folder: Path) -> None:
    """The profile with the large debrief, in ``folder`` (fast key: nothing here times it)."""
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    service = ProfileService(AppPaths(folder).ensure(), fast_kdf=True)
    info = service.create(PASSPHRASE, "Large debrief (fictional)")
    session = service.unlock(info, PASSPHRASE)
    try:
        journal = session.journal
        start = datetime(2026, 6, 1, 9, 0)
        shared = []
        for n in range(REFLECTIONS):
            draft = replace(
                journal.new_reflection("trauma_informed"),
                occurred_at=start + timedelta(hours=7 * n),
                answers={
                    "what_happened": f"Shift {n}. {ANSWER}",
                    "my_reaction": ANSWER,
                    "do_differently": PARAGRAPH,
                },
                tags=["outreach", "night"],
                intensity=n % 10,
            )
            shared.append(("reflection", str(journal.save(draft).id)))
        debrief = session.debrief.new(title=TITLE)
        debrief.shared = [*shared, ("chart", "intensity")]
        session.debrief.save(debrief)
        session.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        session.close()


def _settle(app, widget) -> None:
    """Until the window is laid out and painted: queued layouts, then a real frame."""
    app.processEvents()
    app.processEvents()
    widget.grab()  # paints what is visible, as the first frame on screen would


def _open_session(folder: Path):
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    service = ProfileService(AppPaths(folder), writer=True)
    return service.unlock(service.list_profiles()[0], PASSPHRASE)


def _measure(folder: Path, profile: bool) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from reflect.ui.screens.debrief_screen import DebriefScreen
    from reflect.ui.theme import apply_theme
    from reflect.ui.widgets.card_batches import CardBatches

    app = QApplication.instance() or QApplication([])
    apply_theme("light", app)  # as the app runs: its style sheet changes how widgets lay out
    session = _open_session(folder)
    debrief_id = next(d.id for d in session.debrief.history() if d.title == TITLE)
    screen = DebriefScreen(session)
    screen.resize(1100, 760)
    screen.show()
    _settle(app, screen)

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    screen.open_debrief(debrief_id)
    _settle(app, screen)
    screen_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    mode = screen.start_mode()
    assert mode is not None
    _settle(app, mode)
    mode_ms = (time.perf_counter() - started) * 1000

    # One press of "Show the next items" (a later, larger batch).
    batches = mode.findChild(CardBatches)
    started = time.perf_counter()
    batches.more_button.click()
    _settle(app, mode)
    next_ms = (time.perf_counter() - started) * 1000
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    mode.leave_without_asking()
    screen.close()
    session.close()
    return {"screen_ms": screen_ms, "mode_ms": mode_ms, "next_ms": next_ms}


def measure(folder: Path | None = None) -> dict[str, Any]:
    """Median and spread of ``RUNS`` fresh processes; builds the profile if none is given."""
    own = folder is None
    folder = folder or Path(tempfile.mkdtemp(prefix="reflect-bigdebrief-"))
    try:
        if not (folder / "profiles").is_dir():
            build(folder)
        env = {**ENV, "PYTHONPATH": str(ROOT / "src")}
        runs = fresh_runs(__file__, folder, RUNS, env)
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)
    return {
        key: {
            "median_ms": statistics.median(r[key] for r in runs),
            "min_ms": min(r[key] for r in runs),
            "max_ms": max(r[key] for r in runs),
        }
        for key in ("screen_ms", "mode_ms", "next_ms")
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the profile in DIR")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one opening")
    parser.add_argument("--measure", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure or args.profile:
        folder = Path(args.measure or args.keep or "")
        if args.profile and not (folder / "profiles").is_dir():
            parser.error("--profile needs --keep DIR")
        print(json.dumps(_measure(folder, args.profile)))
        return 0
    figures = measure(Path(args.keep) if args.keep else None)
    for key, name in (
        ("screen_ms", "opening it on the Debrief screen"),
        ("mode_ms", "opening it in debrief mode"),
        ("next_ms", 'one press of "Show the next items"'),
    ):
        f = figures[key]
        print(
            f"{REFLECTIONS}-reflection debrief, {name}: "
            f"{f['median_ms']:.0f} ms [{f['min_ms']:.0f}-{f['max_ms']:.0f}]"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
