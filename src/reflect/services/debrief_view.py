"""The shared view of a debrief: the ONLY data debrief mode and the exports ever see.

It is built item by item from the debrief's ``shared`` list, so nothing the provider did not
pick can get in: there is no field that holds "everything", and each card is plain text made
from one shared record. Debrief mode, the Markdown summary and the PDF are all rendered from
this object alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, HELPING_AREAS, HELPING_LABELS
from reflect.domain.checkin_scoring import ScoredCheckIn
from reflect.domain.debrief import CHARTS, AgendaStep, Debrief
from reflect.domain.reflection import FollowUp, Reflection
from reflect.domain.templates import Template
from reflect.domain.usual import NO_USUAL, WORDING, compare_with_usual
from reflect.domain.words import ENGLISH, Words
from reflect.services.debrief_content import AGENDA

SLEEP_WORDS = ("very poor", "poor", "so-so", "fairly good", "restful")
ENERGY_WORDS = ("empty", "low", "some", "good", "plenty")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    maximum: float
    text: str


@dataclass(frozen=True)
class SharedCard:
    kind: str  # reflection / checkin / chart
    ref: str
    title: str
    subtitle: str = ""
    lines: tuple[tuple[str, str], ...] = ()  # (label, text)
    bars: tuple[Bar, ...] = ()


@dataclass(frozen=True)
class ActionView:
    id: int
    text: str
    owner: str
    due: date | None
    done: bool
    from_title: str = ""  # set for actions carried over from an earlier debrief


@dataclass(frozen=True)
class SharedView:
    debrief_id: int
    title: str
    supervisor: str
    scheduled_for: datetime | None
    completed_at: datetime | None
    topics: tuple[str, ...]
    cards: tuple[SharedCard, ...]
    agenda: tuple[AgendaStep, ...]
    notes: tuple[tuple[str, str], ...]  # (step id, notes) in agenda order
    actions: tuple[ActionView, ...]
    carried_over: tuple[ActionView, ...]  # open actions agreed in earlier debriefs

    def note(self, step_id: str) -> str:
        return dict(self.notes).get(step_id, "")

    def all_text(self) -> str:
        """Every string in the view, for leak checks and search."""
        parts = [self.title, self.supervisor, *self.topics]
        for card in self.cards:
            parts += [card.title, card.subtitle]
            parts += [f"{a} {b}" for a, b in card.lines]
            parts += [f"{b.label} {b.text}" for b in card.bars]
        parts += [text for _, text in self.notes]
        parts += [f"{a.text} {a.owner} {a.from_title}" for a in (*self.actions, *self.carried_over)]
        return "\n".join(parts)


def label_colon(label: str, words: Words = ENGLISH) -> str:
    """``label`` followed by a colon, unless it already ends in punctuation (a question).
    French puts a space before the colon, so the colon is part of the wording."""
    if label.rstrip().endswith(("?", ":", ".", "!")):
        return label
    return words("{label}:").format(label=label)


def action_view(item: FollowUp, from_title: str = "") -> ActionView:
    return ActionView(
        id=int(item.id or 0),
        text=item.text,
        owner=item.owner,
        due=item.due,
        done=item.done_at is not None,
        from_title=from_title,
    )


def reflection_card(
    ref: str,
    reflection: Reflection | None,
    template: Template | None,
    words: Words = ENGLISH,
    parts: tuple[str, ...] | None = None,
) -> SharedCard:
    """The card of one shared reflection; with ``parts`` only those parts (field ids and
    summary parts such as "feelings") are read from it, so nothing else can leak."""
    t = words

    def shares(part: str) -> bool:
        return parts is None or part in parts

    if reflection is None:
        return SharedCard(
            "reflection", ref, t("A shared reflection"), t("It has been deleted since.")
        )
    name = t(template.name) if template else t("Reflection")
    subtitle = f"{words.day(reflection.occurred_at)} · {t(reflection.setting)}"
    if reflection.intensity is not None and shares("intensity"):
        subtitle += " · " + t("intensity {value}/10").format(value=reflection.intensity)
    lines: list[tuple[str, str]] = []
    if reflection.feelings and shares("feelings"):
        lines.append((t("Feelings"), ", ".join(reflection.feelings)))
    if template is not None:
        for fld in template.fields():
            if not shares(fld.id):
                continue
            if fld.type == "rating":
                rating = reflection.answers.get(f"{fld.id}.rating")
                note = reflection.answers.get(f"{fld.id}.note")
                if rating is not None or note:
                    text = f"{rating}/5" if rating is not None else ""
                    if note:
                        text = f"{text} · {note}" if text else str(note)
                    lines.append((t(fld.label), text))
            elif fld.type == "choice" and reflection.answers.get(fld.id):
                lines.append((t(fld.label), t(fld.option_label(str(reflection.answers[fld.id])))))
            elif fld.type != "intensity" and isinstance(reflection.answers.get(fld.id), str):
                lines.append((t(fld.label), str(reflection.answers[fld.id])))
    if reflection.tags and shares("tags"):
        lines.append((t("Tags"), ", ".join(reflection.tags)))
    for item in reflection.follow_ups if shares("follow_ups") else ():
        lines.append((t("Follow-up"), item.text + (t(" (done)") if item.done_at else "")))
    return SharedCard("reflection", ref, name, subtitle, tuple(lines))


def _score_text(value: float | None, compared: str, words: Words = ENGLISH) -> str:
    if value is None:
        return words("not answered")
    text = words.of(value, 4)
    if compared != NO_USUAL:
        text += " · " + words(WORDING[compared])
    return text


def checkin_card(ref: str, scored: ScoredCheckIn | None, words: Words = ENGLISH) -> SharedCard:
    t = words
    if scored is None:
        return SharedCard("checkin", ref, t("A shared check-in"), t("It has been deleted since."))
    checkin, scores = scored.checkin, scored.scores
    compared = compare_with_usual(scored)
    lines = [(t("Warning signs overall"), _score_text(scores.overall, compared.overall, words))]
    if compared.available:
        lines.append((t("Compared with your usual"), compared.summary(words)))
    bars = tuple(
        Bar(
            t(CATEGORY_LABELS[c]),
            scores.categories.get(c),
            4.0,
            _score_text(scores.categories.get(c), compared.of(c), words),
        )
        for c in CATEGORIES
        if scores.categories.get(c) is not None
    )
    if checkin.sleep is not None:
        lines.append((t("Sleep"), t(SLEEP_WORDS[max(0, min(4, checkin.sleep))])))
    if checkin.energy is not None:
        lines.append((t("Energy"), t(ENERGY_WORDS[max(0, min(4, checkin.energy))])))
    for area in HELPING_AREAS:
        if area in checkin.helping:
            value = t("{value} of {maximum}").format(value=checkin.helping[area], maximum=4)
            lines.append((t(HELPING_LABELS[area]), value))
    if checkin.helped_note.strip():
        lines.append((t("What helped"), checkin.helped_note.strip()))
    if checkin.note.strip():
        lines.append((t("Note"), checkin.note.strip()))
    return SharedCard(
        "checkin", ref, t("Check-in"), words.day(checkin.taken_at), tuple(lines), bars
    )


def chart_card(
    ref: str, bars: list[Bar], empty: str = "Not enough data yet.", words: Words = ENGLISH
) -> SharedCard:
    title = words(CHARTS.get(ref, ref))
    return SharedCard("chart", ref, title, "" if bars else words(empty), (), tuple(bars))


def build_shared_view(
    debrief: Debrief,
    card_for: Callable[[str, str], SharedCard],
    actions: list[FollowUp],
    carried_over: list[tuple[FollowUp, str]],
    words: Words = ENGLISH,
) -> SharedView:
    """``card_for(kind, ref)`` is asked only for the debrief's shared references; the
    agenda's titles and prompts are in the reader's language (``words``)."""
    return SharedView(
        debrief_id=int(debrief.id or 0),
        title=debrief.title,
        supervisor=debrief.supervisor,
        scheduled_for=debrief.scheduled_for,
        completed_at=debrief.completed_at,
        topics=tuple(debrief.topics),
        cards=tuple(card_for(kind, ref) for kind, ref in debrief.shared),
        agenda=tuple(AgendaStep(s.id, words(s.title), words(s.prompt)) for s in AGENDA),
        notes=tuple((step.id, debrief.notes.get(step.id, "")) for step in AGENDA),
        actions=tuple(action_view(a) for a in actions),
        carried_over=tuple(action_view(a, title) for a, title in carried_over),
    )
