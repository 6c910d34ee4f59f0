"""Which automatic backups to keep: the newest 7 daily and 4 weekly copies (pure logic).

File names carry the period they stand for, so rotation needs no database and no clock
beyond "today": ``daily-2026-11-23.reflect-backup``, ``weekly-2026-W47.reflect-backup``.
Manual, pre-migration and pre-restore copies are never pruned automatically: the person
(or an upgrade) asked for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

BACKUP_SUFFIX = ".reflect-backup"
KEEP_DAILY = 7
KEEP_WEEKLY = 4

_NAME = re.compile(
    r"^(?P<kind>daily|weekly|manual|pre-migration|pre-restore)-(?P<stamp>[0-9A-Za-z-]+)"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)


@dataclass(frozen=True)
class BackupName:
    kind: str  # daily, weekly, manual, pre-migration or pre-restore
    stamp: str  # 2026-11-23, 2026-W47 or 20261123T101500

    @property
    def filename(self) -> str:
        return f"{self.kind}-{self.stamp}{BACKUP_SUFFIX}"

    @property
    def is_rotated(self) -> bool:
        return self.kind in ("daily", "weekly")


def daily_name(day: date) -> BackupName:
    return BackupName("daily", day.isoformat())


def weekly_name(day: date) -> BackupName:
    year, week, _ = day.isocalendar()
    return BackupName("weekly", f"{year}-W{week:02d}")


def parse_backup_name(filename: str) -> BackupName | None:
    found = _NAME.match(filename)
    if not found:
        return None
    return BackupName(found.group("kind"), found.group("stamp"))


def to_prune(
    filenames: list[str], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[str]:
    """The rotated backups beyond the newest ``keep_daily`` daily and ``keep_weekly`` weekly.

    Stamps sort chronologically as text (ISO dates and ISO weeks), so no parsing is needed.
    """
    prune: list[str] = []
    for kind, keep in (("daily", keep_daily), ("weekly", keep_weekly)):
        names = sorted(
            (n for n in map(parse_backup_name, filenames) if n is not None and n.kind == kind),
            key=lambda n: n.stamp,
            reverse=True,
        )
        prune.extend(n.filename for n in names[keep:])
    return sorted(prune)
