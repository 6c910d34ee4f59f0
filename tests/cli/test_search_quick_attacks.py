"""`reflect search`'s quick path (commands/search_quick.py) under hostile or unlucky states.

Each case damages a copy of one profile in some way and runs the same search twice, on two
identical copies: once as a person would (the quick path first), once with the quick path
switched off (the full path through a session alone). Both must give the same exit code,
standard output and standard error, leave the same files behind, and never end in an
"unexpected problem" or a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.commands.search_arguments import WITH_VALUE, quick_arguments
from tests.cli.search_attacks import PASSPHRASE, both_ways, folder_of, read_as_argparse_reads

pytestmark = pytest.mark.timeout(120)  # a FIFO read by mistake would block for ever


def test_the_harness_sees_the_quick_path_on_an_everyday_profile(
    attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    code, out, _err, full_runs = both_ways(attack_base, tmp_path, capsys, lambda _d: None)
    assert (code, full_runs) == (0, 0) and "noon" in out


def _in_profile(name: str):
    return lambda data_dir: os.path.join(folder_of(data_dir), name)


_vault, _db = _in_profile("vault.json"), _in_profile("reflect.db")


def _replace(path: str, by) -> None:
    """Remove ``path`` (file or folder) and put ``by(path)`` in its place."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)
    by(path)


def _moved_away(path: str) -> str:
    """Move ``path`` beside the data folder; return where it went."""
    target = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(path))), "away")
    os.makedirs(target, exist_ok=True)
    target = os.path.join(target, os.path.basename(path))
    shutil.move(path, target)
    return target


def _write(data: bytes):
    def write(path: str) -> None:
        with open(path, "wb") as handle:
            handle.write(data)

    return write


def _vault_edited(edit):
    def make(data_dir: str) -> None:
        with open(_vault(data_dir), encoding="utf-8") as handle:
            vault = json.load(handle)
        edit(vault)
        _write(json.dumps(vault).encode())(_vault(data_dir))

    return make


def _seal(**changes):
    def edit(vault):
        for key, value in changes.items():
            part, _, field = key.partition("__")
            vault["passphrase"][part][field] = value

    return _vault_edited(edit)


def _symlink_to(target: str):
    return lambda path: os.symlink(target, path)


def _loop(path: str) -> None:
    os.symlink(path, path)


VAULTS = {
    "a symlink to the vault elsewhere": lambda d: os.symlink(_moved_away(_vault(d)), _vault(d)),
    "a dangling symlink": lambda d: _replace(_vault(d), _symlink_to("/nonexistent/vault.json")),
    "a symlink loop": lambda d: _replace(_vault(d), _loop),
    "a FIFO": lambda d: _replace(_vault(d), os.mkfifo),
    "a folder": lambda d: _replace(_vault(d), os.mkdir),
    "empty": lambda d: _replace(_vault(d), _write(b"")),
    "huge": lambda d: _replace(_vault(d), _write(b'{"format": 1, "x": "' + b"a" * 2**21 + b'"}')),
    "nested deeply": lambda d: _replace(_vault(d), _write(b"[" * 100_000 + b"]" * 100_000)),
    "not UTF-8": lambda d: _replace(_vault(d), _write(b'{"format": 1, "display_name": "\xff"}')),
    "a list": lambda d: _replace(_vault(d), _write(b"[1, 2]")),
    "from a newer Reflect": _vault_edited(lambda v: v.update(format=2)),
    "without its seal": _vault_edited(lambda v: v.pop("passphrase")),
    "with a damaged recovery seal": _vault_edited(lambda v: v.update(recovery={"kdf": 1})),
    "asking for a huge memory": _seal(kdf__memory_kib=2**40),
    "asking for a million passes": _seal(kdf__time_cost=10**6),
    "with a salt not in hex": _seal(kdf__salt_hex="zz" * 16),
    "with a short salt": _seal(kdf__salt_hex="00"),
    "with an unknown algorithm": _seal(kdf__algorithm="scrypt"),
    "with a nonce not in base64": _seal(wrapped_key__nonce="not base64!"),
    "with a non-ASCII nonce": _seal(wrapped_key__nonce="é" * 16),
    "with a short nonce": _seal(wrapped_key__nonce="AAAA"),
    "with a sealed key of the wrong size": _seal(wrapped_key__sealed="AAAA"),
    "with a sealed key tampered with": _seal(wrapped_key__sealed="A" * 64),
}


