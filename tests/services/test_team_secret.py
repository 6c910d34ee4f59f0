"""The per-profile team secret behind the month tokens: made on first contribution, kept only
inside the encrypted profile (archives and backups carry it), never in a plain export."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from datetime import date

import pytest

from reflect.domain.team_contribution import SECRET_SETTING, ContributionError, month_token
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from reflect.services.team_contribute import build_contribution, team_secret, write_contribution
from tests.conftest import PASSPHRASE

ARCHIVE_PASS = "archive passphrase for tests"


def test_one_person_gets_the_same_token_per_month_in_every_file(session):
    assert session.settings.get(SECRET_SETTING) is None
    march = build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    april = build_contribution(session, "2026-02", "2026-04", today=date(2026, 4, 20))
    stored = session.settings.get(SECRET_SETTING)
    assert isinstance(stored, str) and len(bytes.fromhex(stored)) == 32
    assert march.contributor != april.contributor  # the file id stays random
    tokens = {m.month: m.token for m in march.months}
    later = {m.month: m.token for m in april.months}
    assert tokens["2026-02"] == later["2026-02"] and tokens["2026-03"] == later["2026-03"]
    assert len(set(tokens.values())) == 3  # different months, unrelated tokens
    assert tokens["2026-02"] == month_token(bytes.fromhex(stored), "2026-02")
    assert session.settings.get(SECRET_SETTING) == stored  # made once


def test_two_profiles_have_unrelated_tokens(profile_service, session):
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        assert team_secret(other.settings) != team_secret(session.settings)
    finally:
        other.close()


def test_the_secret_never_leaves_in_a_plain_export(session, tmp_path):
    build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    secret = session.settings.get(SECRET_SETTING)
    session.settings.set("theme", "dark")  # other settings still travel
    for name in ("json", "csv", "markdown"):
        report = export_profile(session, name, tmp_path / f"out-{name}", plain_ok=True)
        raw = report.path.read_bytes()
        if name == "csv":
            with zipfile.ZipFile(report.path) as archive:
                raw = b"".join(archive.read(n) for n in archive.namelist())
        assert secret.encode() not in raw, name
        assert SECRET_SETTING.encode() not in raw, name
    data = json.loads((tmp_path / "out-json.json").read_text(encoding="utf-8"))
    assert {"key": "theme", "value": '"dark"'} in data["tables"]["settings"]


def test_an_archive_carries_the_secret_to_a_new_profile(profile_service, session, tmp_path):
    mine = build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Moved"), PASSPHRASE)
    try:
        import_file(other, archive.path, ARCHIVE_PASS)
        assert other.settings.get(SECRET_SETTING) == session.settings.get(SECRET_SETTING)
        moved = build_contribution(other, "2026-03", "2026-04", today=date(2026, 4, 2))
        assert moved.months[0].token == mine.months[-1].token  # still counted once
    finally:
        other.close()


def test_a_backup_restores_the_secret(profile_service, profile):
    from reflect.services.backups import backup_now, restore_backup

    session = profile_service.unlock(profile, PASSPHRASE)
    build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    secret = session.settings.get(SECRET_SETTING)
    backup = backup_now(session).written[0]
    session.settings.set(SECRET_SETTING, "00" * 32)
    session.close()
    restore_backup(profile, backup, PASSPHRASE)
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert session.settings.get(SECRET_SETTING) == secret
    finally:
        session.close()


def test_a_malformed_kept_secret_is_refused_not_replaced(session):
    from reflect.domain.errors import ReflectError

    session.settings.set(SECRET_SETTING, "not hex")
    with pytest.raises(ReflectError):
        build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    assert session.settings.get(SECRET_SETTING) == "not hex"


@pytest.mark.parametrize(
    "spoil",
    [
        lambda months: months[1].pop("token"),
        lambda months: months[1].update(token="Z" * 32),
        lambda months: months[1].update(token=months[0]["token"]),
        lambda months: months[1].update(token=months[1]["token"] + "\n"),
    ],
    ids=["missing", "bad", "repeated", "trailing-newline"],
)
def test_a_hostile_v2_file_in_a_batch_keeps_nothing(session, tmp_path, spoil):
    good = build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    write_contribution(good, tmp_path / "good.json")
    data = good.to_json()
    spoil(data["months"])
    (tmp_path / "spoilt.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContributionError, match="spoilt.json"):
        session.team.import_files([tmp_path / "good.json", tmp_path / "spoilt.json"])
    assert session.team.contribution_count() == 0


def test_a_kept_v2_file_keeps_its_tokens(session, tmp_path):
    mine = build_contribution(session, "2026-01", "2026-03", today=date(2026, 3, 20))
    write_contribution(mine, tmp_path / "mine.json")
    session.team.import_files([tmp_path / "mine.json"])
    (kept,) = session.team._repository.contributions()
    assert kept == mine and all(m.token for m in kept.months)


def test_an_archive_with_a_broken_secret_is_refused(profile_service, session, tmp_path):
    from reflect.domain.errors import ReflectError

    session.settings.set(SECRET_SETTING, "0" * 63)
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        with pytest.raises(ReflectError, match="team_secret must be 64 hexadecimal"):
            import_file(other, archive.path, ARCHIVE_PASS)
        assert other.settings.get(SECRET_SETTING) is None
    finally:
        other.close()


def test_the_demo_team_writes_format_2_with_one_secret_per_person():
    from reflect.domain.team_contribution import FORMAT_V2
    from reflect.domain.team_summary import summarise
    from reflect.services.demo_team import demo_contributions

    team = demo_contributions(8, date(2026, 6, 15))
    assert all(c.format == FORMAT_V2 for c in team)
    last_months = {c.months[-1].token for c in team}
    assert len(last_months) == 8  # one secret each: unrelated tokens for the same month
    assert summarise(team).contributors == 8
    # The same people sending again under fresh file ids are still eight.
    again = [dataclasses.replace(c, contributor=f"{i:032x}") for i, c in enumerate(team)]
    assert summarise(team + again).contributors == 8
