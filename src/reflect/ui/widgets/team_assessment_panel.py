"""The organisational self-assessment: answer each item alone or as a group, see each area
read as a strength, partly there, or a gap.

Items come from the definition file (ours, or an organisation's own licensed one); ours are
translated through the catalogue, an imported one is shown in its own words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.instruments import InstrumentDefinition
from reflect.domain.org_assessment import AssessmentResult
from reflect.domain.team_sentences import team_num
from reflect.services.session import Session
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import open_file_name
from reflect.ui.widgets.scroll_page import scroll_page
from reflect.ui.widgets.tab_chain import chain_tab_order

RATING_TEXT = {"strength": "Strength", "partly": "Partly there", "gap": "Gap"}
RATING_COLOUR = {"strength": "#009E73", "partly": "#E69F00", "gap": "#D55E00"}  # Okabe-Ito


def rating_html(rating: str | None) -> str:
    if rating is None:
        return tr("not answered")
    return f'<b style="color:{RATING_COLOUR[rating]}">{tr(RATING_TEXT[rating])}</b>'


class TeamAssessmentPanel(QWidget):
    assessment_saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team = session.team
        self.definition: InstrumentDefinition = self.team.assessment_definition()
        self.answer_boxes: list[QComboBox] = []
        self.setAccessibleName(tr("Organisational self-assessment"))

        self.layout_ = scroll_page(self, (16, 12, 16, 16))

        self._add_intro()

        self._add_who_answered()

        self.items_box = QVBoxLayout()
        self.layout_.addLayout(self.items_box)
        self.save_button = QPushButton(tr("&Save this assessment"))
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        self.layout_.addLayout(save_row)
        self.layout_.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.import_button.clicked.connect(self.choose_definition)
        self._build_items()
        self.show_latest()

    def _add_intro(self) -> None:
        intro = QLabel(
            tr(
                "How well does the organisation support people exposed to trauma? Answer for "
                "how things are today, alone or as a group agreeing on each answer. Leave an "
                "item on 'Not sure' when nobody knows. This describes the organisation, "
                "never a person."
            )
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.results_label = QLabel()
        self.results_label.setWordWrap(True)
        self.results_label.setTextFormat(Qt.TextFormat.RichText)
        self.results_label.setAccessibleName(tr("Latest assessment results"))
        self.layout_.addWidget(self.results_label)

    def _add_who_answered(self) -> None:
        """Answered alone or agreed by a group (and how many), and the own-assessment import."""
        who = QHBoxLayout()
        self.alone_radio = QRadioButton(tr("Answered &alone"))
        self.group_radio = QRadioButton(tr("Agreed by a &group of"))
        self.alone_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.alone_radio)
        group.addButton(self.group_radio)
        self.people_spin = QSpinBox()
        self.people_spin.setRange(2, 500)
        self.people_spin.setValue(5)
        self.people_spin.setSuffix(tr(" people"))
        self.people_spin.setAccessibleName(tr("How many people agreed the answers"))
        self.people_spin.setEnabled(False)
        self.group_radio.toggled.connect(self.people_spin.setEnabled)
        who.addWidget(self.alone_radio)
        who.addWidget(self.group_radio)
        who.addWidget(self.people_spin)
        who.addStretch(1)
        self.import_button = QPushButton(tr("Use our own licensed assessment…"))
        self.import_button.setToolTip(
            tr("A definition file in the same format as questionnaires, with its item text.")
        )
        # On a row of its own: beside the radio buttons it made the page wider than the
        # window at large text or in French, cutting the questions and their answers.
        own = QHBoxLayout()
        own.addStretch(1)
        own.addWidget(self.import_button)
        self.layout_.addLayout(who)
        self.layout_.addLayout(own)

    def _build_items(self) -> None:
        while self.items_box.count():
            item = self.items_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.answer_boxes = []
        definition = self.definition
        texts = definition.item_text or tuple(
            tr("Item {number}").format(number=n) for n in range(1, definition.item_count + 1)
        )
        scale = definition.scale
        for subscale in definition.subscales:
            box = QGroupBox(tr(subscale.label))
            grid = QGridLayout(box)
            grid.setColumnStretch(0, 1)  # the question takes the room; answers stay compact
            grid.setHorizontalSpacing(16)
            for row, number in enumerate(subscale.items):
                combo = QComboBox()
                combo.addItem(tr("Not sure"), None)
                for value in scale.values:
                    label = scale.labels.get(value)
                    combo.addItem(f"{value} · {tr(label)}" if label else str(value), value)
                text = tr(texts[number - 1])
                combo.setAccessibleName(text)
                question = QLabel(f"{number}. {text}")
                question.setWordWrap(True)
                question.setBuddy(combo)
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
                grid.addWidget(question, row, 0)
                grid.addWidget(combo, row, 1, Qt.AlignmentFlag.AlignTop)
                self.answer_boxes.append(combo)
            self.items_box.addWidget(box)
        # Tab goes down the questions as they are read, then to Save (built before them).
        chain_tab_order([self.import_button, *self.answer_boxes, self.save_button])
        # Boxes are built per area, in area order; keep them in item order for answers.
        order = [n for s in definition.subscales for n in s.items]
        by_item = dict(zip(order, self.answer_boxes, strict=True))
        self.answer_boxes = [by_item[n] for n in sorted(by_item)]

    def answers(self) -> list[int | None]:
        return [box.currentData() for box in self.answer_boxes]

    def set_answers(self, answers: list[int | None]) -> None:
        for box, answer in zip(self.answer_boxes, answers, strict=True):
            box.setCurrentIndex(max(0, box.findData(answer)) if answer is not None else 0)

    def save(self) -> AssessmentResult | None:
        group = self.group_radio.isChecked()
        try:
            result = self.team.record_assessment(
                self.answers(),
                definition_id=self.definition.id,
                mode="group" if group else "alone",
                participants=self.people_spin.value() if group else 1,
            )
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Not saved"), message_in_language(exc))
            return None
        self.show_latest()
        if result.id is not None:
            self.assessment_saved.emit(result.id)
        return result

    def show_latest(self) -> None:
        result = self.team.latest_assessment()
        if result is None:
            self.results_label.setText(tr("No assessment yet."))
            return
        words = interface_words()
        who = (
            tr("answered alone")
            if result.mode == "alone"
            else tr("agreed by a group of {count} people").format(count=result.participants)
        )
        rows = "".join(
            f"<tr><td>{tr(d.label)}</td>"
            f"<td>&nbsp;{team_num(words, d.mean) if d.mean is not None else '—'}&nbsp;</td>"
            f"<td>{rating_html(d.rating)}</td></tr>"
            for d in result.domains
        )
        heading = tr("Latest: {date}, {who}.").format(date=words.day(result.taken_at), who=who)
        gaps = len(result.gaps)
        advice = (
            tr("Each gap leads to an action in the action plan.")
            if gaps
            else tr("No gaps: keep an eye on the areas that are only partly there.")
        )
        html = f"<p>{heading}</p><table>{rows}</table><p>{advice}</p>"  # markup, words are tr()
        self.results_label.setText(html)
        if result.definition_id == self.definition.id:
            self.set_answers(list(result.answers))
            self.group_radio.setChecked(result.mode == "group")
            self.alone_radio.setChecked(result.mode != "group")
            if result.mode == "group":
                self.people_spin.setValue(result.participants)

    def choose_definition(self) -> None:
        name, _ = open_file_name(
            self,
            tr("Use our own licensed assessment"),
            str(Path.home()),
            tr("Definition files (*.json)"),
        )
        if name:
            self.use_definition_file(Path(name))

    def use_definition_file(self, path: Path) -> bool:
        try:
            self.definition = self.team.import_assessment(path)
        except ReflectError as exc:
            QMessageBox.warning(self, tr("Not imported"), message_in_language(exc))
            return False
        self._build_items()
        self.show_latest()
        return True
