"""Messages from the domain, storage and services layers in the person's language.

Those layers cannot import the interface (import-linter contracts), so what they say to a
person travels as a ``domain.message.Message``: the English sentence, its template and its
values (``ReflectError.message`` holds one). Here the template is translated and the values
put back. A value is shown as it came (a file name, a number, what a person typed) unless it
is a ``Term`` (a fixed interface word, translated) or a message of its own (translated in
turn). A sentence without values is looked up as it is; one with no French stays English.
"""

from __future__ import annotations

from reflect.domain.errors import ReflectError
from reflect.domain.message import Clause, Message, Term
from reflect.ui.i18n import current_language, tr


def message_in_language(message: BaseException | str) -> str:
    """An error or progress message in the interface language (as it came in English)."""
    carried = _carried(message)
    text = str(carried)
    if current_language() == "en" or not text:
        return text
    if isinstance(carried, Message) and carried.values:
        values = {name: _value(value) for name, value in carried.values.items()}
        return tr(carried.template).format(**values)
    return tr(text)


def _carried(message: BaseException | str) -> object:
    """The Message an error carries (ReflectError.message), or the text itself.

    A SQLite or OS error (a save on a full disk) first becomes the sentence the command
    line prints for it, never SQLite's own English words.
    """
    if isinstance(message, BaseException) and not isinstance(message, ReflectError):
        from reflect.services.save_failures import explained

        message = explained(message)
    if isinstance(message, ReflectError):
        return message.message
    if isinstance(message, BaseException):
        return str(message)
    return message


def _value(value: object) -> object:
    if isinstance(value, Term):
        return tr(value)
    if isinstance(value, Clause):
        return message_in_language(value.sentence).rstrip(".")
    if isinstance(value, (Message, ReflectError)):
        return message_in_language(value)
    return value
