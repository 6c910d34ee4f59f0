"""Markdown summary of a debrief, rendered from the shared view alone, in the language of
the person exporting it (``words``; English by default)."""

from __future__ import annotations

from reflect.domain.words import ENGLISH, Words
from reflect.services.debrief_content import SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_view import ActionView, SharedView, label_colon


def _escape(text: str) -> str:
    # Keep the person's words from turning into headings, lists or links by accident.
    out = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def _action_line(action: ActionView, words: Words = ENGLISH) -> str:
    box = "x" if action.done else " "
    t = words
    extra = [t("owner: {owner}").format(owner=_escape(action.owner))] if action.owner else []
    if action.due:
        extra.append(t("due {date}").format(date=words.day(action.due)))
    if action.from_title:
        extra.append(t("from {title}").format(title=_escape(action.from_title)))
    suffix = f" ({'; '.join(extra)})" if extra else ""
    return f"- [{box}] {_escape(action.text)}{suffix}"


def debrief_markdown(view: SharedView, words: Words = ENGLISH) -> str:
    t = words
    lines = [f"# {_escape(view.title)}", ""]
    meta = []
    if view.supervisor:
        meta.append(t("With {name}").format(name=_escape(view.supervisor)))
    if view.scheduled_for:
        meta.append(words.day(view.scheduled_for))
    if view.completed_at:
        meta.append(t("completed"))
    if meta:
        lines += [" · ".join(meta), ""]
    lines += [f"_{t(SHARE_BANNER)}. {t(VOLUNTARY_NOTE)}_", ""]
    if view.topics:
        lines += [f"## {t('Topics')}", "", *[f"- {_escape(topic)}" for topic in view.topics], ""]
    if view.cards:
        lines += [f"## {t('Shared for this debrief')}", ""]
        for card in view.cards:
            lines.append(f"### {_escape(card.title)}")
            if card.subtitle:
                lines += ["", _escape(card.subtitle)]
            lines.append("")
            lines += [
                f"- **{_escape(label_colon(label, words))}** {_escape(text)}"
                for label, text in card.lines
            ]
            lines += [
                f"- {_escape(label_colon(bar.label, words))} {_escape(bar.text)}"
                for bar in card.bars
            ]
            lines.append("")
    notes = [(step, view.note(step.id)) for step in view.agenda if view.note(step.id).strip()]
    if notes:
        lines += [f"## {t('Notes')}", ""]
        for step, text in notes:
            lines += [f"### {_escape(step.title)}", "", _escape(text.strip()), ""]
    if view.actions:
        actions = [_action_line(a, words) for a in view.actions]
        lines += [f"## {t('Agreed actions')}", "", *actions, ""]
    if view.carried_over:
        lines += [
            f"## {t('Open from earlier debriefs')}",
            "",
            *[_action_line(a, words) for a in view.carried_over],
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
