"""Coping resources, my plan and help contacts for an unlocked profile.

The shipped content (coping library, crisis lines, about page) is read once per process and
validated; crisis lines are also available without a profile, because "Get help now" must
work on the lock screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from reflect.domain.content_fields import ContentReader
from reflect.domain.content_files import load_content_file
from reflect.domain.coping import CopingLibrary, Suggestion, load_coping_library, suggest
from reflect.domain.crisis_lines import CrisisDirectory, HelpContact, load_crisis_directory
from reflect.domain.errors import ReflectError
from reflect.domain.my_plan import MyPlan
from reflect.resources import asset_path
from reflect.services.events import ChangeFeed, announcer


@dataclass(frozen=True)
class AboutFact:
    text: str
    citations: tuple[tuple[str, str], ...]  # (reference, address or "")


@dataclass(frozen=True)
class AboutSection:
    id: str
    title: str
    intro: str
    facts: tuple[AboutFact, ...]
    page: str = ""  # a page of its own that shows this section too (e.g. "vicarious-trauma")


@dataclass(frozen=True)
class CheckinSnapshot:
    """What suggestions need from a check-in, as plain numbers (category -> 0-4)."""

    taken_at: datetime | None
    category_scores: dict[str, float]
    baseline: dict[str, float] = field(default_factory=dict)
    helping: dict[str, float] = field(default_factory=dict)


def snapshot_from_scored(scored: Any) -> CheckinSnapshot | None:
    """Adapt the check-in service's ``ScoredCheckIn`` without importing it (duck typed)."""
    if scored is None:
        return None

    def numbers(mapping: Any) -> dict[str, float]:
        return {k: float(v) for k, v in dict(mapping or {}).items() if v is not None}

    baseline = getattr(scored, "baseline", None)
    return CheckinSnapshot(
        taken_at=scored.checkin.taken_at,
        category_scores=numbers(scored.scores.categories),
        baseline=numbers(getattr(baseline, "categories", None)),
        helping=numbers(scored.checkin.helping),
    )


@lru_cache(maxsize=1)
def shipped_coping_library() -> CopingLibrary:
    return load_coping_library(asset_path("resources", "coping.json"))


@lru_cache(maxsize=1)
def shipped_crisis_directory() -> CrisisDirectory:
    return load_crisis_directory(asset_path("resources", "crisis_lines.json"))


@lru_cache(maxsize=1)
def shipped_about_content() -> tuple[AboutSection, ...]:
    path = asset_path("resources", "about_content.json")
    return parse_about_content(load_content_file(path), path.name)


def parse_about_content(data: Any, source: str) -> tuple[AboutSection, ...]:
    """Every fact must carry at least one citation: that is the point of the page."""
    root = ContentReader(source, data, "", "expected a non-empty list of sections")
    sections = []
    for i in range(len(root.array("sections", "expected a non-empty list of sections"))):
        raw = root.child("sections", i, "each section must be an object")
        facts = []
        for j in range(len(raw.array("facts", "list at least one fact"))):
            fact = raw.child("facts", j, "each fact must be an object")
            cites = fact.array("citations", "every fact needs at least one citation")
            parsed = []
            for k in range(len(cites)):
                cite = fact.child("citations", k, "each citation must be an object")
                parsed.append((cite.text("ref"), cite.text("url", required=False)))
            facts.append(AboutFact(fact.text("text"), tuple(parsed)))
        sections.append(
            AboutSection(
                raw.text("id"),
                raw.text("title"),
                raw.text("intro", required=False),
                tuple(facts),
                raw.text("page", required=False),
            )
        )
    return tuple(sections)


class PlanStore(Protocol):
    def load(self) -> MyPlan: ...
    def save(self, plan: MyPlan, now: datetime | None = None) -> MyPlan: ...


class HelpContactStore(Protocol):
    def list(self) -> list[HelpContact]: ...
    def add(self, contact: HelpContact) -> HelpContact: ...
    def update(self, contact: HelpContact) -> HelpContact: ...
    def delete(self, contact_id: int) -> None: ...


class ResourcesService:
    def __init__(
        self,
        plans: PlanStore,
        contacts: HelpContactStore,
        latest_checkin: Callable[[], CheckinSnapshot | None] | None = None,
        *,
        changes: ChangeFeed | None = None,
    ) -> None:
        self._announce = announcer(changes)
        self._plans = plans
        self._contacts = contacts
        self._latest_checkin = latest_checkin

    # --- shipped content ------------------------------------------------------------------

    @property
    def library(self) -> CopingLibrary:
        return shipped_coping_library()

    @property
    def crisis_directory(self) -> CrisisDirectory:
        return shipped_crisis_directory()

    @property
    def about(self) -> tuple[AboutSection, ...]:
        return shipped_about_content()

    def page_sections(self, page: str) -> tuple[AboutSection, ...]:
        """The cited sections of About the content that make up one page (same facts, same
        citations, so a page can never say something the About page does not source)."""
        return tuple(section for section in self.about if section.page == page)

    def suggestions(
        self,
        category_scores: dict[str, float],
        *,
        baseline: dict[str, float] | None = None,
        helping: dict[str, float] | None = None,
        taken_at: datetime | None = None,
        limit: int = 6,
        rotation: int = 0,
    ) -> list[Suggestion]:
        """Coping items for a check-in given as plain ``{category: score}`` (0-4 scale)."""
        return suggest(
            self.library,
            category_scores,
            baseline=baseline,
            helping=helping,
            taken_at=taken_at,
            limit=limit,
            rotation=rotation,
        )

    def latest_checkin(self) -> CheckinSnapshot | None:
        if self._latest_checkin is None:
            return None
        try:
            return self._latest_checkin()
        except ReflectError:
            # A broken check-in definition must not take the coping library down with it;
            # suggestions then fall back to a plain ABC mix.
            return None

    def suggestions_for_latest(self, *, limit: int = 6, rotation: int = 0) -> list[Suggestion]:
        """Suggestions after the latest check-in, or a plain ABC mix when there is none."""
        snapshot = self.latest_checkin()
        if snapshot is None:
            return self.suggestions({}, limit=limit, rotation=rotation)
        return self.suggestions(
            snapshot.category_scores,
            baseline=snapshot.baseline,
            helping=snapshot.helping,
            taken_at=snapshot.taken_at,
            limit=limit,
            rotation=rotation,
        )

    # --- my plan --------------------------------------------------------------------------

    def load_plan(self) -> MyPlan:
        return self._plans.load()

    def save_plan(self, plan: MyPlan) -> MyPlan:
        """Validate and save; raises ValidationError with a human message on bad input."""
        saved = self._plans.save(plan.cleaned())
        self._announce("plan_changed")
        return saved

    # --- personal help contacts -----------------------------------------------------------

    def help_contacts(self) -> list[HelpContact]:
        return self._contacts.list()

    def save_help_contact(self, contact: HelpContact) -> HelpContact:
        clean = contact.validated()
        return self._contacts.add(clean) if clean.id is None else self._contacts.update(clean)

    def delete_help_contact(self, contact_id: int) -> None:
        self._contacts.delete(contact_id)
