"""Exports: encrypted by default, plain only when confirmed, atomic and owner-only."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date, datetime

import pytest

from reflect.domain.errors import ValidationError, WrongPassphrase
from reflect.domain.reflection import FollowUp, Reflection
from reflect.services.export import PlainTextNotConfirmed, export_profile
from reflect.storage.archive import open_archive

MARKER = "quokka-export-marker"
ARCHIVE_PASS = "archive passphrase for tests"


@pytest.fixture
def filled(session):
    session.journal.save(
        Reflection(
            "quick",
            datetime(2026, 2, 3, 18, 30),
            setting="shelter",
            tags=["night"],
            intensity=6,
            answers={"what_happened": f"A long evening {MARKER}", "keep": "Pausing first"},
            follow_ups=[FollowUp("Ask about the rota", due=date(2026, 2, 10))],
        )
    )
    session.checkins.record({"emotional.flat": 2}, sleep=3, energy=2, taken_at=datetime(2026, 2, 4))
    return session


def test_plain_formats_need_confirmation(filled, tmp_path):
    for name in ("json", "csv", "markdown"):
        with pytest.raises(PlainTextNotConfirmed, match="NOT encrypted"):
            export_profile(filled, name, tmp_path / f"out-{name}")
    assert list(tmp_path.glob("out-*")) == []
    with pytest.raises(ValidationError, match="Unknown export format"):
        export_profile(filled, "pdf", tmp_path / "x")


def test_json_export_has_every_table_decoded(filled, tmp_path):
    report = export_profile(filled, "json", tmp_path / "all", plain_ok=True)
    assert report.path.name == "all.json"
    assert report.path.stat().st_mode & 0o777 == 0o600
    data = json.loads(report.path.read_text(encoding="utf-8"))
    assert data["format"] == "reflect-export/1"
    tables = data["tables"]
    assert {"reflections", "follow_ups", "checkins", "instrument_results", "plan"} <= set(tables)
    assert not any(name.startswith("reflections_fts") for name in tables)
    (row,) = tables["reflections"]
    assert row["tags"] == ["night"] and MARKER in row["answers"]["what_happened"]
    assert tables["follow_ups"][0]["text"] == "Ask about the rota"
    assert report.counts["checkins"] == 1
    assert not list(tmp_path.glob(".*part"))


def test_csv_export_is_a_zip_of_tables(filled, tmp_path):
    report = export_profile(filled, "csv", tmp_path / "tables.zip", plain_ok=True)
    assert report.path.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(report.path) as archive:
        assert "reflections.csv" in archive.namelist()
        rows = list(csv.DictReader(io.StringIO(archive.read("reflections.csv").decode())))
    assert rows[0]["setting"] == "shelter" and json.loads(rows[0]["tags"]) == ["night"]


def test_markdown_export_reads_like_a_journal(filled, tmp_path):
    report = export_profile(filled, "markdown", tmp_path / "journal.md", plain_ok=True)
    text = report.path.read_text(encoding="utf-8")
    assert "not encrypted" in text
    assert "2026-02-03 18:30 · Quick · shelter" in text
    assert "One thing I did that I want to keep doing" in text and "Pausing first" in text
    assert "- [ ] Ask about the rota (due 2026-02-10)" in text
    assert "# Check-ins" in text


def test_archive_is_encrypted_and_opens_only_with_its_passphrase(filled, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ValidationError, match="own passphrase"):
        export_profile(filled, "archive", tmp_path / "short", archive_passphrase="short")
    report = export_profile(filled, "archive", tmp_path / "mine", archive_passphrase=ARCHIVE_PASS)
    assert report.path.name == "mine.reflect-archive" and not report.plain
    assert report.path.stat().st_mode & 0o777 == 0o600
    raw = report.path.read_bytes()
    assert MARKER.encode() not in raw and b"SQLite format 3" not in raw
    with pytest.raises(WrongPassphrase):
        open_archive(report.path, "not the archive passphrase", tmp_path)
    opened = open_archive(report.path, ARCHIVE_PASS, tmp_path)
    try:
        assert opened.db.execute("SELECT count(*) FROM reflections").fetchone()[0] == 1
    finally:
        opened.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.reflect-archive"]


def test_export_through_a_separate_connection_sees_committed_data(filled, tmp_path):
    from reflect.services.worker_session import separate_session

    with separate_session(filled) as reader:
        report = export_profile(reader, "json", tmp_path / "r.json", plain_ok=True)
    assert report.counts["reflections"] == 1
    assert filled.is_open  # the GUI's session is untouched
    assert filled.journal.count() == 1
