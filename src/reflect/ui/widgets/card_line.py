"""One line of a shared card ("What happened? ..."), word-wrapped, measured once per width.

A debrief can share hundreds of long reflections. QLabel lays its rich text out again for
every size question: its preferred and minimum sizes alone lay the whole text out several
times (unwrapped, at width zero for the widest word, and a few tries for a pleasing
shape), and the layouts ask each label its height at every width they try while a window
is built and shown, some widths many times over (about forty questions per label).
Opening debrief mode on a debrief whose first batch of cards held 60,000 characters spent
over half a second there (cProfile: 0.47 s in heights, 0.15 s in preferred sizes).

This label answers the preferred and minimum sizes from the text itself (no layout) and
remembers its height at each width it was asked, until its font, style or text changes.
What it draws, and how it wraps, is QLabel's own.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

# QTextDocument.adjustSize (what QLabel's preferred size uses) never asks for more than
# eighty "x" widths: the same cap here.
PREFERRED_X_WIDTHS = 80
# Past this many characters a line surely wraps at the cap: no need to measure it whole.
MEASURE_WHOLE_BELOW = 400
REMEMBERED_WIDTHS = 64  # a window is built and shown in about ten; resizing adds more
LONGEST_WORDS = 3  # the widest word is among the longest few (measured in bold, wider)


def card_line_html(label: str, text: str) -> str:
    """The bold label, then the text; line breaks kept."""
    return f"<b>{_esc(label)}</b> {_esc(text)}"


class CardLine(QLabel):
    """A selectable, word-wrapped rich-text line of a card."""

    def __init__(self, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plain = f"{label} {text}"
        self._heights: dict[int, int] = {}
        self._hints: tuple[QSize, QSize] | None = None  # preferred, minimum
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().setText(card_line_html(label, text))

    def setText(self, html: str) -> None:  # noqa: N802 - Qt override
        self._plain = html  # only for size hints: tags make it a little wider, not narrower
        self._forget_sizes()
        super().setText(html)

    # --- sizes -----------------------------------------------------------------------

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        self.ensurePolished()  # a style sheet may change the font: measure in the final one
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= REMEMBERED_WIDTHS:  # a long session of resizing
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._size_hints()[0]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._size_hints()[1]

    def _size_hints(self) -> tuple[QSize, QSize]:
        self.ensurePolished()
        if self._hints is None:
            minimum = self._minimum()
            self._hints = (self._preferred(minimum.width()), minimum)
        return self._hints

    def _preferred(self, at_least: int) -> QSize:
        metrics = self._bold_metrics()
        width = PREFERRED_X_WIDTHS * metrics.horizontalAdvance("x")
        if len(self._plain) < MEASURE_WHOLE_BELOW:
            lines = self._plain.splitlines() or [""]
            width = min(width, max(metrics.horizontalAdvance(line) for line in lines) + 1)
        width = max(width + self._extra_width(), at_least)  # a long word widens it
        return QSize(width, self.heightForWidth(width))

    def _minimum(self) -> QSize:
        metrics = self._bold_metrics()
        longest = sorted(self._plain.split(), key=len)[-LONGEST_WORDS:]
        widest = max((metrics.horizontalAdvance(word) for word in longest), default=0)
        margins = self.contentsMargins()
        height = metrics.lineSpacing() + margins.top() + margins.bottom() + 2 * self.margin()
        return QSize(widest + 1 + self._extra_width(), height)

    def _bold_metrics(self) -> QFontMetrics:
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold)

    def _extra_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right() + 2 * self.margin() + max(0, self.indent())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Zooming debrief mode changes the font: every remembered height is wrong then.
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ContentsRectChange,
        ):
            self._forget_sizes()
        super().changeEvent(event)

    def _forget_sizes(self) -> None:
        self._heights.clear()
        self._hints = None


def _esc(text: str) -> str:
    return escape(text).replace("\n", "<br>")
