"""Issue 13 item 12 (storage side): no traceback, and each failure named for what it is.

A full disk or a read-only folder used to come out as "That passphrase does not open this
profile"; a vault.json with a missing key or a short nonce gave a traceback; long values were
echoed whole.
"""

from __future__ import annotations

import base64
import errno
import json

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
    return tmp_path / "data", make_profile(tmp_path / "data")


def _vault_variants(vault: dict) -> dict[str, object]:
    seal = vault["passphrase"]
    short = base64.b64encode(b"1234").decode()

    def without(mapping, key):
        return {k: v for k, v in mapping.items() if k != key}

    return {
        "no kdf": {**vault, "passphrase": without(seal, "kdf")},
        "no wrapped key": {**vault, "passphrase": without(seal, "wrapped_key")},
        "no nonce": {
            **vault,
            "passphrase": {**seal, "wrapped_key": without(seal["wrapped_key"], "nonce")},
        },
        "short nonce": {
            **vault,
            "passphrase": {**seal, "wrapped_key": {**seal["wrapped_key"], "nonce": short}},
        },
        "nonce not base64": {
            **vault,
            "passphrase": {**seal, "wrapped_key": {**seal["wrapped_key"], "nonce": "@@@"}},
        },
        "kdf is a list": {**vault, "passphrase": {**seal, "kdf": [1, 2]}},
        "salt not hex": {**vault, "passphrase": {**seal, "kdf": {**seal["kdf"], "salt_hex": "zz"}}},
        "passphrase is text": {**vault, "passphrase": "x" * 1_000_000},
        "recovery damaged": {**vault, "recovery": {"kdf": 1}},
        "not an object": [1, 2, 3],
        "deep nesting": "DEEP",
    }


def test_a_damaged_vault_json_is_a_clear_error(filled, capsys):
    data_dir, info = filled
    original = json.loads(info.vault_path.read_text())
    for what, variant in _vault_variants(original).items():
        text = "[" * 100_000 + "]" * 100_000 if variant == "DEEP" else json.dumps(variant)
        info.vault_path.write_text(text)
        before = folder_digest(info.directory)
        for argv in (["search", "x"], ["check"], ["backup"]):
            code, _out, err = run(["--data-dir", str(data_dir), *argv], capsys)
            line = assert_one_clean_line(err)
            assert code == 2, (what, line)
            assert "passphrase does not open" not in line, (what, line)
        assert folder_digest(info.directory) == before, what
    info.vault_path.write_text(json.dumps(original))
    assert row_counts(info)["reflections"] == 12


