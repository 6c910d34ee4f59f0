"""The widgets of the reflection editor, built top to bottom (mixed into ``ReflectScreen``).

Top: the heading, the template picker and the banners (recovered draft, templates left
out, identity guard). Middle, scrolling: the details every reflection shares, the
template's form, intensity when the template has none, follow-ups. Bottom: the after-save
line, the word total, the status line and the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import Reflection
from reflect.domain.word_count import count_words
from reflect.services.journal import JournalService
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import local_date, tr
from reflect.ui.widgets.draft_banner import DraftBanner
from reflect.ui.widgets.follow_up_editor import FollowUpEditor
from reflect.ui.widgets.identity_banner import IdentityBanner
from reflect.ui.widgets.intensity_input import IntensityInput
from reflect.ui.widgets.kept_text_panel import KeptTextPanel
from reflect.ui.widgets.reflection_details import ReflectionDetails
from reflect.ui.widgets.saved_line import SavedLine
from reflect.ui.widgets.template_form import TemplateForm, section_box
from reflect.ui.widgets.template_picker import TemplatePicker
from reflect.ui.widgets.text_aids import words_text


class ReflectEditorView:
    """Mixed into ``ReflectScreen``: builds the editor's widgets as its attributes, and
    updates what they show of the reflection being written."""

    form: TemplateForm | None
    _current: Reflection

    def _build_editor(self, root: QVBoxLayout, journal: JournalService) -> None:
        self._build_top(root, journal)
        self._build_body(root, journal)
        self._build_bottom(root)

    def _build_top(self, root: QVBoxLayout, journal: JournalService) -> None:
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("screenHeading")
        top.addWidget(self.heading, 1)
        template_label = QLabel(tr("&Template:"))
        self.template_combo = TemplatePicker(journal.templates)
        template_label.setBuddy(self.template_combo)
        top.addWidget(template_label)
        top.addWidget(self.template_combo)
        root.addLayout(top)

        self.draft_banner = DraftBanner()
        root.addWidget(self.draft_banner)
        self.kept_text = KeptTextPanel()
        root.addWidget(self.kept_text)

        problems = journal.templates.problems
        self.template_problems = QLabel(
            tr("Some of your organisation's templates could not be used and are left out: ")
            + "; ".join(message_in_language(p) for p in problems)
        )
        self.template_problems.setWordWrap(True)
        self.template_problems.setObjectName("fieldHelp")
        self.template_problems.setVisible(bool(problems))
        root.addWidget(self.template_problems)

        self.identity_banner = IdentityBanner()
        root.addWidget(self.identity_banner)

    def _build_body(self, root: QVBoxLayout, journal: JournalService) -> None:
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields are the Tab stops
        body = QWidget()
        self.body_layout = QVBoxLayout(body)

        details, details_layout = section_box(tr("Details"))
        self.details = ReflectionDetails(journal.setting_choices())
        self.tags = self.details.tags
        details_layout.addWidget(self.details)
        self.body_layout.addWidget(details)

        self.form_holder = QVBoxLayout()
        self.body_layout.addLayout(self.form_holder)
        self.extra_intensity_box, extra_layout = section_box(tr("How it left me"))
        self.extra_intensity = IntensityInput(tr("How strongly is it with me right now?"))
        extra_layout.addWidget(self.extra_intensity)
        self.body_layout.addWidget(self.extra_intensity_box)

        follow_group, follow_layout = section_box(
            tr("Follow-up actions"),
            tr(
                "Anything to do next, for you or with your supervisor. "
                "Open actions appear in the journal."
            ),
        )
        self.follow_ups = FollowUpEditor()
        follow_layout.addWidget(self.follow_ups)
        self.body_layout.addWidget(follow_group)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        root.addWidget(self.scroll_area, 1)

    def _build_bottom(self, root: QVBoxLayout) -> None:
        self.saved_line = SavedLine()
        root.addWidget(self.saved_line)

        bottom = QHBoxLayout()
        self.word_total = QLabel()
        self.word_total.setObjectName("fieldHelp")
        self.word_total.setAccessibleName(tr("Words in this reflection"))
        bottom.addWidget(self.word_total)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Status"))
        self.shift_button = QPushButton(tr("Log the shift…"))
        self.shift_button.setToolTip(
            tr("Hours, encounters, disclosures, crises of this shift: numbers only")
        )
        self.new_button = QPushButton(tr("New reflection"))
        self.new_button.setToolTip(tr("Start a new reflection (Ctrl+N)"))
        self.save_button = QPushButton(tr("Save to journal"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(tr("Save (Ctrl+S)"))
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.shift_button)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.save_button)
        root.addLayout(bottom)

    # --- what the editor shows -----------------------------------------------------------

    def _update_word_total(self) -> None:
        if self.form is None:
            return
        texts = self.form.texts.values()
        total = sum(
            count_words(w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
            for w in texts
        )
        self.word_total.setText(tr("In all: {words}").format(words=words_text(total)))

    def _update_heading(self) -> None:
        if self._current.id is None:
            self.heading.setText("<h2>" + tr("New reflection") + "</h2>")
        else:
            when = local_date(self._current.occurred_at, "d MMM yyyy, HH:mm")
            self.heading.setText(
                "<h2>" + tr("Editing the reflection of {when}").format(when=when) + "</h2>"
            )

    def focus_first_box(self) -> None:
        """Put the cursor where writing starts (the first text box of the form)."""
        box = self.form.first_text_box() if self.form else None
        if box is not None:
            self.scroll_area.ensureWidgetVisible(box)
            box.setFocus(Qt.FocusReason.OtherFocusReason)
