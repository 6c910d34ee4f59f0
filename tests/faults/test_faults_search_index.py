"""The search index out of step with the reflections: ``check`` reports it (exit 1) and
writes nothing; ``check --rebuild-index`` repairs it and changes no row of any table."""

from __future__ import annotations

import json

import pytest
from tests.faults.storage_helpers import PASSPHRASE, make_profile, row_counts, run

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.storage.search_index import INDEX

DAMAGE = {
    "entries lost": f"INSERT INTO {INDEX}({INDEX}) VALUES('delete-all')",
    "pages broken": f"DELETE FROM {INDEX}_data WHERE id > 10",
    "an entry too many": f"INSERT INTO {INDEX}(rowid, body) VALUES (99999, 'ghost')",
}


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    info = make_profile(tmp_path / "data", reflections=40)
    return tmp_path / "data", info


def _damage(data_dir, info, sql: str) -> None:
    session = ProfileService(AppPaths(data_dir), fast_kdf=True).unlock(info, PASSPHRASE)
    try:
        session.db.conn.execute(sql)
        session.db.conn.commit()
    finally:
        session.close()


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_check_reports_then_rebuild_index_repairs_without_changing_a_row(filled, capsys, how):
    data_dir, info = filled
    _damage(data_dir, info, DAMAGE[how])
    before = row_counts(info)
    base = ["--data-dir", str(data_dir), "check", "--json"]
    code, out, err = run(base, capsys)
    assert code == 1 and "Traceback" not in err
    assert json.loads(out)["search_index"]["problems"]
    assert row_counts(info) == before
    code, out, err = run([*base, "--rebuild-index"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] and report["search_index"]["rebuilt"]
    assert report["search_index"]["indexed"] == 40
    assert row_counts(info) == before
    code, out, _err = run(["--data-dir", str(data_dir), "search", "shift", "--json"], capsys)
    assert code == 0
