"""Reflect's icon for the window, the task bar and the tray (assets/icons/)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from reflect.desktop_entry import ICON_SIZES
from reflect.resources import asset_path


def app_icon() -> QIcon:
    """Every rendered size, so Qt never scales a 512 px image down to 16 (files load lazily)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(asset_path("icons", f"reflect-{size}.png")), QSize(size, size))
    return icon
