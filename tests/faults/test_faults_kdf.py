"""Issue 13 item 7: key-derivation settings from any file are bounded; zip bombs are refused.

A manifest asking for 10^6 passes must be refused at once (not after hours of hashing), one
asking for 2^32 KiB must be a clear error, and an archive whose database would expand far
beyond its size must be refused from the zip directory, before anything is expanded.
"""

from __future__ import annotations

import json
import time
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import (
    ARCHIVE_PASS,
    GOOD_ROWS,
    PASSPHRASE,
    assert_one_clean_line,
    build_archive,
    row_counts,
    run,
)

from reflect.domain.errors import VaultError
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.storage.database import close_database, open_database
from reflect.storage.kdf import (
    BOUNDS,
    MAX_MEMORY_KIB,
    MAX_PARALLELISM,
    MAX_TIME_COST,
    KdfParams,
    check_kdf_settings,
)

GOOD = {"memory_kib": 19456, "time_cost": 2, "parallelism": 1, "salt_hex": "ab" * 16}

weird = (
    st.integers(-(2**70), 2**70)
    | st.sampled_from([10**6, 2**32, 2**31, 0, -1, 1, 17, 16, 21, 20, 19456, 1024**2 + 1])
    | st.booleans()
    | st.floats(allow_nan=True)
    | st.text(max_size=8)
    | st.none()
    | st.lists(st.integers(), max_size=2)
)


@settings(max_examples=200, deadline=None)
@given(
    changes=st.dictionaries(
        st.sampled_from(["memory_kib", "time_cost", "parallelism", "salt_hex", "algorithm"]),
        weird,
        max_size=3,
    ),
    drop=st.sets(st.sampled_from(sorted(GOOD)), max_size=2),
)
def test_any_settings_give_params_in_range_or_one_clear_error(changes, drop):
    data = {k: v for k, v in {**GOOD, **changes}.items() if k not in drop}
    try:
        params = check_kdf_settings(data, "manifest.json")
    except VaultError as exc:
        message = str(exc)
        assert "manifest.json" in message and len(message) < 300
        return
    for name, (low, high) in BOUNDS.items():
        assert low <= getattr(params, name) <= high
    assert 16 <= len(bytes.fromhex(params.salt_hex)) <= 64


@pytest.mark.parametrize(
    "changes",
    [
        {"time_cost": 10**6},
        {"memory_kib": 2**32},
        {"parallelism": 0},
        {"parallelism": 64},
        {"memory_kib": 1024},
        {"time_cost": True},
        {"salt_hex": "zz"},
        {"salt_hex": "ab" * 2000},
        {"memory_kib": "65536"},
        {"algorithm": "md5"},
    ],
)
def test_out_of_range_settings_are_refused(changes):
    with pytest.raises(VaultError):
        KdfParams.from_dict({**GOOD, **changes}, "x")


def test_what_reflect_writes_is_inside_the_bounds():
    assert KdfParams.floor()
    limit = {**GOOD, "memory_kib": MAX_MEMORY_KIB, "time_cost": MAX_TIME_COST}
    assert check_kdf_settings({**limit, "parallelism": MAX_PARALLELISM}).time_cost == 20


@pytest.fixture(scope="module")
def shared_target(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults-kdf")
    paths = AppPaths(folder / "data").ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "Target")
    session = service.unlock(info, PASSPHRASE)
    key = bytearray(session.key)
    session.close()
    passfile = folder / "archive-pass.txt"
    passfile.write_text(ARCHIVE_PASS, encoding="utf-8")
    return paths, info, key, passfile


@pytest.fixture
def target(shared_target, monkeypatch):
    paths, info, key, passfile = shared_target
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)

    def counts():
        db = open_database(info.db_path, key)
        try:
            return row_counts(db)
        finally:
            close_database(db)

    argv = ["--data-dir", str(paths.data_dir), "import"]
    return argv, ["--archive-passphrase-file", str(passfile)], counts, info


def _rewrite(archive, out, manifest=None, extra=(), database=None, compress=zipfile.ZIP_STORED):
    with zipfile.ZipFile(archive) as source:
        old_manifest = json.loads(source.read("manifest.json"))
        db_bytes = source.read("reflect.db")
    with zipfile.ZipFile(out, "w", compression=compress) as zf:
        zf.writestr("manifest.json", json.dumps(manifest or old_manifest))
        zf.writestr("reflect.db", db_bytes if database is None else database)
        for name, data in extra:
            zf.writestr(name, data)
    return out, old_manifest


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kdf-archive")
    return build_archive(folder, {"reflections": [GOOD_ROWS["reflections"]]})


@pytest.mark.parametrize(
    ("kdf_change", "expected"),
    [({"time_cost": 10**6}, "time_cost"), ({"memory_kib": 2**32}, "memory_kib")],
)
def test_a_hostile_manifest_is_refused_at_once(
    target, archive, tmp_path, capsys, kdf_change, expected
):
    argv, secret, counts, info = target
    _, manifest = _rewrite(archive, tmp_path / "probe.zip")
    manifest["kdf"].update(kdf_change)
    bad, _ = _rewrite(archive, tmp_path / "bad.reflect-archive", manifest=manifest)
    before = counts()
    start = time.monotonic()
    code, _, err = run([*argv, str(bad), *secret], capsys)
    assert time.monotonic() - start < 5
    assert code == 2
    line = assert_one_clean_line(err)
    assert expected in line and "archive manifest" in line
    assert counts() == before
    assert not [
        p for p in info.directory.glob(".*") if p.name.startswith((".archive-", ".reflect-"))
    ]


