"""Markdown summary of a debrief, rendered from the shared view alone."""

from __future__ import annotations

from reflect.domain.debrief import SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_view import ActionView, SharedView, day_text, label_colon


def _escape(text: str) -> str:
    # Keep the person's words from turning into headings, lists or links by accident.
    out = text.replace("\\", "\\\\")
    for char in "*_`[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def _action_line(action: ActionView) -> str:
    box = "x" if action.done else " "
    extra = [f"owner: {_escape(action.owner)}"] if action.owner else []
    if action.due:
        extra.append(f"due {day_text(action.due)}")
    if action.from_title:
        extra.append(f"from {_escape(action.from_title)}")
    suffix = f" ({'; '.join(extra)})" if extra else ""
    return f"- [{box}] {_escape(action.text)}{suffix}"


def debrief_markdown(view: SharedView) -> str:
    lines = [f"# {_escape(view.title)}", ""]
    meta = []
    if view.supervisor:
        meta.append(f"With {_escape(view.supervisor)}")
    if view.scheduled_for:
        meta.append(day_text(view.scheduled_for))
    if view.completed_at:
        meta.append("completed")
    if meta:
        lines += [" · ".join(meta), ""]
    lines += [f"_{SHARE_BANNER}. {VOLUNTARY_NOTE}_", ""]
    if view.topics:
        lines += ["## Topics", "", *[f"- {_escape(t)}" for t in view.topics], ""]
    if view.cards:
        lines += ["## Shared for this debrief", ""]
        for card in view.cards:
            lines.append(f"### {_escape(card.title)}")
            if card.subtitle:
                lines += ["", _escape(card.subtitle)]
            lines.append("")
            lines += [
                f"- **{_escape(label_colon(label))}** {_escape(text)}" for label, text in card.lines
            ]
            lines += [f"- {_escape(bar.label)}: {_escape(bar.text)}" for bar in card.bars]
            lines.append("")
    notes = [(step, view.note(step.id)) for step in view.agenda if view.note(step.id).strip()]
    if notes:
        lines += ["## Notes", ""]
        for step, text in notes:
            lines += [f"### {_escape(step.title)}", "", _escape(text.strip()), ""]
    if view.actions:
        lines += ["## Agreed actions", "", *[_action_line(a) for a in view.actions], ""]
    if view.carried_over:
        lines += [
            "## Open from earlier debriefs",
            "",
            *[_action_line(a) for a in view.carried_over],
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
