"""Quiet help while writing: word counts, offline spell-checking, and tag completion.

Spell-checking follows the profile's language and the "spell_check" setting. The word list
loads on a worker thread the first time an editor is shown, so typing never waits; until
it is ready nothing is underlined. Not before: the lists take about 50 MB, which a person who
only reads their trends should not pay for.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMenu, QPlainTextEdit, QWidget

from reflect.domain.word_count import count_words
from reflect.services.spelling import SpellService
from reflect.ui.i18n import tr
from reflect.ui.workers import run_in_background


def words_text(count: int) -> str:
    return tr("1 word") if count == 1 else tr("{count} words").format(count=count)


class WordCount(QLabel):
    """'42 words' under one text answer, updated as the person types."""

    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldHelp")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._edit = edit
        edit.textChanged.connect(self.update_count)
        self.update_count()

    def update_count(self) -> None:
        count = count_words(self._edit.toPlainText())
        self.setText(words_text(count) if count else "")


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#c0392b"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        for start, length in self.service.misspelt(text):
            self.setFormat(start, length, self._format)


class Speller(QObject):
    """One profile's spell-checking: the service, its loading, and the editors it serves."""

    ready = Signal()
    word_added = Signal(str)

    def __init__(self, language: str, personal: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = SpellService(language, personal)
        self._highlighters: list[SpellHighlighter] = []
        self._loading = False

    def start_loading(self) -> None:
        if self._loading or self.service.ready:
            return
        self._loading = True

        def loaded(ok: object) -> None:
            if ok:
                self.rehighlight()
                self.ready.emit()

        # owner: nothing runs if the profile was locked (and this destroyed) while loading.
        run_in_background(self.service.load, loaded, lambda _exc: None, owner=self)

    def attach(self, edit: QPlainTextEdit) -> None:
        self._highlighters = [h for h in self._highlighters if shiboken6.isValid(h)]
        highlighter = SpellHighlighter(edit.document(), self.service)
        self._highlighters.append(highlighter)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(lambda pos: self._menu(edit, pos))
        if edit.isVisible():
            self.start_loading()
        else:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            # After the screen is laid out and drawn: reading the list on the worker holds
            # Python's lock for long stretches, and starting it here slowed that first
            # drawing of the writing screen from about 30 to 130 ms.
            QTimer.singleShot(0, self, self.start_loading)
        return False

    def rehighlight(self) -> None:
        for highlighter in self._highlighters:
            if shiboken6.isValid(highlighter):
                highlighter.rehighlight()

    def actions_for(self, edit: QPlainTextEdit, pos: QPoint) -> tuple[QMenu, QTextCursor | None]:
        """The context menu for ``pos``: suggestions first when the word there is misspelt."""
        standard = edit.createStandardContextMenu(edit.mapToGlobal(pos))
        cursor = edit.cursorForPosition(pos)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word or not self.service.ready or self.service.is_known(word):
            return standard, None
        menu = QMenu(edit)
        standard.setParent(menu)  # its actions live as long as the menu that shows them
        suggestions = self.service.suggestions(word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _=False, s=suggestion, c=cursor: c.insertText(s))
        if not suggestions:
            menu.addAction(tr("No suggestions")).setEnabled(False)
        add = menu.addAction(tr("Add “{word}” to my words").format(word=word))
        add.triggered.connect(lambda _=False, w=word: self._add_word(w))
        menu.addSeparator()
        menu.addActions(standard.actions())
        return menu, cursor

    def _menu(self, edit: QPlainTextEdit, pos: QPoint) -> None:
        menu, _cursor = self.actions_for(edit, pos)
        menu.exec(edit.mapToGlobal(pos))
        menu.deleteLater()

    def _add_word(self, word: str) -> None:
        self.service.add_word(word)
        self.word_added.emit(word)
        self.rehighlight()


def attach_tag_completer(edit: QLineEdit, tags: list[str]) -> QCompleter:
    """Complete the tag being typed (after the last comma) from the tags already used."""
    model = QStringListModel(sorted(tags), edit)
    completer = QCompleter(model, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setWidget(edit)

    def current_fragment() -> str:
        return edit.text()[: edit.cursorPosition()].split(",")[-1].strip()

    def on_edited(_text: str) -> None:
        fragment = current_fragment()
        popup = completer.popup()
        if fragment:
            completer.setCompletionPrefix(fragment)
        if fragment and completer.completionCount():
            completer.complete()
        elif popup is not None:
            popup.hide()

    def insert(choice: str) -> None:
        before = edit.text()[: edit.cursorPosition()]
        after = edit.text()[edit.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        edit.setText(f"{head}{choice}, {after.lstrip(', ')}".rstrip())
        edit.setCursorPosition(len(f"{head}{choice}, "))

    edit.textEdited.connect(on_edited)
    completer.activated.connect(insert)
    return completer
