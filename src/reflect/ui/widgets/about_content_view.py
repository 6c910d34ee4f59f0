"""About the content: every fact Reflect uses, with its citation. Links are shown, not opened,
because Reflect never goes online by itself."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget


def about_html(sections: Sequence) -> str:
    parts = [
        "<h2>About the content</h2>",
        "<p>Everything you read in Reflect is written in its own words. Questionnaire items are "
        "never reproduced; only facts such as scoring keys, published ranges, phone numbers and "
        "the models below are used, each with its source.</p>",
        "<p><b>Contents:</b> "
        + " · ".join(f"<a href='#{escape(s.id)}'>{escape(s.title)}</a>" for s in sections)
        + "</p>",
    ]
    for section in sections:
        parts.append(f"<h3><a name='{escape(section.id)}'></a>{escape(section.title)}</h3>")
        if section.intro:
            parts.append(f"<p>{escape(section.intro)}</p>")
        parts.append("<ul>")
        for fact in section.facts:
            cites = "<br>".join(
                escape(ref) + (f" <span style='color:gray'>{escape(url)}</span>" if url else "")
                for ref, url in fact.citations
            )
            label = "Source" if len(fact.citations) == 1 else "Sources"
            parts.append(f"<li>{escape(fact.text)}<br><small>{label}: {cites}</small></li>")
        parts.append("</ul>")
    return "".join(parts)


class AboutContentView(QWidget):
    def __init__(self, sections: Sequence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)  # in-page anchors only; there are no external hrefs
        self.browser.setAccessibleName("About the content: sources and citations")
        self.browser.setHtml(about_html(sections))
        layout.addWidget(self.browser)
