"""Qt's own words (OK, Cancel, Close; file and print dialogs) in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

_qt_translators: list[QTranslator] = []


def apply_qt_language(language: str) -> None:
    """Qt's own words (OK, Cancel, Yes, Close, Save; file and print dialogs) in ``language``.

    Reflect's catalogue cannot reach them: they come from Qt's shipped translations."""
    app = QApplication.instance()
    if app is None:
        return
    while _qt_translators:
        app.removeTranslator(_qt_translators.pop())
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translators.append(translator)
