"""A form built from a template definition; reads and writes ``Reflection.answers``.

Every field kind maps to one widget: text to a multi-line box (Tab moves on, so the form is
keyboard friendly), rating to a 1-5 row with an optional note, choice to a drop-down, yes/no
to a check box, checklist to check boxes and intensity to the slider with feeling words.
Fields with ``show_if`` appear only while the field they depend on has the given value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import note_key, rating_key
from reflect.domain.templates import Template, TemplateField
from reflect.ui.i18n import tr, tr_list
from reflect.ui.widgets.intensity_input import IntensityInput
from reflect.ui.widgets.rating_row import RatingRow
from reflect.ui.widgets.text_aids import WordCount

RATING_WORDS = ("Struggled", "Harder than I hoped", "Okay", "Mostly well", "Went well")


def _in_current_language(spec: TemplateField) -> TemplateField:
    """The field's words translated for display; ids (and so saved answers) never change."""
    return replace(
        spec,
        label=tr(spec.label),
        help=tr(spec.help),
        low_label=tr(spec.low_label),
        high_label=tr(spec.high_label),
        options=tuple(
            replace(option, label=tr(option.label), hint=tr(option.hint)) for option in spec.options
        ),
    )


def _heading_html(title: str) -> str:
    return f"<h3 style='margin:0'>{title}</h3>"


def section_box(title: str, help_text: str = "") -> tuple[QWidget, QVBoxLayout]:
    """A titled section: a heading that reads as one, then a framed body."""
    outer = QWidget()
    outer_layout = QVBoxLayout(outer)
    outer_layout.setContentsMargins(0, 8, 0, 0)
    heading = QLabel(_heading_html(title))
    heading.setAccessibleName(title)
    outer_layout.addWidget(heading)
    frame = QFrame()
    frame.setObjectName("formSection")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    inner = QVBoxLayout(frame)
    if help_text:
        hint = QLabel(help_text)
        hint.setWordWrap(True)
        hint.setObjectName("sectionHelp")
        inner.addWidget(hint)
    outer_layout.addWidget(frame)
    return outer, inner


class _FieldBox(QWidget):
    """One field: its label, help line and input widget(s)."""

    def __init__(self, spec: TemplateField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)


