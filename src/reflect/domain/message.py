"""Messages for a person: an English template and the values that fill it.

Layers below the interface cannot translate (they do not import it), so what they say to a
person travels as a ``Message``: the English sentence, plus the template it came from and
its values. The interface translates the template and puts the values back
(``ui/error_text.py``); everything else (the command line, logs of tests, JSON output) sees
an ordinary English ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


class Message(str):
    """English text that remembers ``template`` and ``values`` (``template.format(**values)``).

    A ``str`` subclass so that code which prints, compares or joins messages keeps working.
    """

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        # A finished sentence (no values) may hold literal braces, so it is never formatted.
        text = template.format(**values) if values else template
        message = super().__new__(cls, text)
        message.template = template
        message.values = MappingProxyType(dict(values))
        return message

    def __reduce__(self):  # a str subclass with attributes needs help to pickle
        return (_rebuild, (self.template, dict(self.values)))


def _rebuild(template: str, values: dict[str, object]) -> Message:
    return Message(template, **values)


class Term(str):
    """A value that is itself a fixed English word of the interface (the name of a section
    of My plan, a kind of entry), so the interface translates it along with its template.
    Every other value (a file name, a number, what a person typed) is shown as it came."""


class Clause(str):
    """A whole sentence used inside another one, shown without its full stop (a domain rule
    quoted in an import refusal). The interface translates ``sentence`` and drops the stop."""

    sentence: Message

    def __new__(cls, sentence: object) -> Clause:
        message = as_message(sentence)
        clause = super().__new__(cls, str(message).rstrip("."))
        clause.sentence = message
        return clause


def as_message(text: object) -> Message:
    """``text`` as a Message: itself if it is one, else a finished sentence without values."""
    return text if isinstance(text, Message) else Message(str(text))
