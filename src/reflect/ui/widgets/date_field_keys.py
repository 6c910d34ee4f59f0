"""Tab leaves a date, time or date-and-time field; Left and Right move between its parts.

Qt's date fields take Tab through each of their parts (day, month, year, hours, minutes)
before they let it go to the next field, so filling a form with the keyboard meant pressing
Tab three to five times on every date. The date pickers of GTK, Windows and macOS move
between the parts with the arrow keys and leave with Tab, and that is what a keyboard user
expects here too. Left and Right still reach every part, Up and Down still change it, and
Shift+Tab leaves backwards the same way.

It is done in the application-wide event filter (``wheel_guard``), so every date field of
every screen, including those added later, behaves the same: before Qt sees the Tab, the
field's current part is moved to its last part (its first for Shift+Tab), and Qt, which
leaves a field when there is no part left to go to, then moves the focus on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
# With Ctrl or Alt a Tab is not a move between fields (Qt does not treat it as one either).
_NOT_A_FIELD_MOVE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def tab_leaves_date_field(obj: QObject, event: QEvent) -> None:
    """Let a Tab (or Shift+Tab) pressed in a date field leave it; call before Qt sees it.

    QDateEdit and QTimeEdit are QDateTimeEdits, so this covers all three. An open calendar
    pop-up has the keyboard itself, so its keys never come here."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QDateTimeEdit):
        return
    if not isinstance(event, QKeyEvent) or event.key() not in _TAB_KEYS:
        return
    if event.modifiers() & _NOT_A_FIELD_MOVE:
        return
    backwards = (
        event.key() == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    )
    obj.setCurrentSectionIndex(0 if backwards else obj.sectionCount() - 1)
