"""The organisation's assessments/ folder and an imported assessment are hostile input: a
pipe, a huge or deeply nested file is skipped or refused at once, never a hang or a crash."""

from __future__ import annotations

import os

import pytest

from reflect.domain.errors import ReflectError


@pytest.mark.timeout(30)
def test_odd_files_in_the_assessments_folder_are_skipped(session):
    folder = session.paths.data_dir / "assessments"
    folder.mkdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")  # reading it would wait for a writer forever
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "huge.json").write_bytes(b" " * (3 * 1024 * 1024) + b"{}")
    (folder / "dir.json").mkdir()
    ids = [d.id for d in session.team.assessment_definitions()]
    assert ids == ["reflect-org"]


@pytest.mark.timeout(30)
def test_importing_an_odd_file_is_refused_with_a_message(session, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ReflectError):
        session.team.import_assessment(deep)
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.json"
        os.mkfifo(pipe)
        with pytest.raises(ReflectError, match="regular file"):
            session.team.import_assessment(pipe)
    assert not (session.paths.data_dir / "assessments").exists()
