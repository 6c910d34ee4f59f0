"""Only a change of the words is a change of the answer.

Regression: when the spell-checker's word list finished loading just after a save, its
re-colouring reached the form as ``textChanged``; the form turned "unsaved" again and the
"Saved" line vanished (tests/ui/test_main_job_keys.py failed that way).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from reflect.ui.widgets.template_form import TemplateForm


class _Colour(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        red = QTextCharFormat()
        red.setForeground(QColor("red"))
        self.setFormat(0, len(text), red)


def test_recolouring_a_text_answer_is_not_a_change(qtbot, session):
    template = session.journal.templates.get("free_write")
    form = TemplateForm(template)
    qtbot.addWidget(form)
    edit = next(iter(form.texts.values()))
    edit.setPlainText("A long day.")
    changes: list[int] = []
    form.changed.connect(lambda: changes.append(1))
    highlighter = _Colour(edit.document())
    highlighter.rehighlight()
    assert changes == []
    edit.insertPlainText(" Then rest.")
    assert changes == [1]
