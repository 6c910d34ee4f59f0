"""Journal use cases: write, edit, delete (with undo) and find reflections; follow-ups; drafts.

No Qt here: the Reflect and Journal screens, the command line and the demo generator all use
this one service, so the rules (valid ranges, tidy tags, draft cleared on save) live once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from reflect.domain.errors import ValidationError
from reflect.domain.journal import JournalFilter, ReflectionSummary
from reflect.domain.kept_dates import is_kept
from reflect.domain.reflection import DEFAULT_SETTINGS, Draft, FollowUp, Reflection
from reflect.domain.reflection_merge import Merge, content, merge
from reflect.domain.templates import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    RATING_MAX,
    RATING_MIN,
    Template,
    TemplateLibrary,
    fallback_template,
)
from reflect.services.events import ChangeFeed, announcer

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.domain.journal_calendar import MonthMarks
    from reflect.storage.draft_repository import DraftRepository

Clock = Callable[[], datetime]
T = TypeVar("T")


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def clean_words(values: list[str]) -> list[str]:
    """Tags and feeling words: trimmed, lower-case, no duplicates, order kept."""
    seen: list[str] = []
    for value in values:
        word = " ".join(value.split()).strip(" ,;#").lower()
        if word and word not in seen:
            seen.append(word)
    return seen


class JournalService:
    def __init__(
        self,
        db: sqlite_utils.Database,
        templates: TemplateLibrary,
        clock: Clock = _now,
        *,
        changes: ChangeFeed | None = None,
        repair_index: bool = False,
    ) -> None:
        """``repair_index``: this session holds the writer lock, so a search that finds the
        full-text index broken may rebuild it."""
        from reflect.storage.reflection_repository import ReflectionRepository

        self._announce = announcer(changes)
        self._db = db
        self.templates = templates
        self._clock = clock
        self._reflections = ReflectionRepository(db)
        self._follow_ups = self._reflections.follow_ups
        self._repair_index = repair_index

    @cached_property
    def _drafts(self) -> DraftRepository:
        # Built when a draft is first touched: a command-line search never does.
        from reflect.storage.draft_repository import DraftRepository

        return DraftRepository(self._db)

    # --- templates -----------------------------------------------------------------------

    def template_for(self, reflection: Reflection) -> Template:
        """The reflection's template, or a plain stand-in if that template is gone."""
        found = self.templates.get(reflection.template_id)
        return found or fallback_template(reflection.template_id, reflection.answers)

    def new_reflection(self, template_id: str | None = None) -> Reflection:
        template = self.templates.get(template_id or "") or self.templates.default
        return Reflection(template_id=template.id, occurred_at=self._clock(), setting="outreach")

    # --- saving --------------------------------------------------------------------------

    def validate(self, reflection: Reflection) -> Reflection:
        """A tidied copy of ``reflection``, or ValidationError with a message for a person."""
        for moment in (reflection.occurred_at, *(f.due for f in reflection.follow_ups if f.due)):
            if not is_kept(moment):
                raise ValidationError(
                    "{value} is outside the years Reflect keeps (1900 to 2199).",
                    value=moment.isoformat(),
                )
        if (
            reflection.intensity is not None
            and not INTENSITY_MIN <= reflection.intensity <= INTENSITY_MAX
        ):
            raise ValidationError(
                "Emotional intensity goes from {low} to {high}.",
                low=INTENSITY_MIN,
                high=INTENSITY_MAX,
            )
        template = self.templates.get(reflection.template_id)
        answers = {k: v for k, v in reflection.answers.items() if v not in ("", None, [])}
        if template is not None:
            for field in template.fields():
                if field.type == "rating":
                    value = answers.get(f"{field.id}.rating")
                    if value is not None and (
                        not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX
                    ):
                        raise ValidationError(
                            "{label}: ratings go from {low} to {high}.",
                            label=field.label,
                            low=RATING_MIN,
                            high=RATING_MAX,
                        )
                if (
                    field.type == "choice"
                    and answers.get(field.id) is not None
                    and (answers[field.id] not in {o.id for o in field.options})
                ):
                    raise ValidationError(
                        "{label}: please pick one of the offered answers.", label=field.label
                    )
        setting = " ".join(reflection.setting.split()).lower() or "other"
        follow_ups = [
            replace(f, text=f.text.strip()) for f in reflection.follow_ups if f.text.strip()
        ]
        return replace(
            reflection,
            setting=setting,
            tags=clean_words(reflection.tags),
            feelings=clean_words(reflection.feelings),
            answers=answers,
            follow_ups=follow_ups,
        )

    def save(self, reflection: Reflection) -> Reflection:
        """Insert or update, and drop the autosaved draft in the same transaction."""
        clean = self.validate(reflection)
        with self._db.atomic():
            # A reflection deleted (say from the journal) while open in the editor is written
            # back under its old id rather than failing, so the edit is never lost.
            if clean.id is None or self._reflections.get(clean.id) is None:
                saved = self._reflections.add(clean, now=self._clock())
            else:
                saved = self._reflections.update(clean, now=self._clock())
            self._drafts.clear()
        self._announce("reflections_changed")
        return saved

    def get(self, reflection_id: int) -> Reflection | None:
        return self._reflections.get(reflection_id)

    def get_many(self, reflection_ids: Sequence[int]) -> dict[int, Reflection]:
        """Those of these reflections that still exist, by id (a debrief's shared ones)."""
        return self._reflections.get_many(reflection_ids)

    def stored_change(self, base: Reflection, edited: Reflection) -> Merge | None:
        """None when the stored reflection is still as the editor loaded it (``base``), the
        usual case, or is gone; else how ``edited`` and the stored copy combine."""
        stored = self._reflections.get(base.id) if base.id is not None else None
        if stored is None or content(stored) == content(base):
            return None
        return merge(base, self.validate(edited), stored)

    def delete(self, reflection_id: int) -> Reflection | None:
        """Delete for real; keep the returned object (in memory only) to offer undo."""
        deleted = self._reflections.delete(reflection_id)
        self._announce("reflections_changed")
        return deleted

    def undo_delete(self, deleted: Reflection) -> Reflection:
        """Put a deleted reflection back, with its id when that is still free."""
        keep_id = deleted.id is not None and self._reflections.get(deleted.id) is None
        restored = replace(
            deleted,
            id=deleted.id if keep_id else None,
            follow_ups=[replace(f, id=None, reflection_id=None) for f in deleted.follow_ups],
        )
        added = self._reflections.add(restored)
        self._announce("reflections_changed")
        return added

    # --- finding ---------------------------------------------------------------------------

    def search(
        self, criteria: JournalFilter | None = None, limit: int | None = None
    ) -> list[ReflectionSummary]:
        found = criteria or JournalFilter()
        return self._finding(found, lambda: self._reflections.search(found, limit=limit))

    def count_matching(self, criteria: JournalFilter) -> int:
        return self._finding(criteria, lambda: self._reflections.count_matching(criteria))

    def _finding(self, criteria: JournalFilter, find: Callable[[], T]) -> T:
        """Run a search; a writer whose full-text index turns out broken (FTS5 reports
        damage inside it, which the unlock's comparison of ids cannot see) rebuilds the
        index from the reflections and searches again, rather than hiding them all."""
        try:
            return find()
        except Exception as exc:
            damaged = getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT"
            if not (self._repair_index and damaged and criteria.query.strip()):
                raise
        from reflect.storage.search_index import rebuild

        rebuild(self._db)
        return find()

    def count(self) -> int:
        return self._reflections.count()

    def all_reflections(self) -> list[Reflection]:
        return list(self._reflections.iter_all())

    def setting_choices(self) -> list[str]:
        """The usual settings first, then any the person has typed themselves."""
        used = [s for s in self._reflections.distinct_settings() if s not in DEFAULT_SETTINGS]
        return list(DEFAULT_SETTINGS) + used

    def tags(self) -> list[str]:
        return self._reflections.distinct_tags()

    def tag_counts(self) -> dict[str, int]:
        """Every tag with how many reflections carry it (the tag manager's list)."""
        return self._reflections.tag_counts()

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere; renaming onto an existing tag merges the two."""
        return self.merge_tags([old], new)

    def merge_tags(self, tags: list[str], into: str) -> int:
        """Replace each of ``tags`` by ``into`` on every reflection (once per reflection)."""
        cleaned = clean_words([into])
        if not cleaned:
            raise ValidationError("A tag needs at least one letter or number.")
        target = cleaned[0]
        sources = {t for t in tags if t and t != target}
        if not sources:
            return 0
        changed = self._reflections.replace_tags(sources, target)
        if changed:
            self._announce("reflections_changed")
        return changed

    # --- the month view and "on this day" ---------------------------------------------------

    def month_marks(self, year: int, month: int) -> MonthMarks:
        from reflect.domain.journal_calendar import MonthMarks, month_bounds
        from reflect.storage.journal_calendar_repository import JournalCalendarRepository

        days = JournalCalendarRepository(self._db)
        first, last = month_bounds(year, month)
        return MonthMarks(
            year,
            month,
            days.reflection_days(first, last),
            frozenset(days.checkin_days(first, last)),
        )

    def on_this_day(self, today: date) -> list[Reflection]:
        """Reflections written on this day a year ago (for the opt-in look-back card)."""
        from reflect.domain.journal_calendar import days_a_year_ago
        from reflect.storage.journal_calendar_repository import JournalCalendarRepository

        calendar = JournalCalendarRepository(self._db)
        ids = [rid for day in days_a_year_ago(today) for rid in calendar.reflection_ids_on(day)]
        found = (self._reflections.get(rid) for rid in ids)
        return [r for r in found if r is not None]

    # --- follow-ups ----------------------------------------------------------------------

    def open_follow_ups(self) -> list[FollowUp]:
        return self._follow_ups.list_open()

    def reflection_dates(self, follow_ups: list[FollowUp]) -> dict[int, datetime]:
        """Reflection id -> when it happened, for the reflections these follow-ups came from."""
        ids = sorted({f.reflection_id for f in follow_ups if f.reflection_id is not None})
        return self._reflections.occurred_at_of(ids)

    def mark_follow_up_done(self, follow_up_id: int) -> None:
        self._follow_ups.set_done(follow_up_id, self._clock())
        self._announce("reflections_changed")

    def reopen_follow_up(self, follow_up_id: int) -> None:
        self._follow_ups.set_done(follow_up_id, None)
        self._announce("reflections_changed")

    def follow_up(self, follow_up_id: int) -> FollowUp | None:
        return self._follow_ups.get(follow_up_id)

    # --- drafts ----------------------------------------------------------------------------

    def save_draft(self, reflection: Reflection, base: Reflection | None = None) -> None:
        """``base``: the stored reflection as the editor loaded it, kept to check on save."""
        self._drafts.save(Draft(reflection, self._clock(), reflection.id, base))

    def load_draft(self) -> Draft | None:
        return self._drafts.load()

    def discard_draft(self) -> None:
        self._drafts.clear()