def test_a_full_disk_is_reported_as_such(filled, tmp_path, monkeypatch, capsys):
    """SQLite says SQLITE_FULL (here through max_page_count) half way through an import."""
    data_dir, info = filled
    import reflect.storage.database as database

    real_open = database.open_database

    def nearly_full(*args, **kwargs):
        db = real_open(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        return db

    monkeypatch.setattr(database, "open_database", nearly_full)
    import reflect.storage.vault as vault

    monkeypatch.setattr(vault, "open_database", nearly_full)
    jrnl = tmp_path / "j.json"
    jrnl.write_text(
        json.dumps(
            {"entries": [{"date": "2025-01-02", "body": f"{i} " + "x" * 2000} for i in range(200)]}
        ),
        encoding="utf-8",
    )
    before = row_counts(info)
    code, _out, err = run(["--data-dir", str(data_dir), "import", str(jrnl)], capsys)
    line = assert_one_clean_line(err)
    assert code == 2 and "disk is full" in line, line
    monkeypatch.setattr(vault, "open_database", real_open)
    assert row_counts(info) == before


def test_a_full_disk_while_writing_a_file_is_reported_as_such(
    filled, tmp_path, monkeypatch, capsys
):
    data_dir, _info = filled
    import reflect.private_output as private_output

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    # The last steps of a private write: linking the unnamed file, or renaming a named one.
    monkeypatch.setattr(private_output.os, "replace", no_space)
    monkeypatch.setattr(private_output.os, "link", no_space)
    target = tmp_path / "out.json"
    code, _out, err = run(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "--format",
            "json",
            "--plain-ok",
            "--out",
            str(target),
        ],
        capsys,
    )
    line = assert_one_clean_line(err)
    assert code == 2 and "disk is full" in line, line
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_read_only_database_is_not_a_wrong_passphrase(filled, tmp_path, monkeypatch, capsys):
    data_dir, info = filled
    import sqlcipher3

    real_connect = sqlcipher3.connect

    def read_only(path, *args, **kwargs):
        if str(path).endswith("reflect.db"):
            from pathlib import Path

            return real_connect(f"{Path(path).as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(sqlcipher3, "connect", read_only)
    jrnl = tmp_path / "j.json"
    jrnl.write_text('{"entries": [{"date": "2025-01-02", "body": "x"}]}', encoding="utf-8")
    # SQLite may create empty -wal and -shm files beside a read-only database: data files only.
    before = {k: v for k, v in folder_digest(info.directory).items() if "-" not in k}
    for argv in (["import", str(jrnl)], ["score", "who5", "--answers", "3,3,3,3,3", "--save"]):
        code, _out, err = run(["--data-dir", str(data_dir), *argv], capsys)
        line = assert_one_clean_line(err)
        assert code == 2 and "read-only" in line, (argv, line)
        assert "passphrase" not in line
    after = {k: v for k, v in folder_digest(info.directory).items() if "-" not in k}
    assert after == before


def test_a_read_only_profile_folder_is_not_a_wrong_passphrase(
    filled, tmp_path, monkeypatch, capsys
):
    """The writer lock cannot even be created: said plainly (root ignores chmod, so inject)."""
    data_dir, info = filled
    import reflect.storage.file_lock as file_lock

    real_open = file_lock.os.open

    def read_only_folder(path, flags, *args):
        if str(path).endswith("writer.lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(file_lock.os, "open", read_only_folder)
    code, _out, err = run(["--data-dir", str(data_dir), "backup"], capsys)
    line = assert_one_clean_line(err)
    assert code == 2 and "read-only" in line and "passphrase" not in line, line
    # Readers need no lock and keep working.
    code, _out, err = run(["--data-dir", str(data_dir), "search", "shift"], capsys)
    assert code == 0, err


def test_long_values_are_cut_in_messages(filled, tmp_path, capsys):
    data_dir, _info = filled
    huge = "x" * 1_000_000
    for argv in (
        ["check", "--profile", huge],
        ["restore", "/nonexistent/" + huge[:3000], "--yes"],
        ["search", "x", "--passphrase-file", "/nonexistent/" + huge[:3000]],
        ["export", "--format", "json", "--plain-ok", "--out", str(tmp_path / huge[:300])],
    ):
        code, _out, err = run(["--data-dir", str(data_dir), *argv], capsys)
        assert code == 2
        assert len(assert_one_clean_line(err)) < 600


def test_any_vault_json_gives_one_line_never_a_traceback(tmp_path_factory):
    """Property: whatever vault.json holds, unlocking answers in one line and writes nothing."""
    import contextlib
    import io
    import os

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from reflect.cli import main

    data_dir = tmp_path_factory.mktemp("vaultprop") / "data"
    info = make_profile(data_dir)
    original = json.loads(info.vault_path.read_text())
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
    values = st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)
        ),
        max_leaves=8,
    )
    paths = [
        ("passphrase",),
        ("passphrase", "kdf"),
        ("passphrase", "wrapped_key"),
        ("passphrase", "wrapped_key", "nonce"),
        ("passphrase", "wrapped_key", "sealed"),
        ("passphrase", "kdf", "salt_hex"),
        ("recovery",),
        ("format",),
    ]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(paths), values)
    def one_line(path, value):
        vault = json.loads(json.dumps(original))
        target = vault
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        info.vault_path.write_text(json.dumps(vault))
        before = {k: v for k, v in folder_digest(info.directory).items() if k != "vault.json"}
        err = io.StringIO()
        os.environ["REFLECT_PASSPHRASE"] = PASSPHRASE
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--data-dir", str(data_dir), "search", "x"])
        if code != 0:
            assert code == 2
            assert_one_clean_line(err.getvalue())
        after = {k: v for k, v in folder_digest(info.directory).items() if k != "vault.json"}
        after.pop("unlock-attempts.json", None)
        before.pop("unlock-attempts.json", None)
        assert after == before

    try:
        one_line()
    finally:
        os.environ.pop("REFLECT_PASSPHRASE", None)
