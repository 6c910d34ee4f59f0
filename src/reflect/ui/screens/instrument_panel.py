"""Score a published questionnaire: type the answer numbers from the official paper form, or
answer the items directly when the organisation imported a definition with item text."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.instrument_scoring import InstrumentScore, parse_answers
from reflect.domain.instruments import InstrumentDefinition
from reflect.domain.score_support import support_for, support_messages
from reflect.services.early_warning import shipped_notice_wording
from reflect.services.instruments import InstrumentService
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, number, tr, tr_list
from reflect.ui.native_dialogs import open_file_name
from reflect.ui.widgets.rating_row import RatingRow
from reflect.ui.widgets.wrapping_combo import WrappingComboBox


def _bold(text: str) -> str:
    return f"<b>{text}</b>"


class InstrumentPanel(QWidget):
    result_saved = Signal()
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    help_requested = Signal()

    def __init__(self, service: InstrumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._score: InstrumentScore | None = None
        self._rows: list[RatingRow] = []
        self.setAccessibleName(tr("Score a questionnaire"))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self._build_picker(outer)
        self._build_answers(outer)
        self._build_result(outer)
        self._build_support(outer)
        outer.addStretch(1)  # keeps the form at the top when the results are still empty
        self._outer = outer

        self.picker.currentIndexChanged.connect(self._on_picker_changed)
        self.answers.textChanged.connect(self._on_answers_changed)
        self.answers.returnPressed.connect(self.score_now)
        self.score_button.clicked.connect(self.score_now)
        self.save_button.clicked.connect(self.save_now)
        self.import_button.clicked.connect(self._on_import_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.score_now)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload()

    def _build_picker(self, outer: QVBoxLayout) -> None:
        """The questionnaire, Import definition…, the status line and what it is."""
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Questionnaire:")))
        # The whole name, on two lines when narrow (wrapping_combo.py).
        self.picker = WrappingComboBox()
        self.picker.setAccessibleName(tr("Questionnaire to score"))
        # Long questionnaire names (longer still in French) must not widen the whole window.
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.picker.setMinimumContentsLength(16)
        top.addWidget(self.picker, 1)
        self.import_button = QPushButton(tr("Import definition…"))
        self.import_button.setToolTip(
            tr("Add a definition file from your organisation (JSON or TOML)")
        )
        top.addWidget(self.import_button)
        outer.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("instrumentStatus")
        self.status.setVisible(False)
        outer.addWidget(self.status)

        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setOpenExternalLinks(False)
        outer.addWidget(self.about)

    def _build_answers(self, outer: QVBoxLayout) -> None:
        """The answers as numbers or as items, then Score and Save."""
        # Either a line for answer numbers (shipped keys) or the items themselves (imported text).
        # Toggled by visibility rather than a stacked widget, so the one-line mode takes one line.
        typed = QWidget()
        typed_layout = QVBoxLayout(typed)
        typed_layout.setContentsMargins(0, 0, 0, 0)
        self.answers = QLineEdit()
        self.answers.setAccessibleName(tr("Answer numbers in item order"))
        typed_layout.addWidget(self.answers)
        self.count = QLabel()
        typed_layout.addWidget(self.count)
        self.typed = typed
        outer.addWidget(typed)
        self.items_scroll = QScrollArea()
        self.items_scroll.setWidgetResizable(True)
        self.items_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the items are the Tab stops
        outer.addWidget(self.items_scroll, 3)

        buttons = QHBoxLayout()
        self.score_button = QPushButton(tr("Score"))
        self.score_button.setToolTip(tr("Score these answers (Ctrl+Return)"))
        self.save_button = QPushButton(tr("Save to my history"))
        self.save_button.setEnabled(False)
        buttons.addWidget(self.score_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

    def _build_result(self, outer: QVBoxLayout) -> None:
        """The scores, scrolling."""
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAccessibleName(tr("Scores"))
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result_scroll = result_scroll = QScrollArea()
        result_scroll.setWidgetResizable(True)
        result_scroll.setWidget(self.result)
        result_scroll.setAccessibleName(tr("Scores"))  # a Tab stop: the arrows scroll the scores
        result_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(result_scroll, 2)

    def _build_support(self, outer: QVBoxLayout) -> None:
        """Coping ideas, My plan and Get help now, beside any result that needs them."""
        # Scores always come with support: a result that needs it shows these at once,
        # before it is saved (and whether or not it is).
        self.support_row = QWidget()
        self.support_row.setObjectName("scoreSupport")
        support = QHBoxLayout(self.support_row)
        support.setContentsMargins(0, 0, 0, 0)
        self.coping_button = QPushButton(tr("Coping ideas"))
        self.coping_button.setAccessibleName(tr("Open coping ideas"))
        self.plan_button = QPushButton(tr("My plan"))
        self.plan_button.setAccessibleName(tr("Open my plan"))
        self.help_button = QPushButton(tr("Get help now"))
        self.help_button.setAccessibleName(tr("Get help now: emergency and crisis lines"))
        for button in (self.coping_button, self.plan_button, self.help_button):
            support.addWidget(button)
        support.addStretch(1)
        self.support_row.setVisible(False)
        outer.addWidget(self.support_row)
        self.coping_button.clicked.connect(self.open_resources_requested)
        self.plan_button.clicked.connect(self.open_plan_requested)
        self.help_button.clicked.connect(self.help_requested)

    # --- definitions ----------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        current = select or self.picker.currentData()
        self.picker.blockSignals(True)
        self.picker.clear()
        for definition in self._service.definitions():
            suffix = " " + tr("(imported)") if self._service.is_imported(definition.id) else ""
            self.picker.addItem(
                f"{definition.short_name}: {tr(definition.name)}{suffix}", definition.id
            )
        index = self.picker.findData(current)
        self.picker.setCurrentIndex(max(0, index))
        self.picker.blockSignals(False)
        if self._service.problems:
            self.show_status(
                tr("Some imported definitions were skipped: {problems}").format(
                    problems="; ".join(message_in_language(p) for p in self._service.problems)
                )
            )
        self._on_picker_changed()

    @property
    def definition(self) -> InstrumentDefinition:
        return self._service.get(self.picker.currentData())

    def select(self, instrument_id: str) -> None:
        self.picker.setCurrentIndex(self.picker.findData(instrument_id))

    def _on_picker_changed(self, _index: int = 0) -> None:
        if self.picker.currentData() is None:
            return
        d = self.definition
        scale = d.scale
        legend = ", ".join(
            f"{v} = {html.escape(tr(scale.labels[v]))}" for v in scale.values if v in scale.labels
        )
        answers = tr("{low} to {high}").format(low=scale.minimum, high=scale.maximum)
        if legend:
            answers = tr("{range}: {legend}").format(range=answers, legend=legend)
        reverse = ", ".join(map(str, sorted(d.reverse_items)))
        if len(d.reverse_items) > 1:
            reverse_note = " " + tr("Reflect reverses items {items} for you.").format(items=reverse)
        elif reverse:
            reverse_note = " " + tr("Reflect reverses item {items} for you.").format(items=reverse)
        else:
            reverse_note = ""
        if d.has_item_text:
            how = tr("Answer on the items below, then pick each answer ({answers}).")
        else:
            how = tr("Answer on the official form, then type each answer ({answers}).")
        about = tr("{name}: {count} items about {time_frame}.").format(
            name=_bold(html.escape(tr(d.name))),
            count=d.item_count,
            time_frame=html.escape(tr(d.time_frame)),
        )
        # The attribution stays as published; the licence summary is Reflect's own words.
        text = (
            f"<p>{about} {how.format(answers=answers)}{reverse_note}</p>"
            f"<p><small>{html.escape(d.attribution)} {html.escape(d.url)}<br>"
            f"{html.escape(tr(d.licence))}</small></p>"
        )
        self.about.setText(text)
        self._score = None
        self.save_button.setEnabled(False)
        self._set_result(self._history_text(d))
        if d.has_item_text:
            self._build_item_rows(d)
            self.typed.setVisible(False)
            self.items_scroll.setVisible(True)
        else:
            self.answers.clear()
            example = " ".join(
                str(scale.minimum + (i % (scale.maximum - scale.minimum + 1))) for i in range(6)
            )
            self.answers.setPlaceholderText(
                tr("{count} numbers, e.g. {example} …").format(count=d.item_count, example=example)
            )
            self.items_scroll.setVisible(False)
            self.typed.setVisible(True)
            self._on_answers_changed()

    def _build_item_rows(self, d: InstrumentDefinition) -> None:
        host = QWidget()
        layout = QVBoxLayout(host)
        labels = tr_list(d.scale.labels.get(v, str(v)) for v in d.scale.values)
        self._rows = []
        for position, text in enumerate(d.item_text or (), start=1):
            row = RatingRow(text, labels, minimum=d.scale.minimum, number=position)
            layout.addWidget(row)
            self._rows.append(row)
        layout.addStretch(1)
        self.items_scroll.setWidget(host)

    def _history_text(self, d: InstrumentDefinition) -> str:
        try:
            latest = self._service.latest(d.id)
        except ReflectError:
            return ""
        if latest is None:
            return ""
        labels = {s.id: tr(s.label) for s in d.subscales}
        parts = ", ".join(
            f"{html.escape(labels.get(k, k))} {number(v)}" for k, v in latest.scores.items()
        )
        when = local_date(latest.taken_at, "dd MMMM yyyy")
        return "<p>" + tr("Last saved {when}: {scores}.").format(when=when, scores=parts) + "</p>"

    # --- answers and scoring ----------------------------------------------------------------

    def current_answers(self) -> list[int]:
        d = self.definition
        if d.has_item_text:
            missing = [str(i) for i, row in enumerate(self._rows, start=1) if row.value() is None]
            if len(missing) > 1:
                raise ReflectError(
                    tr("Please answer items {items}.").format(items=", ".join(missing))
                )
            if missing:
                raise ReflectError(tr("Please answer item {items}.").format(items=missing[0]))
            return [int(row.value() or 0) for row in self._rows]
        return parse_answers(self.answers.text(), d)

    def _on_answers_changed(self, _text: str = "") -> None:
        d = self.definition
        try:
            count = len(parse_answers(self.answers.text(), d))
            self.count.setText(
                tr("{count} of {total} answers").format(count=count, total=d.item_count)
            )
        except ReflectError as exc:
            self.count.setText(message_in_language(exc))

    def score_now(self) -> None:
        try:
            self._score = self._service.score(self.definition.id, self.current_answers())
        except ReflectError as exc:
            self._score = None
            self.save_button.setEnabled(False)
            self.support_row.setVisible(False)
            problem = html.escape(message_in_language(exc))
            self._set_result(f"<p>{_bold(tr('Not scored yet.'))} {problem}</p>")
            return
        self.save_button.setEnabled(True)
        self._set_result(render_score(self._score))
        self.support_row.setVisible(support_for(self._score).needed)

    def save_now(self) -> None:
        if self._score is None:
            return
        try:
            # The answers kept as a draft (questionnaire_draft.py) go with the save.
            self._service.record(self._score.definition.id, self._score.answers, end_draft=True)
        except ReflectError as exc:
            self.show_status(tr("Not saved: {error}").format(error=message_in_language(exc)))
            return
        self.save_button.setEnabled(False)
        saved = "<p>" + _bold(tr("Saved to your history.")) + "</p>"
        self._set_result(render_score(self._score) + saved)
        self.result_saved.emit()

    # --- importing --------------------------------------------------------------------------

    def _on_import_clicked(self) -> None:
        path, _ = open_file_name(
            self,
            tr("Import a questionnaire definition"),
            str(Path.home()),
            tr("Definitions") + " (*.json *.toml)",
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            definition = self._service.import_definition(path)
        except ReflectError as exc:
            self.show_status(
                tr("Not imported, nothing was added: {error}").format(
                    error=message_in_language(exc)
                )
            )
            return False
        self.reload(select=definition.id)
        if definition.has_item_text:
            text = tr("{name} imported. Its items are shown below.")
        else:
            text = tr("{name} imported. Score it from the paper form.")
        self.show_status(text.format(name=definition.short_name))
        return True

    def _set_result(self, text: str) -> None:
        # Hidden while empty, so imported items get the room.
        self.result.setText(text)
        self.result_scroll.setVisible(bool(text))
        # Results get the room below the form; the trailing stretch only while they are empty.
        self._outer.setStretch(self._outer.count() - 1, 0 if text else 1)

    def show_status(self, text: str) -> None:
        # Shown in the panel, not a dialog, so it stays visible while the person fixes the file.
        self.status.setText(text)
        self.status.setVisible(bool(text))


def render_score(result: InstrumentScore) -> str:
    d = result.definition
    rows = []
    for s in result.subscales:
        band = html.escape(tr(s.band.label)) if s.band else tr("no published band")
        if s.subscale.higher_is == "better":
            direction = tr("higher is better")
        else:
            direction = tr("higher means more strain")
        span = tr("of {low} to {high} ({direction})").format(
            low=number(s.minimum), high=number(s.maximum), direction=direction
        )
        rows.append(
            f"<tr><td><b>{html.escape(tr(s.subscale.label))}</b></td>"
            f"<td align='right'>&nbsp;{number(s.score)}&nbsp;</td>"
            f"<td>{span}</td><td>&nbsp;{band}</td></tr>"
        )
    caveats = "".join(f"<li>{html.escape(tr(c))}</li>" for c in d.caveats)
    messages = support_messages(support_for(result), shipped_notice_wording())
    support = "".join(f"<p>{html.escape(tr(text), quote=False)}</p>" for text in messages)
    # The citation stays as published.
    return (
        f"<h3>{html.escape(d.short_name)}</h3>"
        f"<table cellspacing='4'>{''.join(rows)}</table>{support}"
        f"<p>{_bold(tr('Keep in mind'))}</p><ul>{caveats}</ul>"
        f"<p><small>{html.escape(d.citation)}</small></p>"
    )
