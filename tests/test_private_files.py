"""Files Reflect writes itself: owner-only, whole or not at all, never through a planted link."""

from __future__ import annotations

import os
import stat

import pytest

from reflect.paths import write_private_file


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_is_owner_only_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "export.md"
    write_private_file(target, b"shared material")
    assert target.read_bytes() == b"shared material"
    assert _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.md"]


def test_replacing_a_readable_file_makes_it_private(tmp_path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_private_file(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o600


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "vault.json"
    target.write_bytes(b"old")

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_private_file(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["vault.json"]


def test_a_link_planted_on_the_target_is_replaced_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"untouched")
    target = tmp_path / "chart.png"
    target.symlink_to(elsewhere)
    write_private_file(target, b"chart")
    assert elsewhere.read_bytes() == b"untouched"
    assert not target.is_symlink() and target.read_bytes() == b"chart"
