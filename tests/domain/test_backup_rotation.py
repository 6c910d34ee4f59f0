from __future__ import annotations

from datetime import date, timedelta

from reflect.domain.backup_rotation import (
    daily_name,
    parse_backup_name,
    to_prune,
    weekly_name,
)


def test_names_round_trip():
    for name in (daily_name(date(2026, 1, 5)), weekly_name(date(2026, 1, 5))):
        assert parse_backup_name(name.filename) == name
    assert weekly_name(date(2026, 1, 1)).stamp == "2026-W01"
    assert parse_backup_name("notes.txt") is None
    assert parse_backup_name("daily-2026-01-05.reflect-backup.key.json") is None


def test_keeps_newest_seven_daily_and_four_weekly_and_never_manual_ones():
    start = date(2026, 1, 1)
    days = [start + timedelta(days=i) for i in range(40)]
    names = [daily_name(d).filename for d in days]
    names += sorted({weekly_name(d).filename for d in days})
    names += ["manual-20260101T101010.reflect-backup", "pre-migration-20260101T1.reflect-backup"]
    pruned = set(to_prune(names))
    kept = [n for n in names if n not in pruned]
    assert [n for n in kept if n.startswith("daily")] == [daily_name(d).filename for d in days[-7:]]
    assert len([n for n in kept if n.startswith("weekly")]) == 4
    assert weekly_name(days[-1]).filename in kept
    assert not any(n.startswith(("manual", "pre-")) for n in pruned)
