"""French puts a space before ':'; in a wrapping caption that space must not break, or the
colon ends up alone on the next line ('Rencontres' / ':') at large text."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def test_count_captions_keep_the_colon_with_its_word(qtbot, french):
    from reflect.ui.widgets.shift_log_form import ShiftLogForm

    form = ShiftLogForm()
    qtbot.addWidget(form)
    captions = [label.text() for label in form.findChildren(QLabel) if label.wordWrap()]
    with_colon = [text for text in captions if text.rstrip().endswith(":")]
    assert with_colon, captions
    assert all(" :" not in text for text in with_colon), with_colon
