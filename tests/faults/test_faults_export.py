"""Issue 13 item 5: an export never overwrites the profile or an unrelated file.

``--out`` pointing at the profile's own reflect.db or vault.json destroyed them. Any target
inside a profile folder is refused; an existing file needs ``--force``.
"""

from __future__ import annotations

import pytest
from tests.faults.storage_helpers import (
    PASSPHRASE,
    assert_one_clean_line,
    folder_digest,
    make_profile,
    row_counts,
    run,
)


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_EXPORT_PASSPHRASE", "archive passphrase 123")
    return tmp_path / "data", make_profile(tmp_path / "data")


FORMATS = [
    ["--format", "archive"],
    ["--format", "json", "--plain-ok"],
    ["--format", "markdown", "--plain-ok"],
    ["--format", "csv", "--plain-ok"],
]


def test_no_export_or_backup_target_inside_a_profile_folder(filled, capsys):
    data_dir, info = filled
    (info.directory / "backups").mkdir(exist_ok=True)
    before, counts = folder_digest(info.directory), row_counts(info)
    targets = [
        info.db_path,
        info.vault_path,
        info.directory / "notes.json",
        info.directory / "backups" / "x.reflect-archive",
        data_dir / "profiles" / "new-folder-file.json",
    ]
    for target in targets:
        for fmt in FORMATS:
            for force in ([], ["--force"]):
                code, _out, err = run(
                    ["--data-dir", str(data_dir), "export", *fmt, "--out", str(target), *force],
                    capsys,
                )
                line = assert_one_clean_line(err)
                assert code == 2 and "inside a Reflect profile folder" in line, (target, line)
        code, _out, err = run(
            ["--data-dir", str(data_dir), "backup", "--out", str(target), "--force"], capsys
        )
        assert code == 2 and "profile folder" in assert_one_clean_line(err), target
    assert folder_digest(info.directory) == before
    assert row_counts(info) == counts


def test_a_profile_in_another_data_folder_is_protected_too(filled, tmp_path, capsys):
    data_dir, _info = filled
    other = make_profile(tmp_path / "elsewhere")
    before = folder_digest(other.directory)
    code, _out, err = run(
        ["--data-dir", str(data_dir), "export", "--out", str(other.vault_path), "--force"],
        capsys,
    )
    assert code == 2 and "profile folder" in assert_one_clean_line(err)
    assert folder_digest(other.directory) == before


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f[1])
def test_an_existing_file_is_kept_unless_force(filled, tmp_path, capsys, fmt):
    data_dir, _info = filled
    target = tmp_path / "mine.out"
    target.write_bytes(b"someone's unrelated file")
    code, _out, err = run(
        ["--data-dir", str(data_dir), "export", *fmt, "--out", str(target)], capsys
    )
    line = assert_one_clean_line(err)
    assert code == 2 and "already exists" in line and "--force" in line
    assert target.read_bytes() == b"someone's unrelated file"
    code, _out, err = run(
        ["--data-dir", str(data_dir), "export", *fmt, "--out", str(target), "--force"], capsys
    )
    assert code == 0, err
    assert target.read_bytes() != b"someone's unrelated file"


def test_a_team_contribution_is_never_written_into_a_profile_folder(filled, capsys):
    data_dir, info = filled
    before = folder_digest(info.directory)
    code, _out, err = run(
        ["--data-dir", str(data_dir), "team", "contribute", "--out", str(info.vault_path)],
        capsys,
    )
    assert code == 2 and "profile folder" in assert_one_clean_line(err)
    assert folder_digest(info.directory) == before