@pytest.mark.parametrize("make", VAULTS.values(), ids=VAULTS.keys())
def test_a_strange_vault_json_is_read_as_the_full_path_reads_it(
    make, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, make)


def _profile_moved(data_dir: str) -> None:
    os.symlink(_moved_away(folder_of(data_dir)), folder_of(data_dir))


def _second(data_dir: str, name: str, how) -> None:
    how(os.path.join(data_dir, "profiles", name))


PROFILE_FOLDERS = {
    "a symlink to a folder elsewhere": _profile_moved,
    "beside a dangling symlink": lambda d: _second(d, "gone", _symlink_to("/nonexistent")),
    "beside a symlink loop": lambda d: _second(d, "loop", _loop),
    "beside a symlink to itself": lambda d: _second(d, "again", _symlink_to(folder_of(d))),
    "beside a file": lambda d: _second(d, "file", _write(b"x")),
    "beside a hidden copy": lambda d: _second(d, ".h", lambda p: shutil.copytree(folder_of(d), p)),
    "beside a folder without vault": lambda d: _second(d, "empty", os.mkdir),
    "the profiles folder a file": lambda d: _replace(os.path.join(d, "profiles"), _write(b"")),
    "the profiles folder a symlink": lambda d: os.symlink(
        _moved_away(os.path.join(d, "profiles")), os.path.join(d, "profiles")
    ),
}


@pytest.mark.parametrize("make", PROFILE_FOLDERS.values(), ids=PROFILE_FOLDERS.keys())
def test_a_strange_profile_folder_is_chosen_as_the_full_path_chooses(
    make, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, make)


def _throttle_waiting(path: str) -> None:
    _write(json.dumps({"failures": 5, "not_before": 4e9}).encode())(path)


def _at(name: str, make):
    return lambda data_dir: make(_in_profile(name)(data_dir))


UNUSUAL_FILES = {
    f"{name} {how}": _at(name, make)
    for name in ("unlock-attempts.json", "vault.json.pending", "reflect.db.restored")
    for how, make in {
        "a folder": os.mkdir,
        "a dangling symlink": _symlink_to("/nonexistent/file"),
        "a symlink loop": _loop,
        "a FIFO": os.mkfifo,
        "empty": _write(b""),
    }.items()
}
UNUSUAL_FILES["unlock-attempts.json asking to wait"] = lambda d: _throttle_waiting(
    _in_profile("unlock-attempts.json")(d)
)


