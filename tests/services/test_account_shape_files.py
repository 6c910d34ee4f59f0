"""An organisation's accounts/ folder: a file that cannot be read is skipped and named,
never fatal (it would stop the profile from opening)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflect.resources import asset_path
from reflect.services.accounts import load_account_shapes


def test_an_unreadable_or_odd_file_is_skipped_and_named(tmp_path, monkeypatch):
    folder = tmp_path / "accounts"
    folder.mkdir()
    locked = folder / "locked.json"
    locked.write_text('{"id": "x"}', encoding="utf-8")
    (folder / "folder.json").mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
    real = Path.read_text

    def refuse(self, *args, **kwargs):
        if self.name == "locked.json":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", refuse)
    monkeypatch.setattr(Path, "read_bytes", lambda self: refuse(self).encode())
    library = load_account_shapes(asset_path("accounts"), folder)
    assert library.shapes  # the shipped shapes are all there
    named = {problem.source for problem in library.problems}
    assert "locked.json" in named


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_is_skipped(tmp_path):
    folder = tmp_path / "accounts"
    folder.mkdir()
    os.mkfifo(folder / "pipe.json")
    library = load_account_shapes(asset_path("accounts"), folder)
    assert library.shapes and [p.source for p in library.problems] == ["pipe.json"]
