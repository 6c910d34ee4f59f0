"""Guided debriefs: prepare (choose what to share), walk the agenda, agree actions, export.

Everything shown in debrief mode or exported goes through :class:`SharedView`, built from
the debrief's own ``shared`` list; :class:`DebriefRoom` is the narrow handle debrief mode gets,
which can write notes and actions but can only read that shared view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from reflect.domain.debrief import (
    AGENDA_IDS,
    CHARTS,
    EXTRA_PART_LABELS,
    REFLECTION_EXTRA_PARTS,
    AgendaStep,
    Debrief,
    clean_parts,
    clean_topics,
    shared_ref,
)
from reflect.domain.errors import ValidationError
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import FollowUp, Reflection
from reflect.domain.words import ENGLISH, Words
from reflect.services import debrief_charts
from reflect.services.debrief_content import AGENDA
from reflect.services.debrief_view import (
    ActionView,
    SharedCard,
    SharedView,
    action_view,
    build_shared_view,
    chart_card,
    checkin_card,
    reflection_card,
)
from reflect.services.events import ChangeFeed, announcer

# (this debrief's actions, the open ones carried over from earlier debriefs)
AgreedActions = tuple[tuple[ActionView, ...], tuple[ActionView, ...]]

if TYPE_CHECKING:
    from reflect.services.checkins import CheckinService
    from reflect.services.exposure import ExposureService
    from reflect.services.journal import JournalService
    from reflect.storage.debrief_repository import DebriefRepository

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Choice:
    """Something the provider may pick to share: its reference and a one-line label."""

    kind: str
    ref: str
    label: str


class DebriefService:
    def __init__(
        self,
        repository: DebriefRepository,
        journal: JournalService,
        checkins: CheckinService,
        clock: Clock = datetime.now,
        exposure: ExposureService | None = None,
        *,
        changes: ChangeFeed | None = None,
    ) -> None:
        self._announce = announcer(changes)
        self._repo = repository
        self._journal = journal
        self._checkins = checkins
        self._clock = clock
        self._exposure = exposure

    # --- preparing ------------------------------------------------------------------

    def new(
        self,
        title: str = "",
        supervisor: str = "",
        scheduled_for: datetime | None = None,
        words: Words = ENGLISH,
    ) -> Debrief:
        """An unsaved debrief with nothing shared: sharing is always an explicit choice."""
        when = scheduled_for or self._clock().replace(second=0, microsecond=0)
        title = title or words("Debrief {date}").format(date=words.day(when))
        return Debrief(title=title, supervisor=supervisor, scheduled_for=when)

    def save(self, debrief: Debrief) -> Debrief:
        title = " ".join(debrief.title.split())
        if not title:
            raise ValidationError(
                "Please give the debrief a title, for example the date or a theme."
            )
        unknown = set(debrief.notes) - set(AGENDA_IDS)
        if unknown:
            raise ValidationError("Unknown agenda step: {step}.", step=sorted(unknown)[0])
        shared: list[tuple[str, str]] = []
        for kind, ref in debrief.shared:
            item = shared_ref(kind, ref)
            if item not in shared:
                shared.append(item)
        # Parts are kept only for reflections that are still shared: unticking a reflection
        # forgets which of its parts were chosen.
        shared_reflections = {ref for kind, ref in shared if kind == "reflection"}
        parts = {
            str(ref): clean_parts(list(chosen))
            for ref, chosen in debrief.parts.items()
            if str(ref) in shared_reflections
        }
        clean = replace(
            debrief,
            title=title,
            supervisor=" ".join(debrief.supervisor.split()),
            topics=clean_topics(debrief.topics),
            shared=shared,
            parts=parts,
            notes={k: v for k, v in debrief.notes.items() if v.strip()},
            created_at=debrief.created_at or self._clock(),
        )
        saved = self._repo.update(clean) if clean.id is not None else self._repo.add(clean)
        self._announce("debriefs_changed")
        return saved

    def get(self, debrief_id: int) -> Debrief | None:
        return self._repo.get(debrief_id)

    def history(self) -> list[Debrief]:
        return self._repo.history()

    def delete(self, debrief_id: int) -> None:
        self._repo.delete(debrief_id)
        self._announce("debriefs_changed")

    def reflection_choices(
        self, query: str = "", limit: int = 200, words: Words = ENGLISH
    ) -> list[Choice]:
        """Recent reflections (or those matching ``query``, through the journal's full-text
        search) to pick from, labelled by date, template and setting only."""
        choices = []
        for s in self._journal.search(JournalFilter(query=query.strip()), limit=limit):
            name = words(self._journal.templates.name_of(s.template_id))
            label = f"{words.day(s.occurred_at)} · {name} · {words(s.setting)}"
            choices.append(Choice("reflection", str(s.id), label))
        return choices

    def checkin_choices(self, limit: int = 52, words: Words = ENGLISH) -> list[Choice]:
        choices = []
        for entry in reversed(self._checkins.recent_scored(limit)):
            overall = entry.scores.overall
            score = (
                words("warning signs {score}").format(score=words.of(overall, 4))
                if overall is not None
                else words("no ratings")
            )
            label = f"{words.day(entry.checkin.taken_at)} · {score}"
            choices.append(Choice("checkin", str(entry.checkin.id), label))
        return choices

    def reflection_parts(self, ref: str, words: Words = ENGLISH) -> list[Choice]:
        """The parts of one reflection that can be shared on their own, in the order its card
        shows them: summary parts first, then each question the person answered."""
        reflection = self._journal.get(int(ref)) if str(ref).isdigit() else None
        if reflection is None:
            return []
        present = {
            "intensity": reflection.intensity is not None,
            "feelings": bool(reflection.feelings),
            "tags": bool(reflection.tags),
            "follow_ups": bool(reflection.follow_ups),
        }
        choices = [
            Choice("part", part, words(EXTRA_PART_LABELS[part]))
            for part in REFLECTION_EXTRA_PARTS
            if present[part]
        ]
        template = self._journal.template_for(reflection)
        if template is not None:
            for fld in template.fields():
                keys = fld.answer_keys()
                if any(reflection.answers.get(k) not in (None, "") for k in keys):
                    choices.append(Choice("part", fld.id, words(fld.label)))
        return choices

    def default_parts(self, ref: str, remembered: list[str] | None = None) -> tuple[str, ...]:
        """Parts a newly ticked reflection starts with: the parts the person chose last time
        (``remembered``) where this reflection has them, else only its first answer (the
        outline). Everything more private starts unticked."""
        available = [c.ref for c in self.reflection_parts(ref)]
        if remembered:
            picked = tuple(p for p in available if p in remembered)
            if picked:
                return picked
        questions = [p for p in available if p not in REFLECTION_EXTRA_PARTS]
        return tuple(questions[:1])

    @staticmethod
    def chart_choices(words: Words = ENGLISH) -> list[Choice]:
        return [Choice("chart", key, words(label)) for key, label in CHARTS.items()]

    # --- the shared view ------------------------------------------------------------

    def _as_of(self, when: datetime | None) -> datetime:
        """Charts are drawn as of the debrief when it lies in the past, else as of now."""
        now = self._clock()
        return when if when is not None and when < now else now

    def _card(
        self,
        kind: str,
        ref: str,
        as_of: datetime | None = None,
        words: Words = ENGLISH,
        parts: tuple[str, ...] | None = None,
        reflections: dict[int, Reflection] | None = None,
    ) -> SharedCard:
        """``reflections``: read beforehand (a debrief's shared ones, all at once); a
        reflection missing from it has been deleted since."""
        if kind == "reflection":
            found = reflections if reflections is not None else self._journal.get_many([int(ref)])
            reflection = found.get(int(ref))
            template = self._journal.template_for(reflection) if reflection else None
            return reflection_card(ref, reflection, template, words, parts)
        if kind == "checkin":
            try:
                scored = self._checkins.scored(int(ref))
            except KeyError:
                scored = None
            return checkin_card(ref, scored, words)
        anchor = self._as_of(as_of)
        today = anchor.date()
        if ref == "warning_signs":
            until = None if as_of is None or anchor != as_of else anchor
            bars = debrief_charts.warning_sign_bars(self._checkins, until=until, words=words)
        elif ref == "practice_ratings":
            bars = debrief_charts.practice_rating_bars(self._journal, today, words=words)
        elif ref == "exposure":
            bars = (
                debrief_charts.exposure_bars(self._exposure, today, words=words)
                if self._exposure is not None
                else []
            )
        else:
            bars = debrief_charts.intensity_bars(self._journal, today, words=words)
        return chart_card(ref, bars, words=words)

    def preview(
        self,
        kind: str,
        ref: str,
        as_of: datetime | None = None,
        words: Words = ENGLISH,
        parts: tuple[str, ...] | None = None,
    ) -> SharedCard:
        """Exactly the card debrief mode would show for one item (with only ``parts`` of a
        reflection), so the provider sees what a tick reveals before sharing it."""
        item_kind, item_ref = shared_ref(kind, ref)
        return self._card(item_kind, item_ref, as_of, words, parts)

    def shared_view(self, debrief_id: int, words: Words = ENGLISH) -> SharedView:
        """What debrief mode and the exports show, in the reader's language (``words``)."""
        debrief = self._repo.require(debrief_id)
        reflections = self._journal.get_many(
            [int(ref) for kind, ref in debrief.shared if kind == "reflection"]
        )

        def card(kind: str, ref: str) -> SharedCard:
            parts = debrief.parts_of(ref) if kind == "reflection" else None
            return self._card(kind, ref, debrief.scheduled_for, words, parts, reflections)

        actions, earlier = self._agreed(debrief_id)
        return build_shared_view(debrief, card, actions, earlier, words)

    def _agreed(self, debrief_id: int) -> tuple[list[FollowUp], list[tuple[FollowUp, str]]]:
        """This debrief's actions, and the open ones carried over with their debrief's title."""
        history = self._repo.history()  # newest first
        position = next(i for i, d in enumerate(history) if d.id == debrief_id)
        # Carried over: still open and agreed in a debrief held BEFORE this one (a later
        # debrief's actions do not belong in an older one's summary).
        titles = {d.id: d.title for d in history[position + 1 :]}
        earlier = [
            (a, titles[a.debrief_id]) for a in self._repo.open_actions() if a.debrief_id in titles
        ]
        return self._repo.actions_for(debrief_id), earlier

    def action_views(self, debrief_id: int) -> AgreedActions:
        """The actions of the shared view alone, (this debrief's, carried over): debrief
        mode reads them on every tick, and rebuilding every card (500 long reflections in
        a large debrief) for that took a tenth of a second each time."""
        self._repo.require(debrief_id)
        actions, earlier = self._agreed(debrief_id)
        return (
            tuple(action_view(a) for a in actions),
            tuple(action_view(a, title) for a, title in earlier),
        )

    @staticmethod
    def room_agenda(words: Words = ENGLISH) -> list[AgendaStep]:
        """The agenda's steps in the reader's language."""
        return [AgendaStep(s.id, words(s.title), words(s.prompt)) for s in AGENDA]

    def room(self, debrief_id: int, words: Words = ENGLISH) -> DebriefRoom:
        self._repo.require(debrief_id)
        return DebriefRoom(self, debrief_id, words)

    # --- agreed actions ---------------------------------------------------------------

    def add_action(
        self, debrief_id: int, text: str, owner: str = "", due: date | None = None
    ) -> FollowUp:
        clean = " ".join(text.split())
        if not clean:
            raise ValidationError("Please describe the action you agreed.")
        self._repo.require(debrief_id)
        item = FollowUp(
            text=clean,
            owner=" ".join(owner.split()),
            due=due,
            debrief_id=debrief_id,
            created_at=self._clock(),
        )
        added = self._repo.actions.add(item)
        self._announce("debriefs_changed")
        return added

    def actions(self, debrief_id: int) -> list[FollowUp]:
        return self._repo.actions_for(debrief_id)

    def open_actions(self) -> list[FollowUp]:
        """Open actions agreed in any debrief, soonest due first (for the home screen)."""
        return self._repo.open_actions()

    def set_action_done(self, action_id: int, done: bool = True) -> None:
        self._repo.actions.set_done(
            action_id, self._clock().replace(microsecond=0) if done else None
        )
        self._announce("debriefs_changed")

    def delete_action(self, action_id: int) -> None:
        self._repo.actions.delete(action_id)
        self._announce("debriefs_changed")

    def save_note(self, debrief_id: int, step_id: str, text: str) -> None:
        debrief = self._repo.require(debrief_id)
        if step_id not in AGENDA_IDS:
            raise ValidationError("Unknown agenda step: {step}.", step=step_id)
        debrief.notes[step_id] = text
        self.save(debrief)

    def set_completed(self, debrief_id: int, completed: bool = True) -> Debrief:
        debrief = self._repo.require(debrief_id)
        return self.save(
            replace(
                debrief, completed_at=self._clock().replace(microsecond=0) if completed else None
            )
        )


class DebriefRoom:
    """What debrief mode may do: read the shared view, write notes and actions. Nothing else."""

    def __init__(self, service: DebriefService, debrief_id: int, words: Words = ENGLISH) -> None:
        self._service = service
        self.debrief_id = debrief_id
        self.words = words

    def view(self) -> SharedView:
        return self._service.shared_view(self.debrief_id, self.words)

    def actions(self) -> AgreedActions:
        """(this debrief's actions, those carried over), as in ``view()``, without its cards."""
        return self._service.action_views(self.debrief_id)

    def save_note(self, step_id: str, text: str) -> None:
        self._service.save_note(self.debrief_id, step_id, text)

    def add_action(self, text: str, owner: str = "", due: date | None = None) -> None:
        self._service.add_action(self.debrief_id, text, owner, due)

    def set_action_done(self, action_id: int, done: bool = True) -> None:
        # Only actions that are in this view (this debrief's or carried over) may be touched.
        actions, carried_over = self.actions()
        if action_id not in {a.id for a in (*actions, *carried_over)}:
            raise ValidationError("That action is not part of this debrief.")
        self._service.set_action_done(action_id, done)

    def complete(self) -> None:
        self._service.set_completed(self.debrief_id, True)
