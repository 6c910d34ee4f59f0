"""interface.json is read before any window exists: a hostile one must not stop the start."""

from __future__ import annotations

import os

import pytest

from reflect.ui.interface_language import remembered_language


@pytest.mark.parametrize(
    "content",
    [b"[" * 200_000, b'{"language": ' * 50_000, b"\xff\xfe", b'{"language": "fr"', b"{}"],
)
def test_a_hostile_interface_file_falls_back_to_english(paths, content):
    paths.interface_file.write_bytes(content)
    assert remembered_language(paths) == "en"


@pytest.mark.timeout(20)
def test_a_fifo_named_interface_json_does_not_hang_the_start(paths):
    os.mkfifo(paths.interface_file)
    assert remembered_language(paths) == "en"


def test_the_kept_language_is_read(paths):
    paths.interface_file.write_text('{"language": "fr"}', encoding="utf-8")
    assert remembered_language(paths) == "fr"
