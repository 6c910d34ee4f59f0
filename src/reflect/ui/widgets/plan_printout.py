"""My plan as a printable page (HTML for QTextDocument) and as a PDF file written 0600.

The PDF is rendered into memory first and then written in one go to a private file, so no
partial or world-readable copy ever exists on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from reflect.domain.crisis_lines import CHANNEL_LABELS, CrisisLine, HelpContact
from reflect.domain.my_plan import LIST_SECTIONS, SECTION_LABELS, MyPlan
from reflect.paths import write_private_file
from reflect.ui.i18n import local_date, tr
from reflect.ui.pdf_render import html_to_pdf


def plan_html(
    plan: MyPlan,
    lines: Sequence[CrisisLine] = (),
    contacts: Sequence[HelpContact] = (),
    printed_at: datetime | None = None,
) -> str:
    when = printed_at or datetime.now()
    nothing = "<p><i>" + escape(tr("Nothing written yet."), quote=False) + "</i></p>"
    printed = tr("Printed {date}. Private: keep it somewhere safe.").format(
        date=local_date(when, "d MMMM yyyy")
    )
    parts = [
        "<h1>" + escape(tr("My plan"), quote=False) + "</h1>",
        "<p><small>" + escape(printed, quote=False) + "</small></p>",
    ]
    for section in ("warning_signs", "what_helps", "people", "boundaries"):
        parts.append(f"<h2>{escape(tr(SECTION_LABELS[section]), quote=False)}</h2>")
        if section in LIST_SECTIONS:
            entries = getattr(plan, section)
            if entries:
                parts.append("<ul>" + "".join(f"<li>{escape(e)}</li>" for e in entries) + "</ul>")
            else:
                parts.append(nothing)
        elif plan.people:
            rows = "".join(
                f"<tr><td>{escape(p.name)}</td><td>{escape(p.how_to_reach)}</td><td>{escape(p.note)}</td></tr>"
                for p in plan.people
            )
            parts.append(
                "<table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>"
                + "".join(
                    f"<th align='left'>{escape(tr(head), quote=False)}</th>"
                    for head in ("Who", "How to reach them", "When or why")
                )
                + f"</tr>{rows}</table>"
            )
        else:
            parts.append(nothing)
    if lines or contacts:
        parts.append("<h2>" + escape(tr("Help lines"), quote=False) + "</h2><ul>")
        for line in lines:
            ways = ", ".join(
                f"{escape(tr(CHANNEL_LABELS[c.type]), quote=False)} {escape(c.value)}"
                for c in line.channels
                if c.type != "chat"
            )
            name, hours = escape(tr(line.name), quote=False), escape(tr(line.hours), quote=False)
            parts.append(f"<li><b>{name}</b>: {ways} ({hours})</li>")
        for contact in contacts:
            ways = ", ".join(escape(x) for x in (contact.phone, contact.text) if x)
            parts.append(f"<li><b>{escape(contact.name)}</b>: {ways} {escape(contact.hours)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def render_pdf(html: str) -> bytes:
    return html_to_pdf(html, tr("My plan"))


def write_plan_pdf(path: Path, html: str) -> None:
    write_private_file(path, render_pdf(html))
