"""A matplotlib figure inside Qt: the ONLY module that uses FigureCanvasQTAgg.

Import this module lazily (the trends screen does so on first show): matplotlib takes about a
second to import and must stay off the lock-screen and unlock paths. Charts draw onto
``canvas.figure`` through a function given to ``draw_with``; the same function runs again
after a resize so margins measured in points stay right. Resting the pointer on a point,
bar or calendar day shows its exact value in a tooltip. Export writes PNG or PDF from memory
straight into the chosen file, created owner-only (0600).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import shiboken6
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from reflect.charts.hover import hover_at
from reflect.charts.style import chart_title
from reflect.domain.errors import ValidationError
from reflect.paths import write_private_file
from reflect.ui.i18n import tr
from reflect.ui.native_dialogs import save_file_name

EXPORT_DPI = 150

DrawFunction = Callable[[Figure], None]


def _file_name(title: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words[:6]) or "chart"


class ChartCanvas(QWidget):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=(8, 4), dpi=96)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(260)
        self.setAccessibleName(accessible_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._draw: DrawFunction | None = None
        self.last_hover: str | None = None
        self.summary = ""  # the chart in words, for screen readers (set by its panel)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(150)
        self._redraw_timer.timeout.connect(self._redraw)
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        self.canvas.mpl_connect("resize_event", lambda _event: self._redraw_timer.start())

    # --- drawing ----------------------------------------------------------------------------

    def draw_with(self, draw: DrawFunction) -> None:
        """Draw a chart now (artists are built at once; pixels on the next idle moment)."""
        self._draw = draw
        self._redraw()

    def _redraw(self) -> None:
        # A late call (a worker's result, a resize timer) can reach a canvas already deleted.
        if self._draw is None or not shiboken6.isValid(self):
            return
        self._draw(self.figure)
        if not shiboken6.isValid(self):  # its window closed while the chart was being built
            return
        title = chart_title(self.figure)
        self.setAccessibleDescription(f"{title}. {self.summary}" if self.summary else title)
        self.canvas.setToolTip("")
        self.canvas.draw_idle()

    @property
    def title(self) -> str:
        return chart_title(self.figure)

    # --- hover ------------------------------------------------------------------------------

    def hover_text(self, x: float, y: float) -> str | None:
        """The value under display pixel (x, y), origin bottom-left as matplotlib counts."""
        found = hover_at(self.figure, x, y)
        return None if found is None else found[1]

    def _on_canvas_motion(self, event: MouseEvent) -> None:
        text = self.hover_text(event.x, event.y) if event.x is not None else None
        if text == self.last_hover:
            return
        self.last_hover = text
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos() + QPoint(12, 12), text, self.canvas)

    # --- export -----------------------------------------------------------------------------

    def render_bytes(self, fmt: str) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(
            buffer, format=fmt, dpi=EXPORT_DPI, facecolor=self.figure.get_facecolor()
        )
        return buffer.getvalue()

    def export_to(self, path: Path) -> Path:
        """Save as PNG or PDF (by extension; PNG when there is none), owner-only."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("png", "pdf"):
            if fmt:
                raise ValidationError("Charts can be exported as PNG or PDF files.")
            path, fmt = path.with_suffix(".png"), "png"
        write_private_file(path, self.render_bytes(fmt))
        return path

    def export_with_dialog(self) -> Path | None:
        """Ask where to save; returns the file written, or None when cancelled."""
        suggested = str(Path.home() / f"{_file_name(self.title)}.png")
        png, pdf = tr("PNG image (*.png)"), tr("PDF document (*.pdf)")
        chosen, selected_filter = save_file_name(
            self, tr("Export chart"), suggested, f"{png};;{pdf}"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix and "PDF" in selected_filter:
            path = path.with_suffix(".pdf")
        return self.export_to(path)
