"""Per-user desktop integration on Linux: menu entry, icons and AppStream metadata.

``reflect --install-desktop-entry`` copies the shipped ``.desktop`` file (with ``Exec``
pointing at the launcher that is running now), the icon in every size and the metainfo
into the XDG data folder (``$XDG_DATA_HOME``, else ``~/.local/share``), which menus, docks
and software centres read. ``--uninstall-desktop-entry`` removes exactly those files.
Nothing here needs Qt, a network or administrator rights.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from reflect.paths import write_private_file
from reflect.resources import asset_path

APP_ID = "org.reflectapp.Reflect"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def xdg_data_home() -> Path:
    """$XDG_DATA_HOME if absolute (as the specification requires), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def installed_files(data_home: Path | None = None) -> list[Path]:
    base = data_home or xdg_data_home()
    icons = base / "icons" / "hicolor"
    return [
        base / "applications" / f"{APP_ID}.desktop",
        base / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
    ]


def launcher_command() -> list[str]:
    """The command that starts this very copy of Reflect, whatever way it was installed."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is Reflect
        return [str(Path(sys.executable).absolute())]
    beside = Path(sys.executable).parent / ("reflect.exe" if os.name == "nt" else "reflect")
    if beside.is_file():  # a virtual environment or pipx: its own launcher
        return [str(beside.absolute())]
    found = shutil.which("reflect")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "reflect"]


def _exec_argument(text: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry Specification 1.5).

    Arguments with reserved characters go in double quotes with ", `, $ and \\ escaped by a
    backslash; the value itself is a string, so every backslash is then doubled again, and
    a literal percent sign is written %%.
    """
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if text and not reserved.intersection(text):
        quoted = text
    else:
        inner = "".join("\\" + c if c in '"`$\\' else c for c in text)
        quoted = f'"{inner}"'
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def desktop_file_text(command: list[str]) -> str:
    template = asset_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = "Exec=" + " ".join(_exec_argument(part) for part in command)
    lines = [exec_line if line.startswith("Exec=") else line for line in template.splitlines()]
    return "\n".join(lines) + "\n"


def install(data_dir: str | None = None, data_home: Path | None = None) -> list[Path]:
    """Write the entry, icons and metainfo; returns the files written."""
    if any(ch in "\n\r" for ch in (data_dir or "")):
        raise ValueError("A data folder name cannot contain a line break.")
    command = launcher_command()
    if data_dir:
        command += ["--data-dir", str(Path(data_dir).expanduser().resolve())]
    desktop, metainfo, svg, *pngs = installed_files(data_home)
    contents: list[tuple[Path, bytes]] = [
        (desktop, desktop_file_text(command).encode("utf-8")),
        (metainfo, asset_path("desktop", f"{APP_ID}.metainfo.xml").read_bytes()),
        (svg, asset_path("icons", "reflect.svg").read_bytes()),
        *(
            (png, asset_path("icons", f"reflect-{size}.png").read_bytes())
            for png, size in zip(pngs, ICON_SIZES, strict=True)
        ),
    ]
    for target, data in contents:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_private_file(target, data)
    _touch_icon_theme(data_home)
    return [target for target, _ in contents]


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote; returns the files that were there."""
    removed = []
    for target in installed_files(data_home):
        if target.is_file() or target.is_symlink():
            target.unlink()
            removed.append(target)
    _touch_icon_theme(data_home)
    return removed


def _touch_icon_theme(data_home: Path | None) -> None:
    """Icon caches notice new icons when the theme folder's time changes."""
    theme = (data_home or xdg_data_home()) / "icons" / "hicolor"
    if theme.is_dir():
        os.utime(theme)
