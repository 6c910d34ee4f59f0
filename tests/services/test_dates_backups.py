"""Backups named by the clock: a repeated hour or a clock set back never replaces one.

On the night clocks go back, 02:30:15 happens twice; a clock corrected by hand can show a
time already used. A manual backup named from that time must be kept beside the earlier one,
never written over it.
"""

from __future__ import annotations

from datetime import datetime

from reflect.services import backups
from reflect.services.backups import backup_now, backups_dir, list_backups


class _SameSecond(datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return cls(2026, 10, 25, 2, 30, 15)


def test_two_manual_backups_in_the_same_clock_second_are_both_kept(session, monkeypatch):
    monkeypatch.setattr(backups, "datetime", _SameSecond)
    first = backup_now(session).written[0]
    session.journal.save(session.journal.new_reflection("free_write"))
    second = backup_now(session).written[0]
    assert first != second
    assert first.exists() and second.exists()
    names = sorted(p.name for p in backups_dir(session.profile).iterdir() if p.suffix != ".json")
    assert len([n for n in names if n.startswith("manual-20261025T023015")]) == 2, names
    assert {b.path for b in list_backups(session.profile)} >= {first, second}