@pytest.mark.parametrize("make", UNUSUAL_FILES.values(), ids=UNUSUAL_FILES.keys())
def test_a_strange_unusual_file_is_left_to_the_full_path(
    make, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert both_ways(attack_base, tmp_path, capsys, make)[3] == 1


def _plain_sqlite(path: str) -> None:
    sqlite3.connect(path).execute("CREATE TABLE reflections (id)").connection.commit()


def _truncated(size: int):
    def cut(path: str) -> None:
        with open(path, "r+b") as handle:
            handle.truncate(size)

    return cut


def _wal_without_database(data_dir: str) -> None:
    _write(b"\x37\x7f\x06\x82" + b"\0" * 4092)(_db(data_dir) + "-wal")
    os.remove(_db(data_dir))


def _migrations(sql: str):
    def make(data_dir: str) -> None:
        from reflect.storage.database import connect_encrypted

        os.environ["REFLECT_PASSPHRASE"] = PASSPHRASE
        conn = connect_encrypted(_db(data_dir), _data_key(data_dir), profile=True)
        try:
            conn.execute(sql)
            conn.commit()
        finally:
            conn.close()

    return make


def _data_key(data_dir: str) -> bytearray:
    from reflect.storage.seals import open_seal_forms

    with open(_vault(data_dir), encoding="utf-8") as handle:
        return open_seal_forms(PASSPHRASE, json.load(handle)["passphrase"])[0]


DATABASES = {
    "a plain SQLite file": lambda d: _replace(_db(d), _plain_sqlite),
    "empty": lambda d: _replace(_db(d), _write(b"")),
    "cut to one page": lambda d: _truncated(4096)(_db(d)),
    "cut to 100 bytes": lambda d: _truncated(100)(_db(d)),
    "random bytes": lambda d: _replace(_db(d), _write(os.urandom(8192))),
    "a folder": lambda d: _replace(_db(d), os.mkdir),
    "a FIFO": lambda d: _replace(_db(d), os.mkfifo),
    "a dangling symlink": lambda d: _replace(_db(d), _symlink_to("/nonexistent/reflect.db")),
    "a symlink elsewhere": lambda d: os.symlink(_moved_away(_db(d)), _db(d)),
    "missing": lambda d: os.remove(_db(d)),
    "missing, its WAL there": _wal_without_database,
    "with a migration from the future": _migrations(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('reflect', 'm999_future', '2027-01-01')"
    ),
    "with a migration missing": _migrations(
        "DELETE FROM _sqlite_migrations WHERE name = 'm006_reflection_lookup_indexes'"
    ),
    "with a migration of another set": _migrations(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('plugin', 'm001_initial', '2027-01-01')"
    ),
    "without its migrations table": _migrations("DROP TABLE _sqlite_migrations"),
    "without its reflections table": _migrations("DROP TABLE reflections"),
    "without its search index": _migrations("DROP TABLE reflections_fts"),
    "with its WAL a folder": lambda d: os.mkdir(_db(d) + "-wal"),
    "with its WAL a FIFO": lambda d: os.mkfifo(_db(d) + "-wal"),
    "with its WAL random bytes": lambda d: _write(os.urandom(9000))(_db(d) + "-wal"),
    "with its shared memory a folder": lambda d: os.mkdir(_db(d) + "-shm"),
    "with its shared memory a FIFO": lambda d: os.mkfifo(_db(d) + "-shm"),
}


@pytest.mark.parametrize("make", DATABASES.values(), ids=DATABASES.keys())
def test_a_strange_database_is_opened_as_the_full_path_opens_it(
    make, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    both_ways(attack_base, tmp_path, capsys, make)


_ODD_VALUES = st.sampled_from(
    ["٣", "²", "５", "1_0", "+5", " 5 ", "0x10", "1e3", "−1", "-1", "-", "--", "=", "a=b",
     "--json", "-x y", "\u00a0-5", "2026-W10-1", "20260301", "2026-03-01T00:00", "Ⅻ",
     "\u200b", "\t", "search", "--limit", "-h", "-5", "true"]
)  # fmt: skip
_ODD_TOKENS = st.one_of(
    _ODD_VALUES.map(lambda value: [value]),
    st.tuples(st.sampled_from(sorted(WITH_VALUE)), _ODD_VALUES).map(list),
    st.tuples(st.sampled_from(sorted(WITH_VALUE)), _ODD_VALUES).map(lambda p: ["=".join(p)]),
    st.sampled_from([["--json"], ["--json="], ["--JSON"], ["—json"], ["--limit="], ["--tag="]]),
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_ODD_TOKENS, max_size=4))
def test_an_odd_option_line_read_without_argparse_is_one_argparse_accepts_the_same(parts):
    argv = ["search", *[token for part in parts for token in part]]
    quick = quick_arguments(argv)
    if quick is None:
        return
    read_as_argparse_reads(argv, quick)


@pytest.mark.parametrize("value", ["²", "¹⁰", "①"])
def test_a_digit_that_is_not_a_number_gets_the_intensity_message(value, capsys):
    """str.isdigit accepts superscripts that int() refuses: argparse then said "invalid
    _intensity value" (a function's name) instead of what an intensity is."""
    from reflect.cli import main

    with pytest.raises(SystemExit):
        main(["search", "--min-intensity", value])
    assert "intensity is a whole number from 0 to 10" in capsys.readouterr().err


@pytest.fixture(scope="module")
def other_profile(tmp_path_factory) -> str:
    """Another profile's folder, sealed with the same passphrase under another key."""
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    data = tmp_path_factory.mktemp("other") / "data"
    info = ProfileService(AppPaths(data).ensure(), fast_kdf=True).create(PASSPHRASE, "Other")
    return str(info.directory)


@pytest.mark.parametrize("swapped", ["vault.json", "reflect.db"])
def test_another_profiles_file_swapped_in_is_damage_on_both_paths(
    swapped, other_profile, attack_base, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)

    def swap(data_dir: str) -> None:
        shutil.copy(os.path.join(other_profile, swapped), _in_profile(swapped)(data_dir))

    code, out, err, full_runs = both_ways(attack_base, tmp_path, capsys, swap)
    assert (code, out, full_runs) == (2, "", 1)
    assert "does not open with its own key" in err
