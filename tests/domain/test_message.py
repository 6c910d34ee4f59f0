"""Messages carry their English template and values (issue 14, item 3)."""

from __future__ import annotations

import pickle

from reflect.domain.errors import ContentError, ReflectError, StorageUnavailable, ValidationError
from reflect.domain.message import Message, Term, as_message


def test_a_message_is_its_english_sentence_and_keeps_template_and_values():
    message = Message("{name} is empty.", name="notes.json")
    assert message == "notes.json is empty."
    assert isinstance(message, str)
    assert message.template == "{name} is empty."
    assert dict(message.values) == {"name": "notes.json"}


def test_a_finished_sentence_with_braces_is_not_formatted():
    assert Message("Use {curly} braces.") == "Use {curly} braces."


def test_an_error_raised_with_a_template_reads_as_before():
    error = ValidationError("{count} answers were given.", count=3)
    assert str(error) == "3 answers were given."
    assert error.message.template == "{count} answers were given."
    assert ReflectError("Plain.").message.values == {}


def test_an_error_made_from_a_message_keeps_it():
    message = Message("{name} is empty.", name="a")
    assert ReflectError(message).message is message


def test_content_error_keeps_a_problem_that_is_a_message():
    problem = Message("must be from {low} to {high}", low=0, high=4)
    error = ContentError("items.json", "items[2].score", problem)
    assert str(error) == "items.json: items[2].score: must be from 0 to 4"
    assert error.message.values["problem"] is problem


def test_storage_errors_name_the_path_as_a_value():
    import errno

    error = StorageUnavailable.from_os_error(OSError(errno.ENOSPC, "No space"), "/data/x")
    assert error.message.values == {"path": "/data/x"}
    assert str(error).startswith("The disk is full: Reflect could not write in /data/x.")


def test_messages_survive_pickling_and_terms_are_strings():
    message = Message("“{section}” holds at most {count} entries.", section=Term("Plan"), count=4)
    again = pickle.loads(pickle.dumps(message))
    assert again == message and again.template == message.template
    assert as_message("x").template == "x" and as_message(message) is message
