"""Plain Markdown: a readable journal (reflections with their template's questions,
follow-ups, check-ins, questionnaire results, plan and debriefs). It is NOT encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reflect.domain.reflection import Reflection
from reflect.services.exporters import Exporter, ExportOptions, register
from reflect.services.session import Session


def _reflection(session: Session, reflection: Reflection) -> list[str]:
    template = session.journal.template_for(reflection)
    when = reflection.occurred_at.isoformat(" ", "minutes")
    lines = [f"## {when} · {template.name} · {reflection.setting}", ""]
    facts = []
    if reflection.intensity is not None:
        facts.append(f"intensity {reflection.intensity}/10")
    if reflection.feelings:
        facts.append("feelings: " + ", ".join(reflection.feelings))
    if reflection.tags:
        facts.append("tags: " + ", ".join(reflection.tags))
    if facts:
        lines += ["*" + "; ".join(facts) + "*", ""]
    shown: set[str] = set()
    for field in template.fields():
        for key in field.answer_keys():
            value = reflection.answers.get(key)
            if value in (None, "", []):
                continue
            shown.add(key)
            if key.endswith(".rating"):
                lines.append(f"**{field.label}**: {value}/5")
            elif key.endswith(".note"):
                lines.append(f"> {value}")
            elif field.options:
                lines.append(f"**{field.label}**: {field.option_label(str(value))}")
            else:
                lines += [f"**{field.label}**", "", str(value)]
            lines.append("")
    for key, value in reflection.answers.items():  # answers from a template that is gone
        if key not in shown and value not in (None, "", []):
            lines += [f"**{key}**: {value}", ""]
    for item in reflection.follow_ups:
        due = f" (due {item.due.isoformat()})" if item.due else ""
        lines.append(f"- [{'x' if item.done_at else ' '}] {item.text}{due}")
    if reflection.follow_ups:
        lines.append("")
    return lines


def _table(title: str, rows: list[dict[str, Any]], fields: list[str]) -> list[str]:
    if not rows:
        return []
    lines = [f"# {title}", "", "| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
    for row in rows:
        cells = [str(row.get(f, "") if row.get(f) is not None else "") for f in fields]
        lines.append(
            "| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |"
        )
    return [*lines, ""]


def _team_tables(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """A coordinator's assessment (domain ratings) and action plan, and which anonymous
    contributions the profile keeps (their figures are in the JSON and CSV exports)."""
    assessments = [
        {
            **row,
            "domains": "; ".join(
                f"{d.get('label', d.get('domain'))}: {d.get('rating')}"
                for d in row.get("domains") or []
                if isinstance(d, dict)
            ),
        }
        for row in tables.get("team_assessments", [])
    ]
    lines = _table(
        "Team self-assessments", assessments, ["taken_at", "mode", "participants", "domains"]
    )
    lines += _table(
        "Team action plan",
        tables.get("team_actions", []),
        ["domain", "what", "who", "by_when", "review_on", "done_on"],
    )
    lines += _table(
        "Team contributions kept",
        tables.get("team_contributions", []),
        ["contributor", "written", "imported_at"],
    )
    return lines


def write(session: Session, target: Path, options: ExportOptions) -> dict[str, Any]:
    from reflect.storage.table_dump import read_all

    reflections = session.journal.all_reflections()
    tables = read_all(session.db.conn)
    lines = [f"# Reflect journal: {session.profile.display_name}", ""]
    lines += ["Exported from Reflect. This file is not encrypted.", "", "# Reflections", ""]
    for i, reflection in enumerate(reflections):
        lines += _reflection(session, reflection)
        if options.progress and i % 500 == 0:
            options.progress(10 + int(70 * i / max(1, len(reflections))), "Writing reflections…")
    lines += _table(
        "Check-ins", tables.get("checkins", []), ["taken_at", "sleep", "energy", "note"]
    )
    lines += _table(
        "Questionnaire results",
        tables.get("instrument_results", []),
        ["taken_at", "instrument_id", "scores", "bands"],
    )
    lines += _table("My plan", tables.get("plan", []), ["section", "value"])
    lines += _table(
        "Debriefs",
        tables.get("debriefs", []),
        ["scheduled_for", "title", "completed_at", "notes"],
    )
    lines += _table(
        "Shifts logged",
        tables.get("shift_logs", []),
        ["day", "hours", "encounters", "disclosures", "material", "crises", "critical", "outline"],
    )
    lines += _table("Breaks", tables.get("breaks", []), ["start_day", "end_day", "kind"])
    lines += _table(
        "Self-checks", tables.get("shift_self_checks", []), ["kind", "due_on", "status"]
    )
    lines += _table(
        "After-work checks",
        tables.get("after_work_checks", []),
        ["taken_at", "switched_off", "helped"],
    )
    lines += _team_tables(tables)
    standalone = [f for f in tables.get("follow_ups", []) if not f.get("reflection_id")]
    lines += _table("Other follow-ups", standalone, ["created_at", "text", "due", "done_at"])
    Path(target).write_text("\n".join(lines), encoding="utf-8")
    return {"counts": {name: len(rows) for name, rows in tables.items()}}


register(Exporter("markdown", "Markdown journal (plain text)", ".md", True, write))