class TemplateForm(QWidget):
    changed = Signal()

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.texts: dict[str, QPlainTextEdit | QLineEdit] = {}  # answer key -> text widget
        self.ratings: dict[str, RatingRow] = {}
        self.choices: dict[str, QComboBox] = {}
        self.choice_hints: dict[str, QLabel] = {}  # what tends to help, for the picked option
        self.yesnos: dict[str, QCheckBox] = {}
        self.checklists: dict[str, dict[str, QCheckBox]] = {}
        self.intensity: IntensityInput | None = None
        self._boxes: dict[str, _FieldBox] = {}
        self._extra: dict[str, Any] = {}  # answers this template has no field for (kept on save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for section in template.sections:
            group, group_layout = section_box(tr(section.title), tr(section.help))
            for spec in section.fields:
                box = self._build_field(spec)
                self._boxes[spec.id] = box
                group_layout.addWidget(box)
            layout.addWidget(group)
        self._update_visibility()

    # --- building ---------------------------------------------------------------------------

    def _label(self, box: _FieldBox, spec: TemplateField) -> None:
        title = QLabel("<b>" + spec.label + "</b>")
        title.setWordWrap(True)
        box.layout_.addWidget(title)
        if spec.help:
            hint = QLabel(spec.help)
            hint.setWordWrap(True)
            hint.setObjectName("fieldHelp")
            box.layout_.addWidget(hint)

    def _build_field(self, spec: TemplateField) -> _FieldBox:
        spec = _in_current_language(spec)
        box = _FieldBox(spec)
        build = {
            "text": self._text_field,
            "rating": self._rating_field,
            "choice": self._choice_field,
            "yesno": self._yesno_field,
            "checklist": self._checklist_field,
            "intensity": self._intensity_field,
        }.get(spec.type)
        if build is not None:
            build(box, spec)
        return box

    def _on_text_changed(self, edit: QPlainTextEdit) -> None:
        # Qt reports re-colouring (the spell-checker's underlines) as textChanged too; only a
        # change of the words is a change of the answer.
        text = edit.toPlainText()
        if edit.property("answerText") != text:
            edit.setProperty("answerText", text)
            self.changed.emit()

    def _text_field(self, box: _FieldBox, spec: TemplateField) -> None:
        self._label(box, spec)
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(spec.label)
        line = edit.fontMetrics().lineSpacing()
        edit.setMinimumHeight(line * spec.rows + 14)
        edit.setMaximumHeight(line * (spec.rows + 4) + 14)
        edit.textChanged.connect(lambda: self._on_text_changed(edit))
        self.texts[spec.id] = edit
        box.layout_.addWidget(edit)
        box.layout_.addWidget(WordCount(edit))

    def _rating_field(self, box: _FieldBox, spec: TemplateField) -> None:
        words = tr_list(RATING_WORDS)
        words[0] = spec.low_label or words[0]
        words[-1] = spec.high_label or words[-1]
        row = RatingRow(spec.label, words, minimum=1)
        row.question.setText("<b>" + spec.label + "</b>")
        if spec.help:
            row.setToolTip(spec.help)
        row.value_changed.connect(lambda _v: self.changed.emit())
        self.ratings[rating_key(spec.id)] = row
        box.layout_.addWidget(row)
        if spec.help:
            hint = QLabel(spec.help)
            hint.setWordWrap(True)
            hint.setObjectName("fieldHelp")
            box.layout_.addWidget(hint)
        if spec.note:
            note = QLineEdit()
            note.setPlaceholderText(tr("A short note (optional)"))
            note.setAccessibleName(tr("{label}: note").format(label=spec.label))
            note.textChanged.connect(self.changed)
            self.texts[note_key(spec.id)] = note
            box.layout_.addWidget(note)

    def _choice_field(self, box: _FieldBox, spec: TemplateField) -> None:
        self._label(box, spec)
        combo = QComboBox()
        combo.setAccessibleName(spec.label)
        combo.addItem(tr("Not answered"), None)
        for option in spec.options:
            combo.addItem(option.label, option.id)
        combo.currentIndexChanged.connect(self._on_input_changed)
        self.choices[spec.id] = combo
        box.layout_.addWidget(combo)
        if any(option.hint for option in spec.options):
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setObjectName("choiceHint")
            hint.setVisible(False)
            self.choice_hints[spec.id] = hint
            box.layout_.addWidget(hint)

    def _yesno_field(self, box: _FieldBox, spec: TemplateField) -> None:
        check = QCheckBox(spec.label)
        check.setAccessibleName(spec.label)
        check.toggled.connect(self._on_input_changed)
        self.yesnos[spec.id] = check
        box.layout_.addWidget(check)
        if spec.help:
            hint = QLabel(spec.help)
            hint.setObjectName("fieldHelp")
            hint.setWordWrap(True)
            box.layout_.addWidget(hint)

    def _checklist_field(self, box: _FieldBox, spec: TemplateField) -> None:
        self._label(box, spec)
        checks: dict[str, QCheckBox] = {}
        for option in spec.options:
            check = QCheckBox(option.label)
            check.toggled.connect(self._on_input_changed)
            checks[option.id] = check
            box.layout_.addWidget(check)
        self.checklists[spec.id] = checks

    def _intensity_field(self, box: _FieldBox, spec: TemplateField) -> None:
        self.intensity = IntensityInput(spec.label, spec.help)
        self.intensity.changed.connect(self.changed)
        box.layout_.addWidget(self.intensity)

    def _on_input_changed(self, *_args: object) -> None:
        self._update_visibility()
        self.changed.emit()

    def _update_hints(self) -> None:
        for field_id, label in self.choice_hints.items():
            picked = self.choices[field_id].currentData()
            box = self._boxes.get(field_id)
            options = box.spec.options if box is not None else ()
            hint = next((o.hint for o in options if o.id == picked), "")
            label.setText(hint)
            label.setVisible(bool(hint))

    def _update_visibility(self) -> None:
        self._update_hints()
        raw = self._raw_answers()
        for box in self._boxes.values():
            cond = box.spec.show_if
            if cond is not None:
                box.setVisible(raw.get(cond.field) == cond.equals)

    # --- reading and writing ------------------------------------------------------------------

    def _raw_answers(self) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for key, widget in self.texts.items():
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            if text.strip():
                answers[key] = text
        for key, row in self.ratings.items():
            if row.value() is not None:
                answers[key] = row.value()
        for key, combo in self.choices.items():
            if combo.currentData() is not None:
                answers[key] = combo.currentData()
        for key, check in self.yesnos.items():
            answers[key] = check.isChecked()
        for key, checks in self.checklists.items():
            picked = [option for option, check in checks.items() if check.isChecked()]
            if picked:
                answers[key] = picked
        return answers

    def answers(self) -> dict[str, Any]:
        """Answers of visible fields (a hidden branch's old ticks are not kept), plus extras."""
        raw = self._raw_answers()
        hidden = {
            key
            for box in self._boxes.values()
            if box.spec.show_if is not None
            and raw.get(box.spec.show_if.field) != box.spec.show_if.equals
            for key in box.spec.answer_keys()
        }
        merged = dict(self._extra)
        merged.update({k: v for k, v in raw.items() if k not in hidden})
        return {k: v for k, v in merged.items() if v is not False}

    def set_answers(self, answers: dict[str, Any]) -> None:
        known: set[str] = set()
        for key, widget in self.texts.items():
            known.add(key)
            text = str(answers.get(key) or "")
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)
        for key, row in self.ratings.items():
            known.add(key)
            value = answers.get(key)
            row.set_value(value if isinstance(value, int) else None)
        for key, combo in self.choices.items():
            known.add(key)
            index = combo.findData(answers.get(key))
            combo.setCurrentIndex(max(index, 0))
        for key, check in self.yesnos.items():
            known.add(key)
            check.setChecked(bool(answers.get(key)))
        for key, checks in self.checklists.items():
            known.add(key)
            picked = answers.get(key) or []
            for option, check in checks.items():
                check.setChecked(option in picked)
        self._extra = {k: v for k, v in answers.items() if k not in known}
        self._update_visibility()

    def text_widgets(self) -> dict[str, QPlainTextEdit | QLineEdit]:
        return self.texts

    def first_text_box(self) -> QWidget | None:
        """The first place to type (a text box), where a new reflection puts the cursor."""
        for box in self._boxes.values():
            for child in box.findChildren(QWidget):
                if isinstance(child, (QPlainTextEdit, QLineEdit)) and child.isEnabled():
                    return child
        return self.first_input()

    def first_input(self) -> QWidget | None:
        for box in self._boxes.values():
            for child in box.findChildren(QWidget):
                if isinstance(child, (QPlainTextEdit, QLineEdit, RatingRow, QComboBox, QCheckBox)):
                    return child
        return None