@pytest.mark.parametrize(
    "case", ["bomb", "members", "traversal", "absolute", "lying_size"], ids=str
)
def test_hostile_zip_structures_are_refused_before_expanding(
    target, archive, tmp_path, capsys, case
):
    argv, secret, counts, info = target
    out = tmp_path / f"{case}.reflect-archive"
    if case == "bomb":  # 64 MB of zeros deflate to about 64 KB
        _rewrite(archive, out, database=bytes(64 * 1024 * 1024), compress=zipfile.ZIP_DEFLATED)
    elif case == "members":
        _rewrite(archive, out, extra=[(f"x{i}", b"") for i in range(20)])
    elif case == "traversal":
        _rewrite(archive, out, extra=[("../../outside.txt", b"x")])
    elif case == "absolute":
        _rewrite(archive, out, extra=[("/tmp/outside.txt", b"x")])
    else:  # the directory says 100 bytes, the data is longer: zipfile must not read on
        _rewrite(archive, out)
        raw = bytearray(out.read_bytes())
        start = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"reflect.db"))
        central = raw.find(b"reflect.db", start) - 46
        raw[central + 24 : central + 28] = (100).to_bytes(4, "little")
        out.write_bytes(bytes(raw))
    before = counts()
    code, _, err = run([*argv, str(out), *secret], capsys)
    assert code == 2, err
    line = assert_one_clean_line(err)
    expected = {"bomb": "expand", "members": "holds 22 files", "lying_size": "damaged"}
    assert expected.get(case, "unsafe name") in line, line
    assert counts() == before
    assert not [
        p for p in info.directory.glob(".*") if p.name.startswith((".archive-", ".reflect-"))
    ]
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.parametrize("change", [{"time_cost": 10**6}, {"memory_kib": 2**32}])
def test_a_vault_asking_for_huge_settings_is_refused_at_once(paths, capsys, monkeypatch, change):
    info = ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "Vault")
    vault = json.loads(info.vault_path.read_text(encoding="utf-8"))
    vault["passphrase"]["kdf"].update(change)
    info.vault_path.write_text(json.dumps(vault), encoding="utf-8")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    start = time.monotonic()
    code, _, err = run(["--data-dir", str(paths.data_dir), "search", "x"], capsys)
    assert time.monotonic() - start < 5
    assert code == 2
    assert next(iter(change)) in assert_one_clean_line(err)


@pytest.mark.parametrize(
    "manifest",
    [
        "[" * 60_000,
        '{"format": "' + "x" * 60_000 + '"}',
        '{"format": "reflect-archive/1", "kdf": ' + "9" * 5000 + "}",
        '{"format": "reflect-archive/1", "kdf": "cheap"}',
        '{"format": "reflect-archive/1", "kdf": {"memory_kib": 1e400}}',
        "\udcff",
    ],
    ids=["deep", "long_format", "digits", "kdf_text", "infinity", "not_utf8"],
)
def test_a_damaged_manifest_gives_one_short_line(target, archive, tmp_path, capsys, manifest):
    argv, secret, counts, info = target
    out = tmp_path / "manifest.reflect-archive"
    with zipfile.ZipFile(archive) as source:
        db_bytes = source.read("reflect.db")
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", manifest.encode("utf-8", "surrogateescape"))
        zf.writestr("reflect.db", db_bytes)
    before = counts()
    code, _, err = run([*argv, str(out), *secret], capsys)
    assert code == 2
    line = assert_one_clean_line(err)
    assert "manifest.reflect-archive" in line and "passphrase was changed" not in line
    assert counts() == before


@pytest.mark.parametrize(
    "vault",
    ["[" * 100_000, '{"display_name": ' + "9" * 5000 + "}", '{"display_name": "\\ud800"}'],
    ids=["deep", "digits", "surrogate"],
)
def test_one_hostile_vault_does_not_hide_the_other_profiles(paths, capsys, monkeypatch, vault):
    from reflect.domain.profile import list_profile_infos

    service = ProfileService(paths, fast_kdf=True)
    good = service.create(PASSPHRASE, "Good")
    bad = service.create(PASSPHRASE, "Bad")
    bad.vault_path.write_text(vault, encoding="utf-8")
    listed = {info.profile_id: info for info in list_profile_infos(paths.profiles_dir)}
    # The good profile is listed as usual; the hostile one stays listed by its folder name
    # (so unlocking can say it is damaged) without its contents being trusted.
    assert set(listed) == {good.profile_id, bad.profile_id}
    assert listed[good.profile_id].display_name == "Good"
    assert listed[bad.profile_id].display_name == bad.profile_id
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    argv = ["--data-dir", str(paths.data_dir), "search", "x", "--profile", good.profile_id]
    code, _, err = run(argv, capsys)
    assert code == 0, err
