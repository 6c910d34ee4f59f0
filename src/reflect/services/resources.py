"""Coping resources, my plan and help contacts for an unlocked profile.

The shipped content (coping library, crisis lines, about page) is read once per process and
validated; crisis lines are also available without a profile, because "Get help now" must
work on the lock screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from reflect.domain.coping import CopingLibrary, Suggestion, load_coping_library, suggest
from reflect.domain.crisis_lines import CrisisDirectory, HelpContact, load_crisis_directory
from reflect.domain.errors import ContentError, ReflectError
from reflect.domain.my_plan import MyPlan
from reflect.resources import asset_path


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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ContentError(path.name, "(file)", "the file is missing") from exc
    except json.JSONDecodeError as exc:
        raise ContentError(path.name, f"line {exc.lineno}", f"not valid JSON ({exc.msg})") from exc
    return parse_about_content(data, path.name)


def parse_about_content(data: Any, source: str) -> tuple[AboutSection, ...]:
    """Every fact must carry at least one citation: that is the point of the page."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("sections"), list)
        or not data["sections"]
    ):
        raise ContentError(source, "sections", "expected a non-empty list of sections")
    sections = []
    for i, raw in enumerate(data["sections"]):
        where = f"sections[{i}]"
        if not isinstance(raw, dict):
            raise ContentError(source, where, "each section must be an object")
        for key in ("id", "title"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise ContentError(source, f"{where}.{key}", "must be non-empty text")
        intro = raw.get("intro", "")
        if not isinstance(intro, str):
            raise ContentError(source, f"{where}.intro", "must be text")
        facts_raw = raw.get("facts")
        if not isinstance(facts_raw, list) or not facts_raw:
            raise ContentError(source, f"{where}.facts", "list at least one fact")
        facts = []
        for j, fact in enumerate(facts_raw):
            at = f"{where}.facts[{j}]"
            if (
                not isinstance(fact, dict)
                or not isinstance(fact.get("text"), str)
                or not fact["text"].strip()
            ):
                raise ContentError(source, f"{at}.text", "must be non-empty text")
            cites = fact.get("citations")
            if not isinstance(cites, list) or not cites:
                raise ContentError(
                    source, f"{at}.citations", "every fact needs at least one citation"
                )
            parsed = []
            for k, cite in enumerate(cites):
                if (
                    not isinstance(cite, dict)
                    or not isinstance(cite.get("ref"), str)
                    or not cite["ref"].strip()
                ):
                    raise ContentError(source, f"{at}.citations[{k}].ref", "must be non-empty text")
                url = cite.get("url", "")
                if not isinstance(url, str):
                    raise ContentError(source, f"{at}.citations[{k}].url", "must be text")
                parsed.append((cite["ref"].strip(), url.strip()))
            facts.append(AboutFact(fact["text"].strip(), tuple(parsed)))
        page = raw.get("page", "")
        if not isinstance(page, str):
            raise ContentError(source, f"{where}.page", "must be text")
        sections.append(
            AboutSection(
                raw["id"].strip(), raw["title"].strip(), intro.strip(), tuple(facts), page.strip()
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
    ) -> None:
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
        return self._plans.save(plan.cleaned())

    # --- personal help contacts -----------------------------------------------------------

    def help_contacts(self) -> list[HelpContact]:
        return self._contacts.list()

    def save_help_contact(self, contact: HelpContact) -> HelpContact:
        clean = contact.validated()
        return self._contacts.add(clean) if clean.id is None else self._contacts.update(clean)

    def delete_help_contact(self, contact_id: int) -> None:
        self._contacts.delete(contact_id)
