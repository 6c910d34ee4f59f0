"""Exposure and recovery use cases: log a shift, mark breaks, offer and keep self-checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import (
    Break,
    ShiftLog,
    WeekExposure,
    clean_outline,
    daily_load,
    weekly_exposure,
)
from reflect.domain.exposure_summary import exposure_summary
from reflect.domain.recovery import (
    DISMISSED,
    DONE,
    SelfCheck,
    closed,
    days_since_break,
    due_checks,
    moved,
    next_offer,
    plan_self_checks,
)
from reflect.domain.words import ENGLISH, Words
from reflect.services.events import ChangeFeed, announcer

EARLIEST_DAY = date(2000, 1, 1)
# The person's choices, kept with the other settings inside the encrypted profile. All are
# off when unset: Home shows no count of days, nothing is inferred, self-checks are offered.
RECOVERY_ON_HOME = "exposure_recovery_on_home"
INFER_BREAKS = "exposure_infer_breaks"
NO_SELF_CHECKS_SETTING = "exposure_no_self_checks"


@dataclass(frozen=True)
class ExposureView:
    """What the Exposure tab and the exposure calendar draw for one range."""

    start: date
    end: date
    weeks: list[WeekExposure]
    breaks: list[Break]
    daily: dict[date, float]


AFTER_WORK_HELPED_MAX = 300


class ExposureStore(Protocol):
    def add_shift(self, log: ShiftLog, checks: Iterable[SelfCheck] = ()) -> ShiftLog: ...
    def add_shifts(self, logs: Iterable[ShiftLog]) -> int: ...
    def update_shift(self, log: ShiftLog) -> ShiftLog: ...
    def delete_shift(self, shift_id: int) -> None: ...
    def get_shift(self, shift_id: int) -> ShiftLog: ...
    def link_reflection(self, shift_ids: Iterable[int], reflection_id: int | None) -> None: ...
    def shifts(self, since: date | None = None, until: date | None = None) -> list[ShiftLog]: ...
    def shifts_for_reflection(self, reflection_id: int) -> list[ShiftLog]: ...
    def shift_count(self) -> int: ...
    def add_break(self, span: Break) -> Break: ...
    def add_breaks(self, spans: Iterable[Break]) -> int: ...
    def delete_break(self, break_id: int) -> None: ...
    def breaks(self, since: date | None = None, until: date | None = None) -> list[Break]: ...
    def add_checks(self, checks: Iterable[SelfCheck]) -> int: ...
    def save_check(self, check: SelfCheck) -> SelfCheck: ...
    def get_check(self, check_id: int) -> SelfCheck: ...
    def checks(self, *, pending_only: bool = False) -> list[SelfCheck]: ...
    def add_after_work(self, taken_at: datetime, switched_off: int | None, helped: str) -> int: ...
    def delete_after_work(self, check_id: int) -> None: ...
    def after_work(
        self, since: datetime | None = None
    ) -> list[tuple[datetime, int | None, str]]: ...


class ExposureService:
    def __init__(
        self,
        repository: ExposureStore,
        clock: Callable[[], datetime] = datetime.now,
        *,
        changes: ChangeFeed | None = None,
    ) -> None:
        self._announce = announcer(changes)
        self._repository = repository
        self._clock = clock

    # --- shifts -----------------------------------------------------------------------------

    def log_shift(
        self,
        *,
        day: date | None = None,
        hours: float | None = None,
        encounters: int | None = None,
        disclosures: int | None = None,
        material: int | None = None,
        crises: int | None = None,
        critical: bool = False,
        outline: str = "",
        reflection_id: int | None = None,
        self_checks: bool = False,
    ) -> ShiftLog:
        """Validate and save one shift; with ``self_checks`` (only for a critical incident,
        and only when the person said yes) the two follow-ups are saved with it."""
        now = self._clock()
        day = day or now.date()
        if day > now.date():
            raise ValidationError("A shift cannot be logged for a day that has not come yet.")
        if day < EARLIEST_DAY:
            raise ValidationError("That date is too far in the past.")
        log = ShiftLog(
            day=day,
            hours=None if hours is None else round(float(hours), 2),
            encounters=encounters,
            disclosures=disclosures,
            material=material,
            crises=crises,
            critical=critical,
            outline=clean_outline(outline) if critical else "",
            reflection_id=reflection_id,
            created_at=now.replace(microsecond=0),
        )
        if log.is_empty:
            raise ValidationError(
                "Nothing to log yet: fill in at least one number or mark a critical incident."
            )
        checks = plan_self_checks(day) if (critical and self_checks) else []
        saved = self._repository.add_shift(log, checks)
        self._announce("exposure_changed")
        return saved

    def add_shifts(self, logs: Iterable[ShiftLog]) -> int:
        count = self._repository.add_shifts(logs)
        self._announce("exposure_changed")
        return count

    def link_reflection(self, shift_ids: Iterable[int], reflection_id: int) -> None:
        """Shifts logged while a new reflection was being written belong to it once saved."""
        self._repository.link_reflection(list(shift_ids), reflection_id)

    def delete_shift(self, shift_id: int) -> None:
        self._repository.delete_shift(shift_id)
        self._announce("exposure_changed")

    def shifts(self, since: date | None = None, until: date | None = None) -> list[ShiftLog]:
        return self._repository.shifts(since, until)

    def shifts_for_reflection(self, reflection_id: int) -> list[ShiftLog]:
        return self._repository.shifts_for_reflection(reflection_id)

    def count(self) -> int:
        return self._repository.shift_count()

    def weekly(self, start: date, end: date) -> list[WeekExposure]:
        return weekly_exposure(self._repository.shifts(start, end), start, end)

    def view(self, start: date | None, end: date) -> ExposureView:
        """One read of the range's shifts and breaks (``start`` None: from the first one)."""
        logs = self._repository.shifts(start, end)
        breaks = self._repository.breaks(start, end)
        if start is None:
            firsts = [log.day for log in logs[:1]] + [b.start for b in breaks[:1]]
            start = min(firsts) if firsts else end
        return ExposureView(
            start,
            end,
            weekly_exposure(logs, start, end),
            breaks,
            daily_load(logs, start, end),
        )

    def summary(
        self,
        start: date,
        end: date,
        signs: Mapping[date, float],
        words: Words = ENGLISH,
    ) -> str:
        return exposure_summary(
            self.weekly(start, end), signs, self._repository.breaks(start, end), words
        )

    # --- breaks -----------------------------------------------------------------------------

    def mark_break(self, start: date, end: date | None = None, kind: str = "day_off") -> Break:
        added = self._repository.add_break(Break(start, end or start, kind))
        self._announce("exposure_changed")
        return added

    def add_breaks(self, spans: Iterable[Break]) -> int:
        count = self._repository.add_breaks(spans)
        self._announce("exposure_changed")
        return count

    def delete_break(self, break_id: int) -> None:
        self._repository.delete_break(break_id)
        self._announce("exposure_changed")

    def breaks(self, since: date | None = None, until: date | None = None) -> list[Break]:
        return self._repository.breaks(since, until)

    def days_since_break(self, today: date | None = None, *, infer: bool = False) -> int | None:
        today = today or self._clock().date()
        logs = self._repository.shifts(None, today) if infer else []
        return days_since_break(today, self._repository.breaks(None, today), logs, infer=infer)

    # --- self-checks after a critical incident ----------------------------------------------

    def offer_self_checks(self, shift_id: int) -> list[SelfCheck]:
        """The person said yes after logging: plan both checks from the incident's day."""
        log = self._repository.get_shift(shift_id)
        if not log.critical:
            raise ValidationError("Self-checks are offered after a critical incident only.")
        existing = [c for c in self._repository.checks() if c.shift_id == shift_id]
        if existing:
            return existing
        self._repository.add_checks(plan_self_checks(log.day, shift_id))
        return [c for c in self._repository.checks() if c.shift_id == shift_id]

    def add_self_checks(self, checks: Iterable[SelfCheck]) -> int:
        """Many at once, as planned elsewhere (demo data)."""
        return self._repository.add_checks(checks)

    def self_checks(self, *, pending_only: bool = False) -> list[SelfCheck]:
        return self._repository.checks(pending_only=pending_only)

    def due_self_checks(self, now: datetime | None = None) -> list[SelfCheck]:
        return due_checks(self._repository.checks(pending_only=True), now or self._clock())

    def next_self_check(self, now: datetime | None = None) -> datetime | None:
        return next_offer(self._repository.checks(pending_only=True), now or self._clock())

    def complete_self_check(
        self, check_id: int, answers: Mapping[str, int] | None = None
    ) -> SelfCheck:
        check = self._repository.get_check(check_id)
        return self._repository.save_check(
            closed(check, DONE, self._clock().replace(microsecond=0), dict(answers or {}))
        )

    def dismiss_self_check(self, check_id: int) -> SelfCheck:
        check = self._repository.get_check(check_id)
        return self._repository.save_check(closed(check, DISMISSED, self._clock()))

    def move_self_check(self, check_id: int, new_due: date) -> SelfCheck:
        check = self._repository.get_check(check_id)
        return self._repository.save_check(moved(check, new_due, self._clock().date()))

    def dismiss_all_self_checks(self) -> int:
        """'Turn them off': every pending check is closed, nothing else changes."""
        pending = self._repository.checks(pending_only=True)
        for check in pending:
            self._repository.save_check(closed(check, DISMISSED, self._clock()))
        return len(pending)

    # --- after-work check -------------------------------------------------------------------

    def record_after_work(self, switched_off: int | None, helped: str = "") -> int:
        """Did I manage to switch off (0 not at all ... 4 completely), and what helped."""
        helped = " ".join(helped.split())
        if switched_off is not None and not 0 <= switched_off <= 4:
            raise ValidationError("Switching off is rated from 0 to 4.")
        if len(helped) > AFTER_WORK_HELPED_MAX:
            raise ValidationError(
                "What helped is limited to {count} characters.", count=AFTER_WORK_HELPED_MAX
            )
        if switched_off is None and not helped:
            raise ValidationError("Nothing to save in the after-work check.")
        return self._repository.add_after_work(
            self._clock().replace(microsecond=0), switched_off, helped
        )

    def delete_after_work(self, check_id: int) -> None:
        """Undo, together with the check-in it was saved with."""
        self._repository.delete_after_work(check_id)

    def after_work(self, since: datetime | None = None) -> list[tuple[datetime, int | None, str]]:
        return self._repository.after_work(since)
