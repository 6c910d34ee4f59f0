"""Understanding vicarious trauma: a short, cited page in Resources.

The facts are the sections of About the content marked ``"page": "vicarious-trauma"``, so
this page can never say anything the About page does not source. It ends with the same
three ways to support as every score: coping ideas, My plan and Get help now.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from reflect.ui.i18n import tr
from reflect.ui.widgets.about_content_view import sections_html

PAGE = "vicarious-trauma"
TITLE = "Understanding vicarious trauma"
INTRO = (
    "Hearing about trauma, again and again, changes the people who listen. Knowing the names "
    "for those changes makes them easier to notice early and to talk about. Every fact below "
    "carries its source; none of it is a diagnosis."
)


def understanding_html(sections: Sequence) -> str:
    return (
        f"<h2>{escape(tr(TITLE), quote=False)}</h2>"
        f"<p>{escape(tr(INTRO), quote=False)}</p>" + sections_html(sections)
    )


class UnderstandingView(QWidget):
    coping_requested = Signal()
    plan_requested = Signal()
    help_requested = Signal()

    def __init__(self, sections: Sequence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # addresses are shown, never opened
        self.browser.setAccessibleName(tr(TITLE))
        self.browser.setHtml(understanding_html(sections))
        layout.addWidget(self.browser, 1)
        row = QHBoxLayout()
        self.coping_button = QPushButton(tr("Coping ideas"))
        self.coping_button.setAccessibleName(tr("Open coping ideas"))
        self.plan_button = QPushButton(tr("My plan"))
        self.plan_button.setAccessibleName(tr("Open my plan"))
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        for button in (self.coping_button, self.plan_button, self.help_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.coping_button.clicked.connect(self.coping_requested)
        self.plan_button.clicked.connect(self.plan_requested)
        self.help_button.clicked.connect(self.help_requested)
