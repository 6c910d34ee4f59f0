"""About Reflect: its version with the versions of the parts a bug report needs."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reflect import __version__
from reflect.ui.app_icon import app_icon
from reflect.ui.i18n import tr
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole
from reflect.versions import qt_versions, sqlcipher_version


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("About Reflect"))
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAccessibleName(tr("Reflect's icon"))
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignHCenter)
        heading = f"<h2>Reflect {escape(__version__)}</h2>"  # a name and a number: no words
        title = QLabel(heading)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title)
        intro = QLabel(
            tr(
                "A private companion for front-line work. Your data stays on this computer, "
                "encrypted; Reflect never connects to the network."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        qt, pyside = qt_versions()
        rows = (
            (tr("Version"), __version__),
            (tr("Encryption"), f"SQLCipher {sqlcipher_version()}"),
            (tr("Interface"), f"Qt {qt} (PySide6 {pyside})"),
        )
        cells = "".join(
            f"<tr><td>{escape(k)}</td><td width='16'></td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        table = f"<table cellspacing='2'>{cells}</table>"  # markup around translated words
        self.versions = QLabel(table)
        self.versions.setTextFormat(Qt.TextFormat.RichText)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.versions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
