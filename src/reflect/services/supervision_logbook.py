"""The supervision logbook: hours of supervision, session ratings and team hot debriefs.

What is written down about sessions, apart from the packets and replies exchanged
(services/supervision.py, which holds one as ``SupervisionService.log``): none of it
travels in a file, except a rating a provider chooses to send with a packet. Hours and
ratings may name a supervisee of the record; a hot debrief names no one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reflect.domain.errors import ValidationError
from reflect.domain.supervision import (
    HotDebrief,
    HoursEntry,
    SessionRating,
    check_hot_debrief,
    check_hours,
    check_rating,
    hours_totals,
)

if TYPE_CHECKING:
    from reflect.storage.supervision_log import SupervisionLogRepository
    from reflect.storage.supervision_record import SupervisionRecordRepository


class SupervisionLogbook:
    def __init__(
        self,
        record: SupervisionRecordRepository,
        log: SupervisionLogRepository,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._record = record
        self._log = log
        self._clock = clock

    def add_hours(self, entry: HoursEntry) -> int:
        check_hours(entry)
        if entry.supervisee_id is not None and self._record.supervisee(entry.supervisee_id) is None:
            raise ValidationError("That supervisee is not in this profile.")
        return self._log.add_hours(entry)

    def hours(self) -> list[HoursEntry]:
        return self._log.hours()

    def delete_hours(self, entry_id: int) -> None:
        self._log.delete_hours(entry_id)

    def hours_totals(self) -> list[dict[str, Any]]:
        names = {p.id: p.name for p in self._record.supervisees()}
        return [
            {
                "supervisee": names.get(sid, "") if sid is not None else "",
                "year": year,
                "minutes": minutes,
                "hours": round(minutes / 60, 2),
            }
            for (sid, year), minutes in hours_totals(self.hours()).items()
        ]

    def hours_csv(self) -> bytes:
        """The hours log as CSV (UTF-8 with a byte-order mark so spreadsheets read accents)."""
        names = {p.id: p.name for p in self._record.supervisees()}
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["date", "minutes", "hours", "kind", "format", "supervisee", "note"])
        for e in self.hours():
            name = names.get(e.supervisee_id, "") if e.supervisee_id is not None else ""
            writer.writerow(
                [
                    e.held_on.isoformat(),
                    e.minutes,
                    f"{e.minutes / 60:.2f}",
                    e.kind,
                    e.format,
                    _cell(name),
                    _cell(e.note),
                ]
            )
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    def rate(self, rating: SessionRating) -> int:
        scores = check_rating(rating.scores)
        if len(rating.comment) > 2000:
            raise ValidationError("Please keep the comment under 2,000 characters.")
        return self._log.add_rating(
            SessionRating(
                rating.rated_on,
                scores,
                rating.role,
                rating.supervisee_id,
                rating.debrief_id,
                rating.comment,
            )
        )

    def ratings(self, role: str | None = None) -> list[SessionRating]:
        return self._log.ratings(role)

    def save_hot_debrief(self, item: HotDebrief) -> int:
        return self._log.save_hot_debrief(check_hot_debrief(item))

    def hot_debriefs(self) -> list[HotDebrief]:
        return self._log.hot_debriefs()

    def due_follow_up_checks(self, today: date | None = None) -> list[tuple[HotDebrief, str, date]]:
        today = today or self._clock().date()
        return [
            (item, label, due)
            for item in self.hot_debriefs()
            for label, due in item.due_checks(today)
        ]


def _cell(text: str) -> str:
    """A spreadsheet must not read a note as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
