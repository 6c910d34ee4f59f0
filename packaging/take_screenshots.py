"""Save screenshots of the real app (demo profile, fictional data) for AppStream and docs.

    QT_QPA_PLATFORM=offscreen python packaging/take_screenshots.py

Builds a one-year demo profile in a temporary folder, opens Reflect's own window on it and
saves the lock screen and four workspace screens to docs/screenshots/. Then rewrites the
<screenshots> block of the AppStream metainfo to list them under SCREENSHOT_BASE_URL (the
public address where docs/screenshots/ is served; change it there when the project
publishes elsewhere).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "docs" / "screenshots"
METAINFO = ROOT / "assets" / "desktop" / "org.reflectapp.Reflect.metainfo.xml"
SCREENSHOT_BASE_URL = "https://reflectapp.org/screenshots"
SIZE = (1100, 720)

# (file name, workspace screen or None for the lock screen, AppStream caption)
SHOTS = (
    ("lock-screen", None, "The lock screen: every profile opens with its passphrase"),
    ("home", "home", "Home: today's check-in, follow-ups and a gentle next step"),
    ("journal", "journal", "The journal: search and filter your reflections"),
    ("trends", "trends", "Trends: your check-ins over time, beside your own usual"),
    ("check-in", "checkin", "A one-minute check-in on early signs of strain"),
)


def _settle(app, seconds: float = 0.3, until=None) -> None:
    deadline = time.perf_counter() + 30
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or (until and not until() and time.perf_counter() < deadline):
        app.processEvents()
        time.sleep(0.01)


def take(folder: Path) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QApplication

    from reflect.desktop_entry import APP_ID
    from reflect.paths import AppPaths
    from reflect.services.demo import DEMO_PASSPHRASE, ensure_demo_profile
    from reflect.services.profiles import ProfileService
    from reflect.ui.app_icon import app_icon
    from reflect.ui.app_window import AppWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reflect")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)
    paths = AppPaths(folder).ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = ensure_demo_profile(service, None, years=1)
    window = AppWindow(paths, fast_kdf=True)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    session = None
    for name, screen, caption in SHOTS:
        if screen is not None:
            if session is None:
                session = service.unlock(info, DEMO_PASSPHRASE)
                window._on_unlocked(session)  # what a correct passphrase leads to
                _settle(app, 1.0)
            workspace = window.workspace
            workspace.show_screen(screen)
            widget = workspace.screens[screen]
            _settle(app, 0.5, until=lambda w=widget: getattr(w, "is_ready", True))
            _settle(app, 0.3)
        target = OUT / f"{name}.png"
        if not window.grab().save(str(target), "PNG"):
            raise SystemExit(f"could not save {target}")
        print(target.relative_to(ROOT))
        saved.append((name, caption))
    window.quit_for_real()
    _settle(app, 0.2)
    return saved


def rewrite_metainfo(saved: list[tuple[str, str]]) -> None:
    lines = ["  <screenshots>"]
    for index, (name, caption) in enumerate(saved):
        kind = ' type="default"' if index == 1 else ""  # Home shows the app best
        lines += [
            f"    <screenshot{kind}>",
            f"      <caption>{caption}</caption>",
            f'      <image type="source" width="{SIZE[0]}" height="{SIZE[1]}">'
            f"{SCREENSHOT_BASE_URL}/{name}.png</image>",
            "    </screenshot>",
        ]
    lines.append("  </screenshots>")
    text = METAINFO.read_text(encoding="utf-8")
    text = re.sub(r"  <screenshots>.*?</screenshots>", "\n".join(lines), text, flags=re.S)
    METAINFO.write_text(text, encoding="utf-8")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="reflect-shots-") as folder:
        saved = take(Path(folder))
    rewrite_metainfo(saved)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Everything is written; leave without the interpreter's final garbage collection, which
    # can abort inside PySide6 while it tears down the widgets (a known shutdown-order crash).
    os._exit(code)
